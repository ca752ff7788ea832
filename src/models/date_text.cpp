#include "models/date_text.h"

#include "models/text.h"
#include "models/translate.h"

namespace md {

std::string display_date(const Date& day) {
    if (day.is_special()) return "";
    const int month = day.month(), d = day.day();
    // Arguments: {0} year, {1} month and {2} day with two digits, {3} month and {4} day without
    // a leading zero (Chinese writes 11月2日, not 11月02日).
    return subst(tr("{0}-{1}-{2}"), {std::to_string(int(day.year())), two_digits(month), two_digits(d),
                                     std::to_string(month), std::to_string(d)});
}

std::string display_time(const Instant& local) {
    if (local.is_special()) return "";
    const auto t = local.time_of_day();
    return subst(tr("{0} {1}:{2}"), {display_date(local.date()), two_digits(int(t.hours())), two_digits(int(t.minutes()))});
}

std::string display_business_time(const Instant& utc) {
    if (utc.is_special()) return "";
    return display_time(to_business_time(utc));
}

}  // namespace md

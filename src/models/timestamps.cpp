#include "models/timestamps.h"

#include "models/errors.h"
#include "models/translate.h"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <boost/date_time/posix_time/posix_time.hpp>
#include <cstdio>

namespace md {

Instant now_utc() {
    const Instant now = boost::posix_time::second_clock::universal_time();
    return now;
}

std::string format_instant(const Instant& at) {
    if (at.is_not_a_date_time()) return "";
    const Date d = at.date();
    const auto t = at.time_of_day();
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d", int(d.year()), int(d.month()),
                  int(d.day()), int(t.hours()), int(t.minutes()), int(t.seconds()));
    return buf;
}

Instant parse_instant(const std::string& text) {
    int y, mo, d, h, mi, s;
    char sep;
    const auto unreadable = [&] { return StorageError(subst(tr("unreadable timestamp \"{0}\" in the database"), {text})); };
    if (std::sscanf(text.c_str(), "%4d-%2d-%2d%c%2d:%2d:%2d", &y, &mo, &d, &sep, &h, &mi, &s) != 7 ||
        (sep != ' ' && sep != 'T'))
        throw unreadable();
    // Found by fuzzing (tests/fuzz, model_parsers): a day not in the calendar ("2026-02-30") made
    // Boost throw its own out_of_range instead of this StorageError, and a time outside the day
    // ("99:99:99") was silently read as another instant.
    if (h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59) throw unreadable();
    try {
        return Instant(Date(y, mo, d), boost::posix_time::time_duration(h, mi, s));
    } catch (const std::out_of_range&) {
        throw unreadable();
    }
}

std::string format_date(const Date& day) { return boost::gregorian::to_iso_extended_string(day); }

Date parse_date(const std::string& text, const std::string& field) {
    int y, m, d;
    char tail;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && text.size() == 10) {
        try {
            return Date(y, m, d);
        } catch (const std::exception&) {
        }
    }
    throw ValidationError(field, text,
                          subst(tr("{0}: \"{1}\" is not a date (expected YYYY-MM-DD)"), {field, text}));
}

}  // namespace md

namespace md {
namespace {
const boost::posix_time::time_duration kBusinessOffset = boost::posix_time::hours(8);
}

Instant to_business_time(const Instant& utc) { return utc + kBusinessOffset; }

Instant business_day_start_utc(const Date& day) { return Instant(day) - kBusinessOffset; }

std::string format_business_time(const Instant& utc) {
    return format_instant(to_business_time(utc)).substr(0, 16);
}

}  // namespace md

#include "models/recurrence.h"

#include "models/errors.h"
#include "models/text.h"
#include "models/translate.h"

#include <algorithm>

namespace md {
namespace {

using boost::gregorian::gregorian_calendar;

const char* const kKinds[] = {"none", "monthly_day", "nth_weekday", "last_weekday", "weekly", "yearly", "birthday_month"};
const char* const kWeekdays[] = {"SU", "MO", "TU", "WE", "TH", "FR", "SA"};
// How far validate() looks for a first occurrence when the rule has no end: a fifth Friday or
// a yearly date shows up well within this.
constexpr int kLookAheadYears = 5;
// The last day Boost.Date_Time can represent: a rule never looks or steps past it (found by
// fuzzing, tests/fuzz: a rule starting in 9999 made Boost throw bad_year, which reached the
// CLI as an internal error instead of a refusal or the rule's last days).
const Date kLastDay(boost::date_time::max_date_time);

int last_day_of(int year, int month) { return gregorian_calendar::end_of_month_day(year, month); }

std::optional<Date> nth_weekday_in(int year, int month, int nth, int weekday) {
    const int first_dow = Date(year, month, 1).day_of_week().as_number();
    const int day = 1 + (weekday - first_dow + 7) % 7 + 7 * (nth - 1);
    if (day > last_day_of(year, month)) return std::nullopt;
    return Date(year, month, day);
}

Date last_weekday_in(int year, int month, int weekday) {
    const int last = last_day_of(year, month);
    const int last_dow = Date(year, month, last).day_of_week().as_number();
    return Date(year, month, last - (last_dow - weekday + 7) % 7);
}

// The rule's day in one month (MonthlyOnDay, NthWeekday, LastWeekday) or year (Yearly), if any.
std::optional<Date> day_in_month(const Recurrence& r, int year, int month) {
    switch (r.kind) {
    case RecurrenceKind::MonthlyOnDay: return Date(year, month, std::min(r.day_of_month, last_day_of(year, month)));
    case RecurrenceKind::NthWeekday: return nth_weekday_in(year, month, r.nth, r.weekday);
    case RecurrenceKind::LastWeekday: return last_weekday_in(year, month, r.weekday);
    case RecurrenceKind::Yearly:
        if (month != r.month) return std::nullopt;
        if (r.month == 2 && r.day_of_month == 29) return Date(year, 2, last_day_of(year, 2));
        if (r.day_of_month > last_day_of(year, month)) return std::nullopt;
        return Date(year, month, r.day_of_month);
    default: return std::nullopt;
    }
}

// Every day the rule makes from `first_day` until `limit` (inclusive) or `count` days, in order.
std::vector<Date> generate(const Recurrence& r, const Date& first_day, const Date& limit) {
    std::vector<Date> days;
    const auto room = [&] { return !r.count || static_cast<int>(days.size()) < *r.count; };
    if (r.kind == RecurrenceKind::None) {
        if (first_day <= limit) days.push_back(first_day);
    } else if (r.kind == RecurrenceKind::Weekly) {
        for (Date d = first_day; d <= limit && room(); d += boost::gregorian::days(1)) {
            if (std::find(r.weekdays.begin(), r.weekdays.end(), d.day_of_week().as_number()) != r.weekdays.end())
                days.push_back(d);
            if (d == kLastDay) break;
        }
    } else if (r.kind != RecurrenceKind::BirthdayMonth) {
        int year = first_day.year(), month = first_day.month();
        while (room() && year <= kLastDay.year() && Date(year, month, 1) <= limit) {
            if (auto d = day_in_month(r, year, month); d && *d >= first_day && *d <= limit) days.push_back(*d);
            if (++month > 12) {
                month = 1;
                ++year;
            }
        }
    }
    return days;
}

std::string ordinal(int n) {
    switch (n) {
    case 1: return tr("first");
    case 2: return tr("second");
    case 3: return tr("third");
    case 4: return tr("fourth");
    default: return tr("fifth");
    }
}

std::string weekday_name(int weekday) {
    static const char* const names[] = {tr_noop("Sunday"),   tr_noop("Monday"), tr_noop("Tuesday"), tr_noop("Wednesday"),
                                        tr_noop("Thursday"), tr_noop("Friday"), tr_noop("Saturday")};
    return tr(names[weekday]);
}

}  // namespace

std::string recurrence_kind_code(RecurrenceKind kind) { return kKinds[static_cast<int>(kind)]; }

RecurrenceKind parse_recurrence_kind(const std::string& code, const std::string& field) {
    for (int i = 0; i < 7; ++i)
        if (code == kKinds[i]) return RecurrenceKind(i);
    throw ValidationError(field, code,
                          subst(tr("{0}: \"{1}\" is not one of none, monthly_day, nth_weekday, last_weekday, weekly, "
                                   "yearly, birthday_month"),
                                {field, code}));
}

std::string weekday_code(int weekday) { return kWeekdays[weekday]; }

int parse_weekday(const std::string& code, const std::string& field) {
    for (int i = 0; i < 7; ++i)
        if (code == kWeekdays[i]) return i;
    throw ValidationError(field, code, subst(tr("{0}: \"{1}\" is not one of SU, MO, TU, WE, TH, FR, SA"), {field, code}));
}

void validate(const Recurrence& r, const Date& first_day) {
    auto out_of_range = [](const std::string& field, int value, int low, int high) {
        if (value < low || value > high)
            throw ValidationError(field, std::to_string(value),
                                  subst(tr("{0}: {1} is not between {2} and {3}"),
                                        {field, std::to_string(value), std::to_string(low), std::to_string(high)}));
    };
    switch (r.kind) {
    case RecurrenceKind::MonthlyOnDay: out_of_range("recurrence.day_of_month", r.day_of_month, 1, 31); break;
    case RecurrenceKind::NthWeekday:
        out_of_range("recurrence.nth", r.nth, 1, 5);
        out_of_range("recurrence.weekday", r.weekday, 0, 6);
        break;
    case RecurrenceKind::LastWeekday: out_of_range("recurrence.weekday", r.weekday, 0, 6); break;
    case RecurrenceKind::Weekly:
        if (r.weekdays.empty())
            throw ValidationError("recurrence.weekdays", "", tr("recurrence.weekdays: a weekly rule needs at least one weekday"));
        for (int d : r.weekdays) out_of_range("recurrence.weekdays", d, 0, 6);
        for (std::size_t i = 0; i < r.weekdays.size(); ++i)
            if (std::count(r.weekdays.begin(), r.weekdays.end(), r.weekdays[i]) > 1)
                throw ValidationError("recurrence.weekdays", weekday_code(r.weekdays[i]),
                                      subst(tr("recurrence.weekdays: {0} is given twice"), {weekday_code(r.weekdays[i])}));
        break;
    case RecurrenceKind::Yearly: {
        out_of_range("recurrence.month", r.month, 1, 12);
        out_of_range("recurrence.day_of_month", r.day_of_month, 1, 31);
        // 29 February exists in leap years (and falls on the 28th in the others); 30 February never.
        if (r.day_of_month > last_day_of(2024, r.month))
            throw ValidationError("recurrence.day_of_month", two_digits(r.month) + "-" + two_digits(r.day_of_month),
                                  subst(tr("recurrence.day_of_month: {0}-{1} is not a day of any year, so the rule never "
                                           "occurs"),
                                        {two_digits(r.month), two_digits(r.day_of_month)}));
        break;
    }
    case RecurrenceKind::None:
    case RecurrenceKind::BirthdayMonth: break;
    }
    if (r.count && *r.count < 1)
        throw ValidationError("recurrence.count", std::to_string(*r.count),
                              subst(tr("recurrence.count: {0} occurrences; give at least 1"), {std::to_string(*r.count)}));
    if (r.until && *r.until < first_day)
        throw ValidationError("recurrence.until", format_date(*r.until),
                              subst(tr("recurrence.until: {0} is before the first day {1}"),
                                    {format_date(*r.until), format_date(first_day)}));
    if (r.kind == RecurrenceKind::None || r.kind == RecurrenceKind::BirthdayMonth) return;
    const Date horizon =
        r.until.value_or(first_day.year() + kLookAheadYears < kLastDay.year() ? Date(first_day.year() + kLookAheadYears, 12, 31)
                                                                             : kLastDay);
    if (occurrences(r, first_day, first_day, horizon).empty())
        throw ValidationError("recurrence", describe(r),
                              subst(tr("recurrence: \"{0}\" never occurs between {1} and {2}"),
                                    {describe(r), format_date(first_day), format_date(horizon)}));
}

std::vector<Date> occurrences(const Recurrence& r, const Date& first_day, const Date& from, const Date& to) {
    const Date limit = r.until ? std::min(*r.until, to) : to;
    std::vector<Date> out;
    for (const Date& d : generate(r, first_day, limit))
        if (d >= from && std::find(r.exceptions.begin(), r.exceptions.end(), d) == r.exceptions.end()) out.push_back(d);
    return out;
}

Date birthday_in(int year, const Date& birthday) {
    if (birthday.month() == 2 && birthday.day() == 29 && !gregorian_calendar::is_leap_year(year)) return Date(year, 2, 28);
    return Date(year, birthday.month(), birthday.day());
}

std::string to_rrule(const Recurrence& r, bool timed) {
    std::string rule;
    switch (r.kind) {
    case RecurrenceKind::None:
    case RecurrenceKind::BirthdayMonth: return "";
    case RecurrenceKind::MonthlyOnDay:
        // Day 29–31 or the month's last day, whichever comes first: BYSETPOS=1 picks the earlier.
        rule = "FREQ=MONTHLY;BYMONTHDAY=" + std::to_string(r.day_of_month) +
               (r.day_of_month > 28 ? ",-1;BYSETPOS=1" : "");
        break;
    case RecurrenceKind::NthWeekday: rule = "FREQ=MONTHLY;BYDAY=" + std::to_string(r.nth) + weekday_code(r.weekday); break;
    case RecurrenceKind::LastWeekday: rule = "FREQ=MONTHLY;BYDAY=-1" + weekday_code(r.weekday); break;
    case RecurrenceKind::Weekly: {
        rule = "FREQ=WEEKLY;BYDAY=";
        for (std::size_t i = 0; i < r.weekdays.size(); ++i) rule += (i ? "," : "") + weekday_code(r.weekdays[i]);
        break;
    }
    case RecurrenceKind::Yearly:
        // 29 February: the last day of February, which is the 28th in common years.
        rule = "FREQ=YEARLY;BYMONTH=" + std::to_string(r.month) + ";BYMONTHDAY=" +
               (r.month == 2 && r.day_of_month == 29 ? std::string("-1") : std::to_string(r.day_of_month));
        break;
    }
    if (r.count) rule += ";COUNT=" + std::to_string(*r.count);
    if (r.until) {
        const std::string day = std::to_string(r.until->year()) + two_digits(r.until->month()) + two_digits(r.until->day());
        // The end of that business day (UTC+8) is 15:59:59 UTC.
        rule += ";UNTIL=" + day + (timed ? "T155959Z" : "");
    }
    return rule;
}

std::string describe(const Recurrence& r) {
    std::string text;
    switch (r.kind) {
    case RecurrenceKind::None: return tr("once");
    case RecurrenceKind::BirthdayMonth:
        text = tr("in each member's birthday month (29 February counts as 28 February in other years)");
        break;
    case RecurrenceKind::MonthlyOnDay:
        text = r.day_of_month > 28
                   ? subst(tr("every month on day {0}; in shorter months on the last day"), {std::to_string(r.day_of_month)})
                   : subst(tr("every month on day {0}"), {std::to_string(r.day_of_month)});
        break;
    case RecurrenceKind::NthWeekday:
        text = r.nth == 5 ? subst(tr("every month on the {0} {1}; months without one are skipped"),
                                  {ordinal(r.nth), weekday_name(r.weekday)})
                          : subst(tr("every month on the {0} {1}"), {ordinal(r.nth), weekday_name(r.weekday)});
        break;
    case RecurrenceKind::LastWeekday: text = subst(tr("every month on the last {0}"), {weekday_name(r.weekday)}); break;
    case RecurrenceKind::Weekly: {
        std::string days;
        for (int d : r.weekdays) days += (days.empty() ? "" : ", ") + weekday_name(d);
        text = subst(tr("every week on {0}"), {days});
        break;
    }
    case RecurrenceKind::Yearly:
        text = r.month == 2 && r.day_of_month == 29
                   ? tr("every year on 29 February (28 February in other years)")
                   : subst(tr("every year on {0}-{1}"), {two_digits(r.month), two_digits(r.day_of_month)});
        break;
    }
    if (r.count) text += "; " + subst(tr("{0} times"), {std::to_string(*r.count)});
    if (r.until) text += "; " + subst(tr("until {0}"), {format_date(*r.until)});
    if (!r.exceptions.empty()) {
        std::string days;
        for (const Date& d : r.exceptions) days += (days.empty() ? "" : ", ") + format_date(d);
        text += "; " + subst(tr("except {0}"), {days});
    }
    return text;
}

}  // namespace md

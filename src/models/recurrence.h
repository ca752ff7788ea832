#pragma once
// When a campaign happens again (issue 7): the recurrence rules marketing uses, worked out on
// Boost.Date_Time. The rules, as written here and shown to people:
// - monthly on day D (1–31): in a month shorter than D it falls on the month's last day;
// - the Nth weekday of the month (N = 1–5, e.g. the third Friday); a month without a fifth
//   such weekday is skipped;
// - the last weekday of the month (e.g. the last Friday);
// - weekly on the given weekdays;
// - yearly on a date; 29 February falls on 28 February in the years without one;
// - the member's birthday month: one occurrence per member and year (see birthday_in);
// - an end (`until`, inclusive) or a number of occurrences (`count`), and exception dates.
// As in iCalendar (RFC 5545), `count` counts the dates the rule makes from the first day and
// the exception dates are then taken out, so an .ics export expands to the same days.
#include "models/timestamps.h"

#include <optional>
#include <string>
#include <vector>

namespace md {

enum class RecurrenceKind { None, MonthlyOnDay, NthWeekday, LastWeekday, Weekly, Yearly, BirthdayMonth };
std::string recurrence_kind_code(RecurrenceKind kind);  // "none", "monthly_day", "nth_weekday", ...
RecurrenceKind parse_recurrence_kind(const std::string& code, const std::string& field);

// 0 = Sunday … 6 = Saturday, as Boost numbers them.
std::string weekday_code(int weekday);                  // "SU", "MO", ... (iCalendar's)
int parse_weekday(const std::string& code, const std::string& field);

struct Recurrence {
    RecurrenceKind kind = RecurrenceKind::None;
    int day_of_month = 0;          // MonthlyOnDay: 1–31; Yearly: 1–31 with `month`
    int month = 0;                 // Yearly: 1–12
    int nth = 0;                   // NthWeekday: 1–5
    int weekday = 0;               // NthWeekday, LastWeekday: 0–6
    std::vector<int> weekdays;     // Weekly: 0–6, each once
    std::vector<Date> exceptions;  // days taken out
    std::optional<Date> until;     // inclusive
    std::optional<int> count;      // at least 1
    bool operator==(const Recurrence&) const = default;
};

// Field-level checks (ranges, an end not before `first_day`, a yearly date that exists in some
// year, at least one weekday) and that the rule occurs at all from `first_day`; throws
// ValidationError naming the field ("recurrence.day_of_month", ...) and the value.
void validate(const Recurrence& rule, const Date& first_day);

// The days the rule makes from `first_day` on, within [from, to] (inclusive), in order. None:
// only `first_day` itself. BirthdayMonth has no days of its own (each member has theirs).
std::vector<Date> occurrences(const Recurrence& rule, const Date& first_day, const Date& from, const Date& to);

// The member's birthday in `year`: 29 February is 28 February in a year without one.
Date birthday_in(int year, const Date& birthday);

// The iCalendar RRULE value ("FREQ=MONTHLY;BYMONTHDAY=31,-1;BYSETPOS=1;COUNT=6"), or "" for
// None and BirthdayMonth (which has no single rule). EXDATEs are written by the exporter.
// `timed`: the event starts at a time of day, so UNTIL is the end of that business day in UTC
// (RFC 5545 wants UNTIL in the DTSTART's value type); otherwise UNTIL is a date.
std::string to_rrule(const Recurrence& rule, bool timed);

// The rule in words for people ("every month on day 31; in shorter months on the last day").
std::string describe(const Recurrence& rule);

}  // namespace md

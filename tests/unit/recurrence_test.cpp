// Campaign recurrences (models/recurrence): a table of rules and the exact days each makes,
// covering month ends, leap years, the Nth and last weekday, weekly sets, exceptions, counts and
// ends; the rules that never occur are refused naming the field; the RRULE text an .ics carries.
#include "models/errors.h"
#include "models/recurrence.h"

#include <gtest/gtest.h>

using namespace md;

namespace {

Date d(const char* text) { return parse_date(text, "d"); }

std::vector<std::string> days(const Recurrence& r, const char* first, const char* from, const char* to) {
    std::vector<std::string> out;
    for (const Date& day : occurrences(r, d(first), d(from), d(to))) out.push_back(format_date(day));
    return out;
}

Recurrence monthly(int day) {
    Recurrence r;
    r.kind = RecurrenceKind::MonthlyOnDay;
    r.day_of_month = day;
    return r;
}

Recurrence nth(int n, int weekday) {
    Recurrence r;
    r.kind = RecurrenceKind::NthWeekday;
    r.nth = n;
    r.weekday = weekday;
    return r;
}

}  // namespace

TEST(Recurrence, TableOfRulesAndTheDaysTheyMake) {
    struct Row {
        const char* name;
        Recurrence rule;
        const char *first, *from, *to;
        std::vector<std::string> expected;
    };
    Recurrence last_friday;
    last_friday.kind = RecurrenceKind::LastWeekday;
    last_friday.weekday = 5;
    Recurrence weekend;
    weekend.kind = RecurrenceKind::Weekly;
    weekend.weekdays = {6, 0};
    Recurrence leap_day;
    leap_day.kind = RecurrenceKind::Yearly;
    leap_day.month = 2;
    leap_day.day_of_month = 29;
    Recurrence double11;
    double11.kind = RecurrenceKind::Yearly;
    double11.month = 11;
    double11.day_of_month = 11;
    Recurrence counted = monthly(31);
    counted.count = 4;
    Recurrence counted_with_exception = counted;
    counted_with_exception.exceptions = {d("2027-02-28")};
    Recurrence until = nth(3, 5);
    until.until = d("2027-03-19");  // inclusive: the third Friday of March 2027 is the 19th
    Recurrence once;

    const std::vector<Row> table = {
        // Day 31 falls on the last day of shorter months: 30 Nov, 28 Feb 2027, 29 Feb 2028.
        {"monthly 31 through a common February", monthly(31), "2026-11-01", "2026-11-01", "2027-04-30",
         {"2026-11-30", "2026-12-31", "2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30"}},
        {"monthly 31 in a leap year", monthly(31), "2028-01-01", "2028-01-01", "2028-03-31",
         {"2028-01-31", "2028-02-29", "2028-03-31"}},
        {"monthly 30 in February", monthly(30), "2027-01-15", "2027-01-15", "2027-03-31",
         {"2027-01-30", "2027-02-28", "2027-03-30"}},
        {"monthly 29 in a leap February", monthly(29), "2028-02-01", "2028-02-01", "2028-03-31",
         {"2028-02-29", "2028-03-29"}},
        // The first day itself counts only when it matches: 18 Nov is after the 8th.
        {"member day on the 8th, starting after it", monthly(8), "2026-11-18", "2026-11-01", "2027-01-31",
         {"2026-12-08", "2027-01-08"}},
        {"third Friday", nth(3, 5), "2026-11-01", "2026-11-01", "2027-01-31", {"2026-11-20", "2026-12-18", "2027-01-15"}},
        // A fifth Friday: only months that have one (Jan 2027 has 29th; Feb and Mar 2027 do not; Apr 30).
        {"fifth Friday skips months", nth(5, 5), "2027-01-01", "2027-01-01", "2027-04-30", {"2027-01-29", "2027-04-30"}},
        {"first Monday", nth(1, 1), "2026-12-01", "2026-12-01", "2027-02-28", {"2026-12-07", "2027-01-04", "2027-02-01"}},
        {"last Friday", last_friday, "2026-11-01", "2026-11-01", "2027-02-28", {"2026-11-27", "2026-12-25", "2027-01-29", "2027-02-26"}},
        {"weekends", weekend, "2026-11-27", "2026-11-27", "2026-12-06", {"2026-11-28", "2026-11-29", "2026-12-05", "2026-12-06"}},
        {"29 February yearly", leap_day, "2027-01-01", "2027-01-01", "2029-12-31", {"2027-02-28", "2028-02-29", "2029-02-28"}},
        {"Double 11", double11, "2026-11-12", "2026-01-01", "2028-12-31", {"2027-11-11", "2028-11-11"}},
        {"count of 4", counted, "2027-01-01", "2027-01-01", "2027-12-31", {"2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30"}},
        // As in iCalendar: the exception is taken out after counting, so only three remain.
        {"count of 4 less an exception", counted_with_exception, "2027-01-01", "2027-01-01", "2027-12-31",
         {"2027-01-31", "2027-03-31", "2027-04-30"}},
        {"until, inclusive", until, "2027-01-01", "2027-01-01", "2027-12-31", {"2027-01-15", "2027-02-19", "2027-03-19"}},
        // A window in the middle: the count still runs from the first day.
        {"window inside a counted series", counted, "2027-01-01", "2027-03-01", "2027-12-31", {"2027-03-31", "2027-04-30"}},
        {"once", once, "2026-12-12", "2026-12-01", "2026-12-31", {"2026-12-12"}},
        {"once, outside the window", once, "2026-12-12", "2027-01-01", "2027-01-31", {}},
    };
    for (const Row& row : table) {
        SCOPED_TRACE(row.name);
        EXPECT_EQ(days(row.rule, row.first, row.from, row.to), row.expected);
        EXPECT_NO_THROW(validate(row.rule, d(row.first)));
    }
}

TEST(Recurrence, BirthdaysOn29FebruaryFallOn28FebruaryInOtherYears) {
    EXPECT_EQ(birthday_in(2027, d("2000-02-29")), d("2027-02-28"));
    EXPECT_EQ(birthday_in(2028, d("2000-02-29")), d("2028-02-29"));
    EXPECT_EQ(birthday_in(2027, d("1990-12-31")), d("2027-12-31"));
}

TEST(Recurrence, RulesThatCannotOccurAreRefusedNamingTheField) {
    struct Bad {
        const char* name;
        Recurrence rule;
        const char* field;
    };
    Recurrence feb31;
    feb31.kind = RecurrenceKind::Yearly;
    feb31.month = 2;
    feb31.day_of_month = 31;
    Recurrence no_days;
    no_days.kind = RecurrenceKind::Weekly;
    Recurrence twice;
    twice.kind = RecurrenceKind::Weekly;
    twice.weekdays = {1, 1};
    Recurrence zero_count = monthly(1);
    zero_count.count = 0;
    Recurrence ends_before = monthly(1);
    ends_before.until = d("2026-12-31");
    Recurrence fifth_friday_too_soon = nth(5, 5);
    fifth_friday_too_soon.until = d("2027-03-31");  // Feb and Mar 2027 have no fifth Friday
    Recurrence all_excepted = monthly(15);
    all_excepted.count = 1;
    all_excepted.exceptions = {d("2027-02-15")};
    const std::vector<Bad> table = {
        {"30th of February every year", feb31, "recurrence.day_of_month"},
        {"day 32", monthly(32), "recurrence.day_of_month"},
        {"sixth Friday", nth(6, 5), "recurrence.nth"},
        {"weekday 7", nth(1, 7), "recurrence.weekday"},
        {"weekly with no day", no_days, "recurrence.weekdays"},
        {"a weekday twice", twice, "recurrence.weekdays"},
        {"zero occurrences", zero_count, "recurrence.count"},
        {"ends before it starts", ends_before, "recurrence.until"},
        {"no fifth Friday before the end", fifth_friday_too_soon, "recurrence"},
        {"its only day is an exception", all_excepted, "recurrence"},
    };
    for (const Bad& bad : table) {
        SCOPED_TRACE(bad.name);
        try {
            validate(bad.rule, d("2027-02-01"));
            ADD_FAILURE() << "accepted";
        } catch (const ValidationError& e) {
            EXPECT_EQ(e.field(), bad.field) << e.what();
        }
    }
}

TEST(Recurrence, RRuleTextForICalendar) {
    Recurrence counted = monthly(31);
    counted.count = 6;
    EXPECT_EQ(to_rrule(counted, false), "FREQ=MONTHLY;BYMONTHDAY=31,-1;BYSETPOS=1;COUNT=6");
    EXPECT_EQ(to_rrule(monthly(8), false), "FREQ=MONTHLY;BYMONTHDAY=8");
    Recurrence until = nth(3, 5);
    until.until = d("2027-03-19");
    EXPECT_EQ(to_rrule(until, true), "FREQ=MONTHLY;BYDAY=3FR;UNTIL=20270319T155959Z");
    EXPECT_EQ(to_rrule(until, false), "FREQ=MONTHLY;BYDAY=3FR;UNTIL=20270319");
    Recurrence leap_day;
    leap_day.kind = RecurrenceKind::Yearly;
    leap_day.month = 2;
    leap_day.day_of_month = 29;
    EXPECT_EQ(to_rrule(leap_day, false), "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1");
    Recurrence weekend;
    weekend.kind = RecurrenceKind::Weekly;
    weekend.weekdays = {6, 0};
    EXPECT_EQ(to_rrule(weekend, false), "FREQ=WEEKLY;BYDAY=SA,SU");
    EXPECT_EQ(to_rrule(Recurrence{}, false), "");
    EXPECT_EQ(describe(monthly(31)), "every month on day 31; in shorter months on the last day");
}

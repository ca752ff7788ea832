// The business calendar (models/business_calendar): deadlines with exact due times across a
// weekend, Spring Festival 2026 with its 调休 Saturdays, National Day, starting outside opening
// hours and exactly at closing; business minutes between two instants; pauses over a night and
// pauses that have not ended; the calendar's validation naming the field and value.
#include "models/business_calendar.h"
#include "models/errors.h"

#include <gtest/gtest.h>

using namespace md;

namespace {

Instant at(const char* text) { return parse_instant(text); }
Date d(const char* text) { return parse_date(text, "d"); }

std::string due(const BusinessCalendar& calendar, const char* start, std::int64_t minutes) {
    return format_instant(add_business_minutes(calendar, at(start), minutes));
}

std::string due_paused(const char* start, std::int64_t minutes, const std::vector<Pause>& pauses) {
    const auto result = add_business_minutes(default_business_calendar(), at(start), minutes, pauses);
    return result ? format_instant(*result) : "none";
}

Pause pause(const char* from, const char* until) { return {at(from), at(until)}; }
Pause open_pause(const char* from) { return {at(from), std::nullopt}; }

// Expects a ValidationError naming `field` and `value`, and returns its message.
template <typename F>
std::string refusal(F&& call, const std::string& field, const std::string& value) {
    try {
        call();
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.field(), field);
        EXPECT_EQ(e.value(), value);
        return e.what();
    }
    ADD_FAILURE() << "no ValidationError for " << field;
    return "";
}

}  // namespace

TEST(BusinessCalendar, DeadlinesWithExactDueTimes) {
    struct Row {
        const char* name;
        const char* start;
        std::int64_t minutes;
        const char* expected;
    };
    // 2026-11-20 is a Friday; 2026-02-14 and 2026-02-28 are 调休 Saturdays around Spring
    // Festival (15–23 February closed); 2026-09-20 is a 调休 Sunday before National Day.
    const std::vector<Row> table = {
        // The example: 5 minutes on Friday, 115 on Monday.
        {"Friday 17:55, 2 business hours", "2026-11-20 17:55:00", 120, "2026-11-23 10:55:00"},
        {"Friday 16:00, one business day over the weekend", "2026-11-20 16:00:00", 540, "2026-11-23 16:00:00"},
        {"used up exactly at closing stays at closing", "2026-11-20 17:55:00", 5, "2026-11-20 18:00:00"},
        {"a whole day from opening ends at closing", "2026-11-23 09:00:00", 540, "2026-11-23 18:00:00"},
        {"starting exactly at closing", "2026-11-20 18:00:00", 1, "2026-11-23 09:01:00"},
        {"starting before opening", "2026-11-23 07:30:00", 30, "2026-11-23 09:30:00"},
        {"starting in the evening", "2026-11-23 20:00:00", 30, "2026-11-24 09:30:00"},
        {"starting on a Sunday", "2026-11-22 12:00:00", 60, "2026-11-23 10:00:00"},
        {"zero minutes is the start itself, even when closed", "2026-11-22 12:00:00", 0, "2026-11-22 12:00:00"},
        {"seconds are kept", "2026-11-23 09:00:30", 1, "2026-11-23 09:01:30"},
        // Spring Festival 2026.
        {"Friday before Spring Festival runs into the 调休 Saturday", "2026-02-13 17:00:00", 120, "2026-02-14 10:00:00"},
        {"the 调休 Saturday runs past the holiday week", "2026-02-14 17:00:00", 180, "2026-02-24 11:00:00"},
        {"five business days across the holiday end at closing", "2026-02-13 09:00:00", 2700, "2026-02-26 18:00:00"},
        {"opened during the holiday waits for its end", "2026-02-18 10:00:00", 60, "2026-02-24 10:00:00"},
        {"the second 调休 Saturday", "2026-02-27 17:00:00", 120, "2026-02-28 10:00:00"},
        // New Year, National Day.
        {"New Year's Eve runs into the 调休 Sunday", "2025-12-31 17:00:00", 120, "2026-01-04 10:00:00"},
        {"the 调休 Sunday before National Day", "2026-09-18 17:30:00", 60, "2026-09-20 09:30:00"},
        {"the day before National Day", "2026-09-30 17:00:00", 120, "2026-10-08 10:00:00"},
    };
    const BusinessCalendar calendar = default_business_calendar();
    for (const Row& row : table) EXPECT_EQ(due(calendar, row.start, row.minutes), row.expected) << row.name;
}

TEST(BusinessCalendar, BusinessMinutesBetween) {
    struct Row {
        const char* name;
        const char *from, *to;
        std::int64_t expected;
    };
    const std::vector<Row> table = {
        {"over a weekend", "2026-11-20 17:55:00", "2026-11-23 10:55:00", 120},
        {"a whole week", "2026-11-23 00:00:00", "2026-11-30 00:00:00", 5 * 540},
        {"Spring Festival: Friday and the 调休 Saturday only", "2026-02-13 09:00:00", "2026-02-24 09:00:00", 1080},
        {"a Sunday", "2026-11-22 00:00:00", "2026-11-23 00:00:00", 0},
        {"closing is not open", "2026-11-23 18:00:00", "2026-11-23 23:00:00", 0},
        {"the same instant", "2026-11-23 10:00:00", "2026-11-23 10:00:00", 0},
        {"backwards", "2026-11-23 11:00:00", "2026-11-23 10:00:00", 0},
        {"leftover seconds are dropped", "2026-11-23 09:00:00", "2026-11-23 09:01:59", 1},
    };
    const BusinessCalendar calendar = default_business_calendar();
    for (const Row& row : table)
        EXPECT_EQ(business_minutes_between(calendar, at(row.from), at(row.to)), row.expected) << row.name;
}

TEST(BusinessCalendar, PausesStopTheClock) {
    struct Row {
        const char* name;
        const char* start;
        std::int64_t minutes;
        std::vector<Pause> pauses;
        const char* expected;
    };
    // Monday 2026-11-23, one business day (540 minutes) unless said otherwise.
    const std::vector<Row> table = {
        // 420 minutes on Monday, then 120 from Tuesday 10:30.
        {"a pause spanning the night", "2026-11-23 09:00:00", 540,
         {pause("2026-11-23 16:00:00", "2026-11-24 10:30:00")}, "2026-11-24 12:30:00"},
        {"the customer answers in the evening", "2026-11-23 09:00:00", 540,
         {pause("2026-11-23 17:00:00", "2026-11-23 20:00:00")}, "2026-11-24 10:00:00"},
        {"a pause before the start does nothing", "2026-11-23 09:00:00", 60,
         {pause("2026-11-22 10:00:00", "2026-11-23 08:00:00")}, "2026-11-23 10:00:00"},
        {"a pause reaching into the start", "2026-11-23 09:00:00", 60,
         {pause("2026-11-22 10:00:00", "2026-11-23 10:00:00")}, "2026-11-23 11:00:00"},
        {"overlapping pauses count once", "2026-11-23 09:00:00", 120,
         {pause("2026-11-23 10:00:00", "2026-11-23 12:00:00"), pause("2026-11-23 11:00:00", "2026-11-23 13:00:00")},
         "2026-11-23 14:00:00"},
        {"pauses in any order", "2026-11-23 09:00:00", 120,
         {pause("2026-11-23 11:00:00", "2026-11-23 13:00:00"), pause("2026-11-23 10:00:00", "2026-11-23 12:00:00")},
         "2026-11-23 14:00:00"},
        {"a pause over the weekend", "2026-11-20 17:00:00", 120,
         {pause("2026-11-20 17:30:00", "2026-11-23 11:00:00")}, "2026-11-23 12:30:00"},
        {"an open pause: no deadline yet", "2026-11-23 09:00:00", 540, {open_pause("2026-11-23 12:00:00")}, "none"},
        {"an open pause from the start", "2026-11-23 09:00:00", 60, {open_pause("2026-11-23 09:00:00")}, "none"},
        {"an open pause from before a weekend", "2026-11-20 17:00:00", 120, {open_pause("2026-11-20 17:30:00")}, "none"},
        {"an open pause after the count ends", "2026-11-23 09:00:00", 120, {open_pause("2026-11-24 12:00:00")},
         "2026-11-23 11:00:00"},
        {"an open pause starting just as the count ends", "2026-11-23 09:00:00", 180,
         {open_pause("2026-11-23 12:00:00")}, "2026-11-23 12:00:00"},
        {"an ended and an open pause", "2026-11-23 09:00:00", 120,
         {pause("2026-11-23 09:30:00", "2026-11-23 10:00:00"), open_pause("2026-11-23 11:00:00")}, "none"},
    };
    for (const Row& row : table) EXPECT_EQ(due_paused(row.start, row.minutes, row.pauses), row.expected) << row.name;

    const BusinessCalendar calendar = default_business_calendar();
    EXPECT_EQ(business_minutes_between(calendar, at("2026-11-23 09:00:00"), at("2026-11-24 12:30:00"),
                                       {pause("2026-11-23 16:00:00", "2026-11-24 10:30:00")}),
              540);
    EXPECT_EQ(business_minutes_between(calendar, at("2026-11-23 09:00:00"), at("2026-11-24 18:00:00"),
                                       {open_pause("2026-11-23 12:00:00")}),
              180);
}

TEST(BusinessCalendar, APauseEndingBeforeItStartsIsRefused) {
    const std::string message = refusal(
        [] { due_paused("2026-11-23 09:00:00", 60, {pause("2026-11-23 12:00:00", "2026-11-23 11:00:00")}); },
        "pause.until", "2026-11-23 11:00:00");
    EXPECT_EQ(message, "pause.until: the pause ends at 2026-11-23 11:00:00, before it starts at 2026-11-23 12:00:00");
    refusal([] { due(default_business_calendar(), "2026-11-23 09:00:00", -1); }, "minutes", "-1");
}

TEST(BusinessCalendar, OpenAtAndHoursOn) {
    const BusinessCalendar calendar = default_business_calendar();
    EXPECT_TRUE(is_open_at(calendar, at("2026-11-23 09:00:00")));
    EXPECT_TRUE(is_open_at(calendar, at("2026-11-23 17:59:59")));
    EXPECT_FALSE(is_open_at(calendar, at("2026-11-23 18:00:00")));  // closing time is closed
    EXPECT_FALSE(is_open_at(calendar, at("2026-11-23 08:59:59")));
    EXPECT_FALSE(is_open_at(calendar, at("2026-11-21 10:00:00")));  // an ordinary Saturday
    EXPECT_TRUE(is_open_at(calendar, at("2026-02-14 10:00:00")));   // the 调休 Saturday
    EXPECT_FALSE(is_open_at(calendar, at("2026-02-16 10:00:00")));  // Monday in Spring Festival

    const OpeningHours nine_to_six{9 * 60, 18 * 60};
    EXPECT_EQ(hours_on(calendar, d("2026-02-14")), nine_to_six);
    EXPECT_EQ(hours_on(calendar, d("2026-02-23")), std::nullopt);
    EXPECT_EQ(hours_on(calendar, d("2026-02-24")), nine_to_six);
    EXPECT_EQ(hours_on(calendar, d("2026-10-08")), nine_to_six);
    EXPECT_EQ(hours_on(calendar, d("2026-10-07")), std::nullopt);

    // A 调休 day takes working_day_hours, not its weekday's.
    BusinessCalendar custom = calendar;
    custom.working_day_hours = {10 * 60, 16 * 60};
    EXPECT_EQ(hours_on(custom, d("2026-02-14")), (OpeningHours{10 * 60, 16 * 60}));
    EXPECT_EQ(format_instant(add_business_minutes(custom, at("2026-02-13 17:00:00"), 120)), "2026-02-14 11:00:00");
}

TEST(BusinessCalendar, DefaultCalendarFollowsTheStateCouncilNotice2026) {
    const BusinessCalendar calendar = default_business_calendar();
    EXPECT_NO_THROW(validate(calendar));
    for (int weekday : {1, 2, 3, 4, 5}) EXPECT_EQ(calendar.week[weekday], (OpeningHours{540, 1080})) << weekday;
    EXPECT_EQ(calendar.week[0], std::nullopt);
    EXPECT_EQ(calendar.week[6], std::nullopt);
    // 3 + 9 + 3 + 5 + 3 + 3 + 7 days.
    EXPECT_EQ(calendar.holidays.size(), 33u);
    std::vector<std::string> worked;
    for (const Date& day : calendar.working_days)
        worked.push_back(format_date(day) + " " + std::to_string(day.day_of_week().as_number()));
    // Every 调休 day is a Saturday (6) or a Sunday (0).
    EXPECT_EQ(worked, (std::vector<std::string>{"2026-01-04 0", "2026-02-14 6", "2026-02-28 6", "2026-05-09 6",
                                                "2026-09-20 0", "2026-10-10 6"}));
}

TEST(BusinessCalendar, ADeskOpenUntilMidnight) {
    BusinessCalendar always;
    for (auto& day : always.week) day = OpeningHours{0, 24 * 60};
    EXPECT_NO_THROW(validate(always));
    EXPECT_EQ(due(always, "2026-11-21 23:00:00", 120), "2026-11-22 01:00:00");
    EXPECT_EQ(due(always, "2026-11-21 23:00:00", 60), "2026-11-22 00:00:00");
    EXPECT_EQ(business_minutes_between(always, at("2026-11-21 00:00:00"), at("2026-11-23 00:00:00")), 2 * 1440);
}

TEST(BusinessCalendar, ValidationNamesTheFieldAndValue) {
    struct Row {
        const char* name;
        BusinessCalendar calendar;
        const char* field;
        const char* value;
        const char* message;
    };
    const BusinessCalendar base = default_business_calendar();
    auto with = [&](auto change) {
        BusinessCalendar c = base;
        change(c);
        return c;
    };
    const std::vector<Row> table = {
        {"opening after closing", with([](BusinessCalendar& c) { c.week[1] = OpeningHours{18 * 60, 9 * 60}; }),
         "calendar.week.MO.closes", "09:00", "calendar.week.MO.closes: opening at 18:00 is not before closing at 09:00"},
        {"opening equal to closing", with([](BusinessCalendar& c) { c.week[3] = OpeningHours{600, 600}; }),
         "calendar.week.WE.closes", "10:00", "calendar.week.WE.closes: opening at 10:00 is not before closing at 10:00"},
        {"opening at 24:00", with([](BusinessCalendar& c) { c.week[2] = OpeningHours{1440, 1440}; }),
         "calendar.week.TU.opens", "24:00", "calendar.week.TU.opens: 24:00 is not a time within the day (00:00–23:59)"},
        {"opening before midnight", with([](BusinessCalendar& c) { c.week[4] = OpeningHours{-60, 600}; }),
         "calendar.week.TH.opens", "-60", "calendar.week.TH.opens: -60 is not a time within the day (00:00–23:59)"},
        {"closing after midnight", with([](BusinessCalendar& c) { c.week[5] = OpeningHours{540, 1441}; }),
         "calendar.week.FR.closes", "1441",
         "calendar.week.FR.closes: 1441 is not a closing time within the day (00:01–24:00)"},
        {"bad 调休 hours", with([](BusinessCalendar& c) { c.working_day_hours = OpeningHours{600, 540}; }),
         "calendar.working_day_hours.closes", "09:00",
         "calendar.working_day_hours.closes: opening at 10:00 is not before closing at 09:00"},
        {"every weekday closed", with([](BusinessCalendar& c) { c.week = {}; }), "calendar.week", "",
         "calendar.week: every weekday is closed, so no deadline would ever fall"},
        {"a date both holiday and working day",
         with([](BusinessCalendar& c) { c.holidays.push_back(Date(2026, 2, 14)); }), "calendar.working_days",
         "2026-02-14", "calendar.working_days: 2026-02-14 is also a holiday; a day is either closed or worked"},
    };
    for (const Row& row : table)
        EXPECT_EQ(refusal([&] { validate(row.calendar); }, row.field, row.value), row.message) << row.name;
}

TEST(BusinessCalendar, TimesOfDay) {
    struct Good {
        const char* text;
        int minutes;
    };
    for (const Good& g : std::vector<Good>{{"00:00", 0}, {"09:00", 540}, {"09:05", 545}, {"23:59", 1439}, {"24:00", 1440}}) {
        EXPECT_EQ(parse_time_of_day(g.text, "hours.opens"), g.minutes) << g.text;
        EXPECT_EQ(format_time_of_day(g.minutes), g.text);
    }
    for (const char* bad : {"24:01", "25:00", "9:00", "09:60", "0900", "09:00x", "", "ab:cd"})
        EXPECT_EQ(refusal([&] { parse_time_of_day(bad, "hours.opens"); }, "hours.opens", bad),
                  "hours.opens: \"" + std::string(bad) + "\" is not a time of day (expected HH:MM, 00:00–24:00)")
            << bad;
}

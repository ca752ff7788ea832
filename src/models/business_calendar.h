#pragma once
// The business calendar complaint deadlines count on (issue 8): opening hours per weekday,
// holidays, and the weekend days worked in their place (调休). Everything here is business
// time, the programme's UTC+8 wall clock; the service layer converts from and to UTC.
//
// Rules as written:
// - A day's open time is [opens, closes): it starts at `opens` and ends at `closes`. Hours are
//   minutes after midnight; `closes` may be 24:00 (1440), the end of the day. Opening must be
//   before closing on the same day (no desk that stays open past midnight).
// - A holiday is closed all day, whatever its weekday.
// - A 调休 working day (a normally closed day, usually a Saturday or Sunday, that the State
//   Council's notice declares worked) is open for `working_day_hours`. The notices only say
//   such a day is worked (上班), not which weekday's timetable it follows, so the calendar
//   states its hours itself; the default gives it the ordinary weekday's 09:00–18:00.
// - A date may not be both a holiday and a 调休 working day.
// - Business minutes count only open time. A count between two instants is in whole minutes,
//   leftover seconds dropped.
// - Adding N business minutes walks forward through open time. A deadline that is used up
//   exactly at closing time is due at closing time (18:00 that day), not at the next opening.
//   Starting outside opening hours, the count starts at the next opening. Adding 0 minutes
//   gives the start itself.
// - Pauses (the ticket waits for the customer) stop the clock from `from` to `until`; a pause
//   with no `until` has not ended, so a deadline it stops before is reached is unknown.
#include "models/timestamps.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace md {

struct OpeningHours {
    int opens = 9 * 60;    // minutes after midnight, 0–1439
    int closes = 18 * 60;  // minutes after midnight, 1–1440; after `opens`
    bool operator==(const OpeningHours&) const = default;
};

// A plain struct the service layer stores as it is: one row of hours per weekday, two lists of
// dates and the hours of a 调休 working day.
struct BusinessCalendar {
    std::array<std::optional<OpeningHours>, 7> week;  // index 0 = Sunday … 6 = Saturday; none = closed
    std::vector<Date> holidays;                       // closed all day
    std::vector<Date> working_days;                   // 调休: worked though normally closed
    OpeningHours working_day_hours;                   // the hours of each 调休 working day
    bool operator==(const BusinessCalendar&) const = default;
};

// A stretch during which the deadline clock stands still; `until` none: still waiting.
struct Pause {
    Instant from;
    std::optional<Instant> until;
    bool operator==(const Pause&) const = default;
};

// "09:00" ⇄ 540; "24:00" is 1440 (closing at midnight). Throws ValidationError naming the field.
int parse_time_of_day(const std::string& text, const std::string& field);
std::string format_time_of_day(int minutes);

// Hours within the day and opening before closing (each weekday and the 调休 hours), at least
// one weekday open (otherwise no deadline would ever fall), no date both a holiday and a
// working day. Throws ValidationError naming the field ("calendar.week.MO.closes", ...) and value.
void validate(const BusinessCalendar& calendar);
// Each pause's end not before its start; throws ValidationError naming "pause.until".
void validate(const std::vector<Pause>& pauses);

// The hours `day` is open (a holiday: none; a 调休 day: working_day_hours), if any.
std::optional<OpeningHours> hours_on(const BusinessCalendar& calendar, const Date& day);
bool is_open_at(const BusinessCalendar& calendar, const Instant& at);

// Open minutes in [from, to), whole minutes; 0 when `to` is not after `from`.
std::int64_t business_minutes_between(const BusinessCalendar& calendar, const Instant& from, const Instant& to);
// The same with the clock stopped during the pauses (an open pause lasts past `to`).
std::int64_t business_minutes_between(const BusinessCalendar& calendar, const Instant& from, const Instant& to,
                                      const std::vector<Pause>& pauses);

// The instant at which `minutes` (at least 0) business minutes have passed since `start`.
// Throws ValidationError for negative minutes, or when the calendar has no open time within
// ten years.
Instant add_business_minutes(const BusinessCalendar& calendar, const Instant& start, std::int64_t minutes);
// The same with the clock stopped during the pauses; none while an open pause keeps the count
// from finishing (no deadline until the customer answers).
std::optional<Instant> add_business_minutes(const BusinessCalendar& calendar, const Instant& start,
                                            std::int64_t minutes, const std::vector<Pause>& pauses);

// Monday–Friday 09:00–18:00, Saturday and Sunday closed, with China's statutory public holidays
// and 调休 working days for 2026, from the State Council General Office's notice on the 2026
// holidays. 2027's notice was not at hand when this was written, so 2027 has no holidays yet:
// staff add them in the calendar settings once it is published.
BusinessCalendar default_business_calendar();

}  // namespace md

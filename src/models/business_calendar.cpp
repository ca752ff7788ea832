#include "models/business_calendar.h"

#include "models/errors.h"
#include "models/recurrence.h"
#include "models/translate.h"

#include <algorithm>
#include <cstdio>

namespace md {
namespace {

using boost::posix_time::minutes;
using boost::posix_time::seconds;

constexpr int kMinutesPerDay = 24 * 60;
// How far a deadline search walks before it gives up on a calendar with (almost) no open time.
constexpr int kSearchDays = 3660;

// [from, to): open or paused time.
struct Span {
    Instant from;
    Instant to;
};

bool listed(const std::vector<Date>& days, const Date& day) { return std::find(days.begin(), days.end(), day) != days.end(); }

std::optional<Span> open_span(const BusinessCalendar& calendar, const Date& day) {
    const auto hours = hours_on(calendar, day);
    if (!hours) return std::nullopt;
    return Span{Instant(day, minutes(hours->opens)), Instant(day, minutes(hours->closes))};
}

// The pauses as spans sorted by start; one that has not ended runs on forever.
std::vector<Span> paused_spans(const std::vector<Pause>& pauses) {
    std::vector<Span> spans;
    for (const Pause& p : pauses)
        spans.push_back({p.from, p.until ? *p.until : Instant(boost::posix_time::pos_infin)});
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.from < b.from; });
    return spans;
}

// The parts of `open` that no pause covers, in order.
std::vector<Span> running_parts(const Span& open, const std::vector<Span>& paused) {
    std::vector<Span> parts;
    Instant cursor = open.from;
    for (const Span& p : paused) {
        if (p.to <= cursor) continue;
        if (p.from >= open.to) break;
        if (p.from > cursor) parts.push_back({cursor, p.from});
        cursor = std::max(cursor, p.to);
        if (cursor >= open.to) return parts;
    }
    if (cursor < open.to) parts.push_back({cursor, open.to});
    return parts;
}

void check_hours(const std::string& field, const OpeningHours& hours) {
    if (hours.opens < 0 || hours.opens >= kMinutesPerDay)
        throw ValidationError(field + ".opens", format_time_of_day(hours.opens),
                              subst(tr("{0}: {1} is not a time within the day (00:00–23:59)"),
                                    {field + ".opens", format_time_of_day(hours.opens)}));
    if (hours.closes <= 0 || hours.closes > kMinutesPerDay)
        throw ValidationError(field + ".closes", format_time_of_day(hours.closes),
                              subst(tr("{0}: {1} is not a closing time within the day (00:01–24:00)"),
                                    {field + ".closes", format_time_of_day(hours.closes)}));
    if (hours.opens >= hours.closes)
        throw ValidationError(field + ".closes", format_time_of_day(hours.closes),
                              subst(tr("{0}: opening at {1} is not before closing at {2}"),
                                    {field + ".closes", format_time_of_day(hours.opens), format_time_of_day(hours.closes)}));
}

}  // namespace

int parse_time_of_day(const std::string& text, const std::string& field) {
    int h = 0, m = 0;
    char tail;
    if (text.size() == 5 && text[2] == ':' && std::sscanf(text.c_str(), "%2d:%2d%c", &h, &m, &tail) == 2 && h >= 0 &&
        m >= 0 && m < 60 && (h < 24 || (h == 24 && m == 0)))
        return h * 60 + m;
    throw ValidationError(field, text,
                          subst(tr("{0}: \"{1}\" is not a time of day (expected HH:MM, 00:00–24:00)"), {field, text}));
}

std::string format_time_of_day(int minutes_after_midnight) {
    if (minutes_after_midnight < 0 || minutes_after_midnight > kMinutesPerDay) return std::to_string(minutes_after_midnight);
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", minutes_after_midnight / 60, minutes_after_midnight % 60);
    return buf;
}

void validate(const BusinessCalendar& calendar) {
    bool any_open = false;
    for (int weekday = 0; weekday < 7; ++weekday)
        if (const auto& hours = calendar.week[weekday]) {
            check_hours("calendar.week." + weekday_code(weekday), *hours);
            any_open = true;
        }
    if (!any_open)
        throw ValidationError("calendar.week", "",
                              tr("calendar.week: every weekday is closed, so no deadline would ever fall"));
    check_hours("calendar.working_day_hours", calendar.working_day_hours);
    for (const Date& day : calendar.working_days)
        if (listed(calendar.holidays, day))
            throw ValidationError("calendar.working_days", format_date(day),
                                  subst(tr("calendar.working_days: {0} is also a holiday; a day is either closed or "
                                           "worked"),
                                        {format_date(day)}));
}

void validate(const std::vector<Pause>& pauses) {
    for (const Pause& p : pauses)
        if (p.until && *p.until < p.from)
            throw ValidationError("pause.until", format_instant(*p.until),
                                  subst(tr("pause.until: the pause ends at {0}, before it starts at {1}"),
                                        {format_instant(*p.until), format_instant(p.from)}));
}

std::optional<OpeningHours> hours_on(const BusinessCalendar& calendar, const Date& day) {
    if (listed(calendar.holidays, day)) return std::nullopt;
    if (listed(calendar.working_days, day)) return calendar.working_day_hours;
    return calendar.week[day.day_of_week().as_number()];
}

bool is_open_at(const BusinessCalendar& calendar, const Instant& at) {
    const auto open = open_span(calendar, at.date());
    return open && open->from <= at && at < open->to;
}

std::int64_t business_minutes_between(const BusinessCalendar& calendar, const Instant& from, const Instant& to) {
    return business_minutes_between(calendar, from, to, {});
}

std::int64_t business_minutes_between(const BusinessCalendar& calendar, const Instant& from, const Instant& to,
                                      const std::vector<Pause>& pauses) {
    if (to <= from) return 0;
    validate(pauses);
    const std::vector<Span> paused = paused_spans(pauses);
    std::int64_t running_seconds = 0;
    for (Date day = from.date(); day <= to.date(); day += boost::gregorian::days(1)) {
        const auto open = open_span(calendar, day);
        if (!open) continue;
        const Span clipped{std::max(open->from, from), std::min(open->to, to)};
        if (clipped.from >= clipped.to) continue;
        for (const Span& part : running_parts(clipped, paused)) running_seconds += (part.to - part.from).total_seconds();
    }
    return running_seconds / 60;
}

Instant add_business_minutes(const BusinessCalendar& calendar, const Instant& start, std::int64_t minutes_to_add) {
    // Without pauses the count always finishes.
    return *add_business_minutes(calendar, start, minutes_to_add, {});
}

std::optional<Instant> add_business_minutes(const BusinessCalendar& calendar, const Instant& start,
                                            std::int64_t minutes_to_add, const std::vector<Pause>& pauses) {
    if (minutes_to_add < 0)
        throw ValidationError("minutes", std::to_string(minutes_to_add),
                              subst(tr("minutes: {0} business minutes; give 0 or more"), {std::to_string(minutes_to_add)}));
    if (minutes_to_add == 0) return start;
    validate(pauses);
    const std::vector<Span> paused = paused_spans(pauses);
    std::optional<Instant> open_pause_starts;
    for (const Pause& p : pauses)
        if (!p.until && (!open_pause_starts || p.from < *open_pause_starts)) open_pause_starts = p.from;

    std::int64_t remaining_seconds = minutes_to_add * 60;
    for (int i = 0; i <= kSearchDays; ++i) {
        const Date day = start.date() + boost::gregorian::days(i);
        // Once a pause that has not ended has begun, the clock never runs again.
        if (open_pause_starts && *open_pause_starts <= std::max(Instant(day), start)) return std::nullopt;
        const auto open = open_span(calendar, day);
        if (!open) continue;
        const Span clipped{std::max(open->from, start), open->to};
        if (clipped.from >= clipped.to) continue;
        for (const Span& part : running_parts(clipped, paused)) {
            const std::int64_t length = (part.to - part.from).total_seconds();
            // `<=`: a count used up exactly at closing is due at closing, not at the next opening.
            if (remaining_seconds <= length) return part.from + seconds(remaining_seconds);
            remaining_seconds -= length;
        }
    }
    throw ValidationError("calendar", format_instant(start),
                          subst(tr("calendar: no open business time within ten years after {0}"), {format_instant(start)}));
}

BusinessCalendar default_business_calendar() {
    BusinessCalendar calendar;
    // Monday–Friday 09:00–18:00; Saturday and Sunday closed.
    for (int weekday = 1; weekday <= 5; ++weekday) calendar.week[weekday] = OpeningHours{9 * 60, 18 * 60};
    // A 调休 working day is a full ordinary working day, so it keeps the weekday hours.
    calendar.working_day_hours = OpeningHours{9 * 60, 18 * 60};

    // 2026: 国务院办公厅关于2026年部分节假日安排的通知 (State Council General Office, 4 November
    // 2025, published by Xinhua). Each holiday span is listed whole, weekend days included.
    const auto span = [&](int year, int month, int first_day, int last_day) {
        for (int d = first_day; d <= last_day; ++d) calendar.holidays.push_back(Date(year, month, d));
    };
    span(2026, 1, 1, 3);    // 元旦: Thu 1 – Sat 3 January
    span(2026, 2, 15, 23);  // 春节: Sun 15 – Mon 23 February (腊月二十八 – 正月初七)
    span(2026, 4, 4, 6);    // 清明节: Sat 4 – Mon 6 April
    span(2026, 5, 1, 5);    // 劳动节: Fri 1 – Tue 5 May
    span(2026, 6, 19, 21);  // 端午节: Fri 19 – Sun 21 June
    span(2026, 9, 25, 27);  // 中秋节: Fri 25 – Sun 27 September
    span(2026, 10, 1, 7);   // 国庆节: Thu 1 – Wed 7 October
    calendar.working_days = {
        Date(2026, 1, 4),    // Sunday, for 元旦
        Date(2026, 2, 14),   // Saturday, for 春节
        Date(2026, 2, 28),   // Saturday, for 春节
        Date(2026, 5, 9),    // Saturday, for 劳动节
        Date(2026, 9, 20),   // Sunday, for 国庆节
        Date(2026, 10, 10),  // Saturday, for 国庆节
    };
    // 2027: the State Council's notice for 2027 could not be found when this was written (it is
    // usually published in November or December of the year before). Until its dates are added
    // through the calendar settings, 2027 counts as ordinary weeks with no holidays.
    return calendar;
}

}  // namespace md

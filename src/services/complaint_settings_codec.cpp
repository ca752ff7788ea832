// The complaint desk's settings as programme items (issue 8): the business calendar the
// deadlines count on, and the policy of deadline targets, the near-deadline share, the reopen
// window and the compensation caps. Both are one item each, key "default".
//
// Format (times of day "HH:MM", dates "YYYY-MM-DD", targets in business minutes, money "100.00"):
//   business_calendar: {"week": {"MO": {"opens": "09:00", "closes": "18:00"}, ..., "SA": null,
//                        "SU": null}, "holidays": [...], "working_days": [...],
//                        "working_day_hours": {"opens": "09:00", "closes": "18:00"}}
//   complaint_policy:  {"targets": [{"severity", "member_class", "response_minutes",
//                        "resolution_minutes"}...], "near_deadline_pct": 20, "reopen_window_days": 30,
//                        "caps": [{"role", "coins_per_ticket", "coins_per_month",
//                        "stored_value_per_ticket", "stored_value_per_month"}...],
//                        "compensation_budget_per_month": "10000.00"}
// Every weekday is named, closed ones as null, so that a day left out by mistake is an error
// rather than a closed desk. Dates are written sorted so an export is canonical.
#include "services/program_codec.h"

#include "models/errors.h"
#include "models/text.h"
#include "models/recurrence.h"
#include "models/translate.h"
#include "services/json_reader.h"

#include <algorithm>

namespace md {

using ojson = nlohmann::ordered_json;

namespace {

// Monday first, the way an office timetable is read.
constexpr int kWeekOrder[] = {1, 2, 3, 4, 5, 6, 0};

ojson hours_json(const OpeningHours& hours) {
    return {{"opens", format_time_of_day(hours.opens)}, {"closes", format_time_of_day(hours.closes)}};
}

OpeningHours hours_from(JsonReader& r) {
    OpeningHours hours;
    hours.opens = parse_time_of_day(r.text("opens"), r.field("opens"));
    hours.closes = parse_time_of_day(r.text("closes"), r.field("closes"));
    return hours;
}

ojson dates_json(std::vector<Date> days) {
    std::sort(days.begin(), days.end());
    ojson out = ojson::array();
    for (const Date& d : days) out.push_back(format_date(d));
    return out;
}

std::vector<Date> dates_from(JsonReader& r, const char* name) {
    std::vector<Date> days;
    const std::vector<std::string> texts = r.texts_or_empty(name);
    for (std::size_t i = 0; i < texts.size(); ++i)
        days.push_back(parse_date(texts[i], r.field(name) + "[" + std::to_string(i + 1) + "]"));
    return days;
}

}  // namespace

ojson to_json(const BusinessCalendar& calendar) {
    ojson week = ojson::object();
    for (int weekday : kWeekOrder)
        week[weekday_code(weekday)] = calendar.week[weekday] ? hours_json(*calendar.week[weekday]) : ojson(nullptr);
    return {{"week", week},
            {"holidays", dates_json(calendar.holidays)},
            {"working_days", dates_json(calendar.working_days)},
            {"working_day_hours", hours_json(calendar.working_day_hours)}};
}

BusinessCalendar business_calendar_from_json(const nlohmann::json& value, const std::string& path) {
    JsonReader r(value, path);
    BusinessCalendar calendar;
    const std::string week_field = r.field("week");
    const nlohmann::json* week = r.raw("week");
    if (!week || !week->is_object())
        throw ValidationError(week_field, week ? json_excerpt(*week) : "",
                              subst(tr("{0}: give the hours of each weekday, MO to SU (null for a closed day)"), {week_field}));
    JsonReader days(*week, week_field);
    for (int weekday : kWeekOrder) {
        const std::string code = weekday_code(weekday);
        if (!week->contains(code))
            throw ValidationError(days.field(code.c_str()), "",
                                  subst(tr("{0}: missing; give the day's hours or null when it is closed"),
                                        {days.field(code.c_str())}));
        read_object(days, code.c_str(), [&](JsonReader& h) { calendar.week[weekday] = hours_from(h); });
    }
    days.finish();
    calendar.holidays = dates_from(r, "holidays");
    calendar.working_days = dates_from(r, "working_days");
    read_object(r, "working_day_hours", [&](JsonReader& h) { calendar.working_day_hours = hours_from(h); });
    r.finish();
    validate(calendar);
    return calendar;
}

ojson to_json(const ComplaintPolicy& policy) {
    ojson targets = ojson::array();
    for (const DeadlineTarget& t : policy.targets)
        targets.push_back({{"severity", complaint_severity_code(t.severity)},
                           {"member_class", member_class_code(t.member_class)},
                           {"response_minutes", t.response_minutes},
                           {"resolution_minutes", t.resolution_minutes}});
    ojson caps = ojson::array();
    for (const CompensationCap& c : policy.caps)
        caps.push_back({{"role", role_code(c.role)},
                        {"coins_per_ticket", c.coins_per_ticket},
                        {"coins_per_month", c.coins_per_month},
                        {"stored_value_per_ticket", c.stored_value_per_ticket.to_string()},
                        {"stored_value_per_month", c.stored_value_per_month.to_string()}});
    return {{"targets", targets},
            {"near_deadline_pct", policy.near_deadline_pct},
            {"reopen_window_days", policy.reopen_window_days},
            {"caps", caps},
            {"compensation_budget_per_month", policy.compensation_budget_per_month.to_string()}};
}

ComplaintPolicy complaint_policy_from_json(const nlohmann::json& value, const std::string& path) {
    JsonReader r(value, path);
    ComplaintPolicy policy;
    for (JsonReader& t : r.objects("targets", true)) {
        DeadlineTarget target;
        target.severity = parse_complaint_severity(t.text("severity"), t.field("severity"));
        target.member_class = parse_member_class(t.text("member_class"), t.field("member_class"));
        target.response_minutes = t.integer("response_minutes");
        target.resolution_minutes = t.integer("resolution_minutes");
        t.finish();
        policy.targets.push_back(target);
    }
    policy.near_deadline_pct = r.integer("near_deadline_pct");
    policy.reopen_window_days = r.integer("reopen_window_days");
    for (JsonReader& c : r.objects("caps", false)) {
        CompensationCap cap;
        const std::string role = c.text("role");
        const auto parsed = parse_role(role);
        if (!parsed)
            throw ValidationError(c.field("role"), role, subst(tr("{0}: \"{1}\" is not a role"), {c.field("role"), role}));
        cap.role = *parsed;
        cap.coins_per_ticket = c.integer("coins_per_ticket");
        cap.coins_per_month = c.integer("coins_per_month");
        cap.stored_value_per_ticket = c.money("stored_value_per_ticket");
        cap.stored_value_per_month = c.money("stored_value_per_month");
        c.finish();
        policy.caps.push_back(cap);
    }
    // Policies approved before the budget existed have none: they keep the built-in one.
    policy.compensation_budget_per_month = r.money_or("compensation_budget_per_month", policy.compensation_budget_per_month);
    r.finish();
    validate(policy);
    return policy;
}

}  // namespace md

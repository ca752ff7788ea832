#include "services/campaign_service.h"

#include "db/change_repository.h"
#include "models/errors.h"
#include "models/translate.h"
#include "services/program_codec.h"

#include <algorithm>
#include <cstdio>
#include <map>

namespace md {
namespace {

const char* kEntity = "campaign";
// How far back and ahead a campaign is looked for when no window is given (show, ics).
constexpr int kYearsAround = 3;

// "20261208T020000Z": a business time (UTC+8) as the UTC instant iCalendar wants.
std::string ics_utc(const Instant& business_time) {
    const Instant utc = business_time - boost::posix_time::hours(8);
    char buf[64];  // room for any int the compiler imagines; the text is always 16 characters
    std::snprintf(buf, sizeof buf, "%04d%02d%02dT%02d%02d%02dZ", static_cast<int>(utc.date().year()),
                  static_cast<int>(utc.date().month()), static_cast<int>(utc.date().day()),
                  static_cast<int>(utc.time_of_day().hours()), static_cast<int>(utc.time_of_day().minutes()),
                  static_cast<int>(utc.time_of_day().seconds()));
    return buf;
}

// RFC 5545 text: backslash, semicolon, comma and line breaks escaped; lines folded at 75 octets
// without splitting a UTF-8 character.
std::string ics_text(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\\' || c == ';' || c == ',') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}

void ics_line(std::string& doc, const std::string& line) {
    std::size_t start = 0, width = 75;
    while (line.size() - start > width) {
        std::size_t cut = start + width;
        while (cut > start && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
        doc += line.substr(start, cut - start) + "\r\n ";
        start = cut;
        width = 74;  // the leading space counts
    }
    doc += line.substr(start) + "\r\n";
}

}  // namespace

std::string campaign_status_code(CampaignStatus s) {
    static const char* const codes[] = {"draft", "submitted", "approved", "running", "finished", "cancelled"};
    return codes[static_cast<int>(s)];
}

std::vector<CalendarCampaign> CampaignService::everything(const Actor& actor) {
    audit_.require(actor, Action::ViewProgram, kEntity);
    const Instant now = to_business_time(clock_());
    std::vector<CalendarCampaign> out;
    for (const Campaign& c : program_.program_as_of(actor, now.date()).campaigns) {
        CalendarCampaign cc{c, CampaignStatus::Approved, 0, {}};
        if (running_at(c, now)) cc.status = CampaignStatus::Running;
        else if (auto last = last_day(c); last && *last < now.date()) cc.status = CampaignStatus::Finished;
        out.push_back(std::move(cc));
    }
    // Requests still open: the newest per campaign; a campaign in force with an open change
    // shows as it is in force (the change is the approvals area's business).
    std::map<std::string, ChangeRequest> open;
    for (ChangeStatus status : {ChangeStatus::Draft, ChangeStatus::Submitted}) {
        ChangeQuery q;
        q.status = status;
        for (ChangeRequest& r : ChangeRepository(db_).list(q))
            if (r.kind == ChangeKind::Campaign && r.proposed && (!open.count(r.item_key) || open[r.item_key].id < r.id))
                open[r.item_key] = r;
    }
    // Retired by an approved request and not proposed again: cancelled, as it last stood.
    ChangeQuery approved;
    approved.status = ChangeStatus::Approved;
    std::map<std::string, ChangeRequest> retired;
    for (ChangeRequest& r : ChangeRepository(db_).list(approved))
        if (r.kind == ChangeKind::Campaign && !r.proposed && r.effective_from <= now.date() &&
            (!retired.count(r.item_key) || retired[r.item_key].id < r.id))
            retired[r.item_key] = r;
    for (const auto& [code, r] : retired) {
        const auto known = [&](const std::string& c) {
            return open.count(c) || std::any_of(out.begin(), out.end(), [&](const CalendarCampaign& x) { return x.campaign.code == c; });
        };
        if (known(code)) continue;
        // The newest version with a body is the campaign as it stood when it was cancelled.
        const std::vector<ConfigVersion> versions = ChangeRepository(db_).history(ChangeKind::Campaign, code);
        for (auto v = versions.rbegin(); v != versions.rend(); ++v)
            if (v->body) {
                out.push_back({campaign_from_json(nlohmann::json::parse(*v->body), "campaign", 100000), CampaignStatus::Cancelled, 0, {}});
                break;
            }
    }
    for (const auto& [code, r] : open) {
        // Named again for the lambda: clang before 16 cannot capture a structured binding (the
        // fuzz build, tests/fuzz, compiles this with clang 14).
        const std::string& open_code = code;
        if (std::any_of(out.begin(), out.end(), [&](const CalendarCampaign& c) { return c.campaign.code == open_code; }))
            continue;
        CalendarCampaign cc;
        cc.campaign = campaign_from_json(nlohmann::json::parse(*r.proposed), "campaign", 100000);
        cc.status = r.status == ChangeStatus::Submitted ? CampaignStatus::Submitted : CampaignStatus::Draft;
        cc.change_request = r.id;
        out.push_back(std::move(cc));
    }
    return out;
}

std::vector<CalendarCampaign> CampaignService::calendar(const Actor& actor, const Date& from, const Date& to) {
    if (to < from)
        throw ValidationError("to", format_date(to),
                              subst(tr("to: {0} is before from {1}"), {format_date(to), format_date(from)}));
    std::vector<CalendarCampaign> shown;
    for (CalendarCampaign& c : everything(actor)) {
        // An occurrence that began the day before may still run into the window.
        const boost::posix_time::time_duration length = c.campaign.ends_at - c.campaign.starts_at;
        for (const Span& s : spans(c.campaign, (Instant(from) - length).date(), to))
            if (s.to > Instant(from)) c.spans.push_back(s);
        if (!c.spans.empty()) shown.push_back(std::move(c));
    }
    std::sort(shown.begin(), shown.end(), [](const CalendarCampaign& a, const CalendarCampaign& b) {
        return std::tie(a.spans.front().from, a.campaign.code) < std::tie(b.spans.front().from, b.campaign.code);
    });
    return shown;
}

CalendarCampaign CampaignService::show(const Actor& actor, const std::string& code) {
    const Date today = to_business_time(clock_()).date();
    for (CalendarCampaign& c : everything(actor))
        if (c.campaign.code == code) {
            c.spans = spans(c.campaign, today - boost::gregorian::years(kYearsAround), today + boost::gregorian::years(kYearsAround));
            return c;
        }
    throw NotFoundError(subst(tr("campaign: there is no campaign \"{0}\""), {code}));
}

std::vector<CampaignConflict> CampaignService::conflicts(const std::vector<CalendarCampaign>& campaigns) {
    std::vector<CampaignConflict> out;
    for (std::size_t i = 0; i < campaigns.size(); ++i)
        for (std::size_t j = i + 1; j < campaigns.size(); ++j) {
            if (campaigns[i].status == CampaignStatus::Cancelled || campaigns[j].status == CampaignStatus::Cancelled) continue;
            if (!targets_overlap(campaigns[i].campaign.target, campaigns[j].campaign.target)) continue;
            if (campaigns[i].campaign.recurrence.kind == RecurrenceKind::BirthdayMonth ||
                campaigns[j].campaign.recurrence.kind == RecurrenceKind::BirthdayMonth)
                continue;
            std::optional<Date> first;
            for (const Span& a : campaigns[i].spans)
                for (const Span& b : campaigns[j].spans)
                    if (a.from < b.to && b.from < a.to) {
                        const Date day = std::max(a.from, b.from).date();
                        if (!first || day < *first) first = day;
                    }
            if (first) out.push_back({campaigns[i].campaign.code, campaigns[j].campaign.code, *first});
        }
    return out;
}

std::vector<CampaignConflict> CampaignService::conflicts_with(const Actor& actor, const Campaign& proposed) {
    const Date from = proposed.starts_at.date();
    const Date to = from + boost::gregorian::years(1);
    std::vector<CalendarCampaign> others = calendar(actor, from, to);
    std::erase_if(others, [&](const CalendarCampaign& c) { return c.campaign.code == proposed.code; });
    const CalendarCampaign mine{proposed, CampaignStatus::Draft, 0, spans(proposed, from, to)};
    std::vector<CampaignConflict> found;
    for (const CalendarCampaign& other : others)
        for (const CampaignConflict& c : conflicts({mine, other})) found.push_back(c);
    return found;
}

std::string CampaignService::ics(const Actor& actor, const std::optional<std::string>& code) {
    std::vector<CalendarCampaign> chosen;
    for (CalendarCampaign& c : everything(actor))
        if (c.change_request == 0 && c.status != CampaignStatus::Cancelled && (!code || c.campaign.code == *code))
            chosen.push_back(std::move(c));
    if (code && chosen.empty())
        throw NotFoundError(subst(tr("campaign: there is no approved campaign \"{0}\""), {*code}));
    const std::string stamp = ics_utc(to_business_time(clock_()));
    std::string doc;
    ics_line(doc, "BEGIN:VCALENDAR");
    ics_line(doc, "VERSION:2.0");
    ics_line(doc, "PRODID:-//MemberDesk//Campaign calendar//EN");
    ics_line(doc, "CALSCALE:GREGORIAN");
    for (const CalendarCampaign& cc : chosen) {
        const Campaign& c = cc.campaign;
        ics_line(doc, "BEGIN:VEVENT");
        ics_line(doc, "UID:" + c.code + "@memberdesk");
        ics_line(doc, "DTSTAMP:" + stamp);
        // The series starts on its first occurrence (RFC 5545 wants DTSTART to be one).
        Instant first = c.starts_at;
        const auto days = occurrences(c.recurrence, c.starts_at.date(), c.starts_at.date(),
                                      c.starts_at.date() + boost::gregorian::years(kYearsAround * 2));
        if (c.recurrence.kind != RecurrenceKind::BirthdayMonth && !days.empty())
            first = Instant(days.front(), c.starts_at.time_of_day());
        ics_line(doc, "DTSTART:" + ics_utc(first));
        ics_line(doc, "DTEND:" + ics_utc(first + (c.ends_at - c.starts_at)));
        if (const std::string rule = to_rrule(c.recurrence, true); !rule.empty()) {
            ics_line(doc, "RRULE:" + rule);
            for (const Date& d : c.recurrence.exceptions) ics_line(doc, "EXDATE:" + ics_utc(Instant(d, c.starts_at.time_of_day())));
        }
        const std::string name = c.name_zh.empty() ? c.name_en : c.name_en.empty() ? c.name_zh : c.name_zh + " / " + c.name_en;
        ics_line(doc, "SUMMARY:" + ics_text(name));
        std::string description = campaign_type_code(c.type) + "; " + describe(c.recurrence) + "; budget " +
                                  c.budget.total().to_string();
        if (c.coin_multiplier_pct != 100) description += "; coins ×" + format_multiplier(c.coin_multiplier_pct);
        ics_line(doc, "DESCRIPTION:" + ics_text(description));
        ics_line(doc, "CATEGORIES:" + campaign_type_code(c.type));
        ics_line(doc, "END:VEVENT");
    }
    ics_line(doc, "END:VCALENDAR");
    return doc;
}

}  // namespace md

#include "models/campaign.h"

#include "models/errors.h"
#include "models/translate.h"

#include <algorithm>

namespace md {
namespace {

const char* const kTypes[] = {"member_day",   "birthday",      "flash_sale",    "double_points", "referral",
                              "club_event",   "partner_event", "story_contest", "other"};

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

bool any_in(const std::vector<std::string>& wanted, const std::vector<std::string>& held) {
    for (const std::string& w : wanted)
        if (contains(held, w)) return true;
    return false;
}

std::string ladder_of(const std::string& ladder_tier) { return ladder_tier.substr(0, ladder_tier.find(':')); }

}  // namespace

std::string campaign_type_code(CampaignType t) { return kTypes[static_cast<int>(t)]; }

const std::vector<CampaignType>& all_campaign_types() {
    static const std::vector<CampaignType> types = {
        CampaignType::MemberDay,  CampaignType::Birthday,     CampaignType::FlashSale,
        CampaignType::DoublePoints, CampaignType::Referral,   CampaignType::ClubEvent,
        CampaignType::PartnerEvent, CampaignType::StoryContest, CampaignType::Other};
    return types;
}

CampaignType parse_campaign_type(const std::string& code, const std::string& field) {
    for (CampaignType t : all_campaign_types())
        if (campaign_type_code(t) == code) return t;
    std::string known;
    for (CampaignType t : all_campaign_types()) known += (known.empty() ? "" : ", ") + campaign_type_code(t);
    throw ValidationError(field, code, subst(tr("{0}: \"{1}\" is not one of {2}"), {field, code, known}));
}

bool targets(const CampaignTarget& t, const TargetFacts& m) {
    if (!t.tiers.empty() && !any_in(t.tiers, m.tiers)) return false;
    if (!t.states.empty() && !contains(t.states, m.state)) return false;
    if (!t.tags.empty() && !any_in(t.tags, m.tags)) return false;
    return true;
}

bool targets_overlap(const CampaignTarget& a, const CampaignTarget& b) {
    // A member holds one tier per ladder: two tier lists exclude each other only when every
    // pair is two different tiers of the same ladder.
    if (!a.tiers.empty() && !b.tiers.empty()) {
        bool meet = false;
        for (const std::string& x : a.tiers)
            for (const std::string& y : b.tiers) meet = meet || x == y || ladder_of(x) != ladder_of(y);
        if (!meet) return false;
    }
    // A member is in one lifecycle state at a time.
    if (!a.states.empty() && !b.states.empty() && !any_in(a.states, b.states)) return false;
    // A member may carry any number of tags: tags never exclude.
    return true;
}

int parse_multiplier(const std::string& text, const std::string& field) {
    const Money hundredths = Money::parse(text, field);  // the same decimal rules as money: at most two places
    if (hundredths.fen() > 100000)
        throw ValidationError(field, text, subst(tr("{0}: ×{1} is not a multiplier"), {field, text}));
    return static_cast<int>(hundredths.fen());
}

std::string format_multiplier(int pct) {
    std::string text = Money::from_fen(pct).to_string();  // "2.00", "1.50"
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
    return text;
}

void validate(const Campaign& c, int max_multiplier_pct) {
    if (c.code.empty() || c.code.find_first_of(" \t,") != std::string::npos)
        throw ValidationError("code", c.code, subst(tr("code: \"{0}\" must be one word without spaces or commas"), {c.code}));
    if (c.name_zh.empty() && c.name_en.empty())
        throw ValidationError("name_zh", "", tr("name_zh: a campaign needs a Chinese or an English name"));
    if (c.ends_at <= c.starts_at)
        throw ValidationError("ends_at", format_instant(c.ends_at),
                              subst(tr("ends_at: {0} is not after the start {1}"),
                                    {format_instant(c.ends_at).substr(0, 16), format_instant(c.starts_at).substr(0, 16)}));
    for (const auto& [field, amount] : {std::pair{"budget.activity", c.budget.activity},
                                        std::pair{"budget.technology", c.budget.technology},
                                        std::pair{"budget.partner", c.budget.partner}})
        if (amount.fen() < 0)
            throw ValidationError(field, amount.to_string(),
                                  subst(tr("{0}: {1} is below zero"), {std::string(field), amount.to_string()}));
    if (c.coin_multiplier_pct <= 0 || c.coin_multiplier_pct > max_multiplier_pct)
        throw ValidationError("coin_multiplier", format_multiplier(c.coin_multiplier_pct),
                              subst(tr("coin_multiplier: ×{0} must be above 0 and at most ×{1}"),
                                    {format_multiplier(c.coin_multiplier_pct), format_multiplier(max_multiplier_pct)}));
    if (c.referral_coins < 0 || c.birthday_coins < 0)
        throw ValidationError(c.referral_coins < 0 ? "referral_coins" : "birthday_coins",
                              std::to_string(std::min(c.referral_coins, c.birthday_coins)),
                              tr("coins: a campaign cannot give fewer than 0 coins"));
    for (const auto* list : {&c.target.tiers, &c.target.states, &c.target.tags})
        for (const std::string& entry : *list)
            if (entry.empty()) throw ValidationError("target", "", tr("target: an empty entry"));
    for (const std::string& tier : c.target.tiers)
        if (tier.find(':') == std::string::npos)
            throw ValidationError("target.tiers", tier,
                                  subst(tr("target.tiers: \"{0}\" is not ladder:tier (e.g. individual:red_diamond)"), {tier}));
    for (const std::string& kpi : {std::string("participation_pct"), std::string("redemption_pct"), std::string("repurchase_pct")}) {
        const std::optional<int>& v = kpi == "participation_pct" ? c.kpis.participation_pct
                                      : kpi == "redemption_pct"  ? c.kpis.redemption_pct
                                                                 : c.kpis.repurchase_pct;
        if (v && (*v < 0 || *v > 100))
            throw ValidationError("kpis." + kpi, std::to_string(*v),
                                  subst(tr("kpis.{0}: {1}% is not between 0 and 100"), {kpi, std::to_string(*v)}));
    }
    if ((c.kpis.new_members && *c.kpis.new_members < 0) || (c.kpis.cost_per_new_member && c.kpis.cost_per_new_member->fen() < 0))
        throw ValidationError("kpis", "", tr("kpis: a target cannot be below zero"));
    validate(c.recurrence, c.starts_at.date());
}

std::vector<Span> spans(const Campaign& c, const Date& from, const Date& to) {
    std::vector<Span> out;
    // A birthday campaign runs for each member in their own month: the calendar shows the whole
    // period it is offered in.
    if (c.recurrence.kind == RecurrenceKind::BirthdayMonth) {
        if (c.starts_at.date() <= to && c.ends_at >= Instant(from)) out.push_back({c.starts_at, c.ends_at});
        return out;
    }
    const boost::posix_time::time_duration length = c.ends_at - c.starts_at;
    const boost::posix_time::time_duration start_time = c.starts_at.time_of_day();
    for (const Date& day : occurrences(c.recurrence, c.starts_at.date(), from, to))
        out.push_back({Instant(day, start_time), Instant(day, start_time) + length});
    return out;
}

bool running_at(const Campaign& c, const Instant& business_time) {
    // An occurrence that started up to its length before today can still be running.
    const boost::posix_time::time_duration length = c.ends_at - c.starts_at;
    const Date to = business_time.date();
    const Date from = (business_time - length).date();
    for (const Span& s : spans(c, from, to))
        if (s.from <= business_time && business_time < s.to) return true;
    return false;
}

std::optional<Date> last_day(const Campaign& c) {
    const boost::posix_time::time_duration length = c.ends_at - c.starts_at;
    if (c.recurrence.kind == RecurrenceKind::None) return c.ends_at.date();
    if (c.recurrence.kind == RecurrenceKind::BirthdayMonth) return std::nullopt;
    if (c.recurrence.until) return (Instant(*c.recurrence.until, c.starts_at.time_of_day()) + length).date();
    if (c.recurrence.count) {
        // Counted series end within count × a year at most (yearly rules); find the last day.
        const Date horizon = c.starts_at.date() + boost::gregorian::years(*c.recurrence.count + 1);
        const std::vector<Date> days = occurrences(c.recurrence, c.starts_at.date(), c.starts_at.date(), horizon);
        if (days.empty()) return c.ends_at.date();
        return (Instant(days.back(), c.starts_at.time_of_day()) + length).date();
    }
    return std::nullopt;
}

}  // namespace md

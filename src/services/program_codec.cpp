#include "services/program_codec.h"

#include "models/errors.h"
#include "models/translate.h"
#include "services/json_reader.h"

namespace md {

using ojson = nlohmann::ordered_json;

namespace {

ojson money(Money m) { return m.to_string(); }

ojson conditions_json(const AlternativeQualification& alt) {
    ojson all = ojson::array();
    for (const QualifyingCondition& c : alt.all_of)
        all.push_back({{"measure", measure_code(c.measure)}, {"threshold", money(c.threshold)}, {"months", c.months}});
    return {{"all_of", all}};
}

}  // namespace

ojson to_json(const TierLadder& l) {
    ojson tiers = ojson::array();
    for (const Tier& t : l.tiers) {
        ojson alternatives = ojson::array();
        for (const auto& a : t.alternatives) alternatives.push_back(conditions_json(a));
        tiers.push_back({{"code", t.code},
                         {"name_zh", t.name_zh},
                         {"name_en", t.name_en},
                         {"threshold", money(t.threshold)},
                         {"discount", t.discount.to_zhe()},
                         {"benefits", t.benefits},
                         {"alternatives", alternatives}});
    }
    return {{"code", l.code},
            {"name_zh", l.name_zh},
            {"name_en", l.name_en},
            {"measure", measure_code(l.measure)},
            {"measure_months", l.measure_months},
            {"window", window_code(l.window)},
            {"window_months", l.window_months},
            {"downgrade", downgrade_code(l.downgrade)},
            {"grace_days", l.grace_days},
            {"packages_count", l.packages_count},
            {"member_types", l.member_types},
            {"tiers", tiers}};
}

ojson to_json(const PointsRule& r) {
    return {{"spend_per_coin", money(r.spend_per_coin)},
            {"entry_threshold", money(r.entry_threshold)},
            {"coin_value", money(r.coin_value)},
            {"excluded_purchase_kinds", r.excluded_purchase_kinds},
            {"expiry", expiry_code(r.expiry)},
            {"expiry_days", r.expiry_days},
            {"campaign_stacking", stacking_code(r.stacking)},
            {"max_campaign_multiplier", format_multiplier(r.max_multiplier_pct)}};
}

ojson to_json(const Denomination& d) {
    return {{"face_value", money(d.face_value)}, {"on_sale", d.on_sale}, {"bonus", money(d.bonus)}};
}

ojson to_json(const RechargeBonus& b) {
    return {{"code", b.code},
            {"name_zh", b.name_zh},
            {"name_en", b.name_en},
            {"pay", money(b.pay)},
            {"receive", money(b.receive)},
            {"valid_from", format_date(b.valid_from)},
            {"valid_to", b.valid_to ? ojson(format_date(*b.valid_to)) : ojson(nullptr)}};
}

ojson to_json(const MealPackage& p) {
    return {{"code", p.code},
            {"name_zh", p.name_zh},
            {"name_en", p.name_en},
            {"kind", kind_code(p.kind)},
            {"group", p.group},
            {"subgroup", p.subgroup},
            {"cadence", cadence_code(p.cadence)},
            {"deliveries_per_period", p.deliveries_per_period},
            {"term", term_code(p.term)},
            {"price", money(p.price)},
            {"value_owed", money(p.value_owed)},
            {"deliveries", p.deliveries},
            {"earns_points", p.earns_points},
            {"counts_toward_tiers", p.counts_toward_tiers}};
}

ojson to_json(const LifecycleRule& l) {
    return {{"dormant_after_days", l.dormant_after_days}, {"lapsed_after_days", l.lapsed_after_days}};
}

ojson to_json(const StoredValueRule& s) {
    ojson order = ojson::array();
    for (Bucket b : s.draw_order) order.push_back(bucket_code(b));
    return {{"draw_order", order}};
}

ojson to_json(const Recurrence& r) {
    ojson j = {{"kind", recurrence_kind_code(r.kind)}};
    if (r.kind == RecurrenceKind::MonthlyOnDay || r.kind == RecurrenceKind::Yearly) j["day_of_month"] = r.day_of_month;
    if (r.kind == RecurrenceKind::Yearly) j["month"] = r.month;
    if (r.kind == RecurrenceKind::NthWeekday) j["nth"] = r.nth;
    if (r.kind == RecurrenceKind::NthWeekday || r.kind == RecurrenceKind::LastWeekday) j["weekday"] = weekday_code(r.weekday);
    if (r.kind == RecurrenceKind::Weekly) {
        ojson days = ojson::array();
        for (int d : r.weekdays) days.push_back(weekday_code(d));
        j["weekdays"] = days;
    }
    if (!r.exceptions.empty()) {
        ojson days = ojson::array();
        for (const Date& d : r.exceptions) days.push_back(format_date(d));
        j["exceptions"] = days;
    }
    if (r.until) j["until"] = format_date(*r.until);
    if (r.count) j["count"] = *r.count;
    return j;
}

ojson to_json(const Campaign& c) {
    ojson kpis = ojson::object();
    if (c.kpis.new_members) kpis["new_members"] = *c.kpis.new_members;
    if (c.kpis.participation_pct) kpis["participation_pct"] = *c.kpis.participation_pct;
    if (c.kpis.redemption_pct) kpis["redemption_pct"] = *c.kpis.redemption_pct;
    if (c.kpis.repurchase_pct) kpis["repurchase_pct"] = *c.kpis.repurchase_pct;
    if (c.kpis.cost_per_new_member) kpis["cost_per_new_member"] = money(*c.kpis.cost_per_new_member);
    return {{"code", c.code},
            {"name_zh", c.name_zh},
            {"name_en", c.name_en},
            {"type", campaign_type_code(c.type)},
            {"starts_at", format_instant(c.starts_at).substr(0, 16)},
            {"ends_at", format_instant(c.ends_at).substr(0, 16)},
            {"recurrence", to_json(c.recurrence)},
            {"target", {{"tiers", c.target.tiers}, {"states", c.target.states}, {"tags", c.target.tags}}},
            {"budget", {{"activity", money(c.budget.activity)},
                        {"technology", money(c.budget.technology)},
                        {"partner", money(c.budget.partner)}}},
            {"kpis", kpis},
            {"owner", c.owner},
            {"coin_multiplier", format_multiplier(c.coin_multiplier_pct)},
            {"referral_coins", c.referral_coins},
            {"birthday_coins", c.birthday_coins}};
}

ojson to_json(const CommitteeSeat& s) {
    return {{"member_number", s.member_number},
            {"role", committee_role_code(s.role)},
            {"term_start", format_date(s.term_start)},
            {"term_end", format_date(s.term_end)}};
}

TierLadder ladder_from_json(const nlohmann::json& value, const std::string& path) {
    JsonReader r(value, path);
    TierLadder l;
    l.code = r.text("code");
    l.name_zh = r.text_or("name_zh", "");
    l.name_en = r.text_or("name_en", "");
    l.measure = parse_measure(r.text("measure"), r.field("measure"));
    l.measure_months = r.integer_or("measure_months", 0);
    l.window = parse_window(r.text_or("window", "lifetime"), r.field("window"));
    l.window_months = r.integer_or("window_months", 0);
    l.downgrade = parse_downgrade(r.text_or("downgrade", "never"), r.field("downgrade"));
    l.grace_days = r.integer_or("grace_days", 0);
    l.packages_count = r.flag_or("packages_count", false);
    l.member_types = r.texts_or_empty("member_types");
    for (JsonReader& t : r.objects("tiers", true)) {
        Tier tier;
        tier.code = t.text("code");
        tier.name_zh = t.text_or("name_zh", "");
        tier.name_en = t.text_or("name_en", "");
        tier.threshold = t.money("threshold");
        tier.discount = t.discount("discount");
        tier.benefits = t.texts_or_empty("benefits");
        for (JsonReader& a : t.objects("alternatives", false)) {
            AlternativeQualification alt;
            for (JsonReader& c : a.objects("all_of", true)) {
                QualifyingCondition cond;
                cond.measure = parse_measure(c.text("measure"), c.field("measure"));
                cond.threshold = c.money("threshold");
                cond.months = c.integer_or("months", 0);
                c.finish();
                alt.all_of.push_back(cond);
            }
            a.finish();
            tier.alternatives.push_back(alt);
        }
        t.finish();
        l.tiers.push_back(std::move(tier));
    }
    r.finish();
    validate(l);
    return l;
}

PointsRule points_from_json(const nlohmann::json& value, const std::string& path) {
    JsonReader r(value, path);
    PointsRule p;
    p.spend_per_coin = r.money("spend_per_coin");
    p.entry_threshold = r.money_or("entry_threshold", Money());
    p.coin_value = r.money("coin_value");
    p.excluded_purchase_kinds = r.texts_or_empty("excluded_purchase_kinds");
    p.expiry = parse_expiry(r.text_or("expiry", "never"), r.field("expiry"));
    p.expiry_days = r.integer_or("expiry_days", 0);
    p.stacking = parse_stacking(r.text_or("campaign_stacking", "highest"), r.field("campaign_stacking"));
    p.max_multiplier_pct = parse_multiplier(r.text_or("max_campaign_multiplier", "5"), r.field("max_campaign_multiplier"));
    r.finish();
    validate(p);
    return p;
}

Denomination denomination_from_json(const nlohmann::json& value, const std::string& path) {
    JsonReader r(value, path);
    Denomination d;
    d.face_value = r.money("face_value");
    d.on_sale = r.flag_or("on_sale", true);
    d.bonus = r.money_or("bonus", Money());
    r.finish();
    validate(d);
    return d;
}

RechargeBonus bonus_from_json(const nlohmann::json& value, const std::string& path) {
    JsonReader r(value, path);
    RechargeBonus b;
    b.code = r.text("code");
    b.name_zh = r.text_or("name_zh", "");
    b.name_en = r.text_or("name_en", "");
    b.pay = r.money("pay");
    b.receive = r.money("receive");
    b.valid_from = r.date("valid_from");
    b.valid_to = r.optional_date("valid_to");
    r.finish();
    validate(b);
    return b;
}

MealPackage package_from_json(const nlohmann::json& value, const std::string& path) {
    JsonReader r(value, path);
    MealPackage p;
    p.code = r.text("code");
    p.name_zh = r.text_or("name_zh", "");
    p.name_en = r.text_or("name_en", "");
    p.kind = parse_kind(r.text("kind"), r.field("kind"));
    p.group = r.text_or("group", "");
    p.subgroup = r.text_or("subgroup", "");
    p.cadence = parse_cadence(r.text_or("cadence", "none"), r.field("cadence"));
    p.deliveries_per_period = r.integer_or("deliveries_per_period", 0);
    p.term = parse_term(r.text_or("term", "none"), r.field("term"));
    p.price = r.money("price");
    p.value_owed = r.money("value_owed");
    p.deliveries = r.integer_or("deliveries", 0);
    p.earns_points = r.flag_or("earns_points", false);
    p.counts_toward_tiers = r.flag_or("counts_toward_tiers", false);
    r.finish();
    validate(p);
    return p;
}

CommitteeSeat seat_from_json(const nlohmann::json& value, const std::string& path) {
    JsonReader r(value, path);
    CommitteeSeat s;
    s.member_number = r.text("member_number");
    s.role = parse_committee_role(r.text("role"), r.field("role"));
    s.term_start = r.date("term_start");
    s.term_end = r.date("term_end");
    r.finish();
    validate(s);
    return s;
}

LifecycleRule lifecycle_from_json(const nlohmann::json& value, const std::string& path) {
    JsonReader r(value, path);
    LifecycleRule l;
    l.dormant_after_days = r.integer("dormant_after_days");
    l.lapsed_after_days = r.integer("lapsed_after_days");
    r.finish();
    validate(l);
    return l;
}

StoredValueRule stored_value_from_json(const nlohmann::json& value, const std::string& path) {
    JsonReader r(value, path);
    StoredValueRule s;
    const nlohmann::json* order = r.raw("draw_order");
    const std::string field = r.field("draw_order");
    if (!order || !order->is_array() || order->size() != s.draw_order.size())
        throw ValidationError(field, order ? order->dump() : "",
                              subst(tr("{0}: give the three buckets in the order purchases spend them, e.g. "
                                       "[\"principal\", \"bonus\", \"compensation\"]"),
                                    {field}));
    for (std::size_t i = 0; i < s.draw_order.size(); ++i) {
        const nlohmann::json& code = (*order)[i];
        const std::string item = field + "[" + std::to_string(i) + "]";
        if (!code.is_string()) throw ValidationError(item, code.dump(), subst(tr("{0}: not a bucket name"), {item}));
        s.draw_order[i] = parse_bucket(code.get<std::string>(), item);
        if (s.draw_order[i] == Bucket::Coins || s.draw_order[i] == Bucket::Package)
            throw ValidationError(item, code.get<std::string>(),
                                  subst(tr("{0}: \"{1}\" is not a stored-value bucket"), {item, code.get<std::string>()}));
    }
    r.finish();
    validate(s);
    return s;
}

namespace {

// "2026-12-08 10:00" (business time), the minute being the finest a campaign is planned to.
Instant campaign_time(JsonReader& r, const char* name) {
    const std::string text = r.text(name);
    int y, mo, d, h, mi;
    char tail;
    if (text.size() != 16 || std::sscanf(text.c_str(), "%4d-%2d-%2d %2d:%2d%c", &y, &mo, &d, &h, &mi, &tail) != 5 || h > 23 ||
        mi > 59)
        throw ValidationError(r.field(name), text,
                              subst(tr("{0}: \"{1}\" is not a time YYYY-MM-DD HH:MM"), {r.field(name), text}));
    const Date day = parse_date(text.substr(0, 10), r.field(name));
    return Instant(day, boost::posix_time::hours(h) + boost::posix_time::minutes(mi));
}


Recurrence recurrence_from_json(JsonReader& r) {
    Recurrence rule;
    rule.kind = parse_recurrence_kind(r.text_or("kind", "none"), r.field("kind"));
    rule.day_of_month = r.integer_or("day_of_month", 0);
    rule.month = r.integer_or("month", 0);
    rule.nth = r.integer_or("nth", 0);
    if (const nlohmann::json* w = r.raw("weekday")) {
        if (!w->is_string()) throw ValidationError(r.field("weekday"), w->dump(), subst(tr("{0}: expected a weekday such as FR"), {r.field("weekday")}));
        rule.weekday = parse_weekday(w->get<std::string>(), r.field("weekday"));
    }
    for (const std::string& d : r.texts_or_empty("weekdays")) rule.weekdays.push_back(parse_weekday(d, r.field("weekdays")));
    for (const std::string& d : r.texts_or_empty("exceptions")) rule.exceptions.push_back(parse_date(d, r.field("exceptions")));
    rule.until = r.optional_date("until");
    if (r.raw("count")) rule.count = r.integer("count");
    return rule;
}

}  // namespace

Campaign campaign_from_json(const nlohmann::json& value, const std::string& path, int max_multiplier_pct) {
    JsonReader r(value, path);
    Campaign c;
    c.code = r.text("code");
    c.name_zh = r.text_or("name_zh", "");
    c.name_en = r.text_or("name_en", "");
    c.type = parse_campaign_type(r.text("type"), r.field("type"));
    c.starts_at = campaign_time(r, "starts_at");
    c.ends_at = campaign_time(r, "ends_at");
    read_object(r, "recurrence", [&](JsonReader& rec) { c.recurrence = recurrence_from_json(rec); });
    read_object(r, "target", [&](JsonReader& t) {
        c.target.tiers = t.texts_or_empty("tiers");
        c.target.states = t.texts_or_empty("states");
        c.target.tags = t.texts_or_empty("tags");
    });
    read_object(r, "budget", [&](JsonReader& b) {
        c.budget.activity = b.money_or("activity", Money());
        c.budget.technology = b.money_or("technology", Money());
        c.budget.partner = b.money_or("partner", Money());
    });
    read_object(r, "kpis", [&](JsonReader& k) {
        if (k.raw("new_members")) c.kpis.new_members = k.integer("new_members");
        if (k.raw("participation_pct")) c.kpis.participation_pct = k.integer("participation_pct");
        if (k.raw("redemption_pct")) c.kpis.redemption_pct = k.integer("redemption_pct");
        if (k.raw("repurchase_pct")) c.kpis.repurchase_pct = k.integer("repurchase_pct");
        if (k.raw("cost_per_new_member")) c.kpis.cost_per_new_member = k.money("cost_per_new_member");
    });
    c.owner = r.text_or("owner", "");
    c.coin_multiplier_pct = parse_multiplier(r.text_or("coin_multiplier", "1"), r.field("coin_multiplier"));
    c.referral_coins = r.integer_or("referral_coins", 0);
    c.birthday_coins = r.integer_or("birthday_coins", 0);
    r.finish();
    validate(c, max_multiplier_pct);
    return c;
}

ProgramItem read_item(ChangeKind kind, const nlohmann::json& value, const std::string& path) {
    switch (kind) {
        case ChangeKind::Ladder: {
            auto l = ladder_from_json(value, path);
            return {kind, l.code, to_json(l).dump()};
        }
        case ChangeKind::Points:
            return {kind, "default", to_json(points_from_json(value, path)).dump()};
        case ChangeKind::Denomination: {
            auto d = denomination_from_json(value, path);
            return {kind, d.face_value.to_string(), to_json(d).dump()};
        }
        case ChangeKind::Bonus: {
            auto b = bonus_from_json(value, path);
            return {kind, b.code, to_json(b).dump()};
        }
        case ChangeKind::Package: {
            auto p = package_from_json(value, path);
            return {kind, p.code, to_json(p).dump()};
        }
        case ChangeKind::Committee: {
            auto s = seat_from_json(value, path);
            return {kind, s.member_number, to_json(s).dump()};
        }
        case ChangeKind::Lifecycle:
            return {kind, "default", to_json(lifecycle_from_json(value, path)).dump()};
        case ChangeKind::StoredValue:
            return {kind, "default", to_json(stored_value_from_json(value, path)).dump()};
        case ChangeKind::Campaign: {
            // The multiplier cap is the points rule's; the proposer checks it against the rule in
            // force (ProgramService), the codec only against the largest cap a rule may set.
            auto c = campaign_from_json(value, path, 100000);
            return {kind, c.code, to_json(c).dump()};
        }
        case ChangeKind::BusinessCalendar:
            return {kind, "default", to_json(business_calendar_from_json(value, path)).dump()};
        case ChangeKind::ComplaintPolicy:
            return {kind, "default", to_json(complaint_policy_from_json(value, path)).dump()};
    }
    throw Error("unknown change kind");
}

ojson program_to_json(const Program& p, const Date& as_of) {
    ojson doc = {{"format", "memberdesk-program"}, {"format_version", 1}, {"as_of", format_date(as_of)}};
    ojson ladders = ojson::array(), denominations = ojson::array(), bonuses = ojson::array(),
          packages = ojson::array(), committee = ojson::array();
    for (const auto& l : p.ladders) ladders.push_back(to_json(l));
    for (const auto& d : p.denominations) denominations.push_back(to_json(d));
    for (const auto& b : p.bonuses) bonuses.push_back(to_json(b));
    for (const auto& k : p.packages) packages.push_back(to_json(k));
    for (const auto& s : p.committee) committee.push_back(to_json(s));
    doc["ladders"] = ladders;
    doc["points"] = p.points ? to_json(*p.points) : ojson(nullptr);
    doc["denominations"] = denominations;
    doc["bonuses"] = bonuses;
    doc["packages"] = packages;
    doc["committee"] = committee;
    doc["lifecycle"] = p.lifecycle ? to_json(*p.lifecycle) : ojson(nullptr);
    doc["stored_value"] = p.stored_value ? to_json(*p.stored_value) : ojson(nullptr);
    ojson campaigns = ojson::array();
    for (const auto& c : p.campaigns) campaigns.push_back(to_json(c));
    doc["campaigns"] = campaigns;
    doc["business_calendar"] = p.business_calendar ? to_json(*p.business_calendar) : ojson(nullptr);
    doc["complaint_policy"] = p.complaint_policy ? to_json(*p.complaint_policy) : ojson(nullptr);
    return doc;
}

std::vector<ProgramItem> program_items_from_json(const nlohmann::json& document) {
    JsonReader r(document, "");
    if (r.text("format") != "memberdesk-program")
        throw ValidationError("format", document.value("format", ""),
                              tr("format: not a MemberDesk programme file (expected \"memberdesk-program\")"));
    if (r.integer_or("format_version", 0) != 1)
        throw ValidationError("format_version", document.value("format_version", nlohmann::json()).dump(),
                              tr("format_version: this MemberDesk reads programme files of version 1"));
    r.text_or("as_of", "");  // informative only
    std::vector<ProgramItem> items;
    // Arrays of items: read each element as the kind's item, keeping its path for errors.
    auto read_array = [&](const char* name, ChangeKind kind) {
        for (JsonReader& element : r.objects(name, false))
            items.push_back(read_item(kind, element.object(), element.path()));
    };
    read_array("ladders", ChangeKind::Ladder);
    if (const nlohmann::json* points = r.raw("points")) items.push_back(read_item(ChangeKind::Points, *points, "points"));
    read_array("denominations", ChangeKind::Denomination);
    read_array("bonuses", ChangeKind::Bonus);
    read_array("packages", ChangeKind::Package);
    read_array("committee", ChangeKind::Committee);
    if (const nlohmann::json* lifecycle = r.raw("lifecycle"))
        items.push_back(read_item(ChangeKind::Lifecycle, *lifecycle, "lifecycle"));
    if (const nlohmann::json* stored = r.raw("stored_value"))
        items.push_back(read_item(ChangeKind::StoredValue, *stored, "stored_value"));
    read_array("campaigns", ChangeKind::Campaign);
    if (const nlohmann::json* calendar = r.raw("business_calendar"))
        items.push_back(read_item(ChangeKind::BusinessCalendar, *calendar, "business_calendar"));
    if (const nlohmann::json* policy = r.raw("complaint_policy"))
        items.push_back(read_item(ChangeKind::ComplaintPolicy, *policy, "complaint_policy"));
    r.finish();
    // Two items with one key would make the import ambiguous.
    for (std::size_t i = 0; i < items.size(); ++i)
        for (std::size_t j = i + 1; j < items.size(); ++j)
            if (items[i].kind == items[j].kind && items[i].key == items[j].key)
                throw ValidationError(change_kind_code(items[j].kind), items[j].key,
                                      subst(tr("{0} \"{1}\" appears twice in the file"),
                                            {change_kind_code(items[j].kind), items[j].key}));
    return items;
}

Program program_from_items(const std::vector<ProgramItem>& items) {
    Program p;
    for (const ProgramItem& item : items) {
        const auto j = nlohmann::json::parse(item.json);
        switch (item.kind) {
            case ChangeKind::Ladder: p.ladders.push_back(ladder_from_json(j, item.key)); break;
            case ChangeKind::Points: p.points = points_from_json(j, item.key); break;
            case ChangeKind::Denomination: p.denominations.push_back(denomination_from_json(j, item.key)); break;
            case ChangeKind::Bonus: p.bonuses.push_back(bonus_from_json(j, item.key)); break;
            case ChangeKind::Package: p.packages.push_back(package_from_json(j, item.key)); break;
            case ChangeKind::Committee: p.committee.push_back(seat_from_json(j, item.key)); break;
            case ChangeKind::Lifecycle: p.lifecycle = lifecycle_from_json(j, item.key); break;
            case ChangeKind::StoredValue: p.stored_value = stored_value_from_json(j, item.key); break;
            case ChangeKind::Campaign: p.campaigns.push_back(campaign_from_json(j, item.key, 100000)); break;
            case ChangeKind::BusinessCalendar: p.business_calendar = business_calendar_from_json(j, item.key); break;
            case ChangeKind::ComplaintPolicy: p.complaint_policy = complaint_policy_from_json(j, item.key); break;
        }
    }
    return p;
}

}  // namespace md

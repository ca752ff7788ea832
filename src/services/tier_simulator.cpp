#include "services/tier_simulator.h"

#include "db/change_repository.h"
#include "db/tier_repository.h"
#include "models/errors.h"
#include "models/translate.h"
#include "models/what_if.h"
#include "services/program_codec.h"

#include <map>

namespace md {
namespace {

constexpr int kAttachedMonths = 12;
constexpr std::size_t kAttachedMovers = 200;

// The programme in force with some items replaced (same kind and key), added, or retired.
Program overlay(std::vector<ProgramItem> in_force, const std::vector<ProgramItem>& changes,
                const std::vector<std::pair<ChangeKind, std::string>>& retired = {}) {
    for (const ProgramItem& change : changes) {
        bool replaced = false;
        for (ProgramItem& item : in_force)
            if (item.kind == change.kind && item.key == change.key) {
                item = change;
                replaced = true;
            }
        if (!replaced) in_force.push_back(change);
    }
    std::erase_if(in_force, [&](const ProgramItem& item) {
        for (const auto& [kind, key] : retired)
            if (item.kind == kind && item.key == key) return true;
        return false;
    });
    return program_from_items(in_force);
}

std::string code_at(const Program& p, std::size_t ladder, int tier) {
    return tier < 0 ? std::string() : p.ladders[ladder].tiers[static_cast<std::size_t>(tier)].code;
}

Money liability(const Program& rules, std::int64_t coins) {
    return rules.points ? Money::from_fen(rules.points->coin_value.fen() * coins) : Money();
}

// Where each ladder code sits in each rule set (a new or retired ladder is on one side only).
struct LadderPair {
    std::string code;
    std::optional<std::size_t> current, draft;
};

std::vector<LadderPair> pair_ladders(const Program& current, const Program& draft) {
    std::vector<LadderPair> out;
    for (std::size_t i = 0; i < current.ladders.size(); ++i) out.push_back({current.ladders[i].code, i, std::nullopt});
    for (std::size_t i = 0; i < draft.ladders.size(); ++i) {
        bool found = false;
        for (LadderPair& p : out)
            if (p.code == draft.ladders[i].code) {
                p.draft = i;
                found = true;
            }
        if (!found) out.push_back({draft.ladders[i].code, std::nullopt, i});
    }
    return out;
}

// The programme's tier-mix target, 3 : 5 : 2, for a ladder of three tiers.
int target_bp(std::size_t tiers, std::size_t index) {
    static const int kTarget[] = {3000, 5000, 2000};
    return tiers == 3 ? kTarget[index] : -1;
}

void fill_mix(Simulation& s, const Program& current, const Program& draft, const std::vector<LadderPair>& ladders,
              const std::map<std::pair<std::string, std::string>, long long>& current_counts,
              const std::map<std::pair<std::string, std::string>, long long>& draft_counts) {
    auto count = [](const auto& m, const std::string& l, const std::string& t) {
        auto it = m.find({l, t});
        return it == m.end() ? 0LL : it->second;
    };
    for (const LadderPair& p : ladders) {
        // The draft's tiers in order, then any tier only the rules in force have.
        std::vector<std::string> tiers;
        if (p.draft)
            for (const Tier& t : draft.ladders[*p.draft].tiers) tiers.push_back(t.code);
        if (p.current)
            for (const Tier& t : current.ladders[*p.current].tiers)
                if (std::find(tiers.begin(), tiers.end(), t.code) == tiers.end()) tiers.push_back(t.code);
        long long total_current = 0, total_draft = 0;
        for (const std::string& t : tiers) {
            total_current += count(current_counts, p.code, t);
            total_draft += count(draft_counts, p.code, t);
        }
        const std::size_t draft_tiers = p.draft ? draft.ladders[*p.draft].tiers.size() : 0;
        for (std::size_t i = 0; i < tiers.size(); ++i) {
            MixRow row;
            row.ladder = p.code;
            row.tier = tiers[i];
            row.current = count(current_counts, p.code, tiers[i]);
            row.draft = count(draft_counts, p.code, tiers[i]);
            row.current_bp = total_current ? static_cast<int>(row.current * 10000 / total_current) : 0;
            row.draft_bp = total_draft ? static_cast<int>(row.draft * 10000 / total_draft) : 0;
            row.target_bp = i < draft_tiers ? target_bp(draft_tiers, i) : -1;
            s.mix.push_back(row);
        }
    }
}

}  // namespace

Simulation TierSimulator::simulate_document(const Actor& actor, const nlohmann::json& draft, int months) {
    audit_.require(actor, Action::SimulateRules, "program", "draft");
    const std::vector<ProgramItem> changes = program_items_from_json(draft);  // validates every item
    const Date today = program_.today();
    return run(program_.rules_in_force(today), overlay(program_.items_as_of(actor, today), changes), months, today,
               false);
}

Simulation TierSimulator::simulate_change(const Actor& actor, std::int64_t change_id, int months) {
    audit_.require(actor, Action::SimulateRules, "change", std::to_string(change_id));
    const ChangeView view = program_.show(actor, change_id);
    const ChangeRequest& r = view.request;
    std::vector<ProgramItem> changes;
    std::vector<std::pair<ChangeKind, std::string>> retired;
    if (r.proposed) changes.push_back(read_item(r.kind, nlohmann::json::parse(*r.proposed), "proposed"));
    else retired.push_back({r.kind, r.item_key});
    const Date today = program_.today();
    const Date on = std::max(today, r.effective_from);
    return run(program_.rules_in_force(on), overlay(program_.items_as_of(actor, on), changes, retired), months, today,
               true);
}

void TierSimulator::attach_to_change(const Actor& actor, const ChangeRequest& request) {
    if (request.kind != ChangeKind::Ladder && request.kind != ChangeKind::Points && request.kind != ChangeKind::Bonus)
        return;
    std::string json;
    try {
        json = simulation_json(simulate_change(actor, request.id, kAttachedMonths), kAttachedMovers).dump();
    } catch (const Error& e) {
        json = nlohmann::json{{"error", e.what()}}.dump();
    }
    Transaction tx(db_);
    ChangeRepository(db_).set_simulation(request.id, json);
    tx.commit();
}

Simulation TierSimulator::simulate(const Actor& actor, const Program& draft, int months) {
    audit_.require(actor, Action::SimulateRules, "program", "draft");
    const Date today = program_.today();
    return run(program_.rules_in_force(today), draft, months, today, false);
}

Simulation TierSimulator::run(const Program& current, const Program& draft, int months, const Date& to, bool clamp) {
    if (months < 1 || months > 120)
        throw ValidationError("months", std::to_string(months),
                              subst(tr("months: between 1 and 120, not {0}"), {std::to_string(months)}));
    TierRepository repo(db_);
    Simulation s;
    s.months = months;
    s.to = to;
    s.from = months_before(to, months) + boost::gregorian::days(1);
    const std::optional<Date> first = repo.first_movement_day();
    if (!first) throw ValidationError("months", std::to_string(months), tr("months: there are no transactions to replay yet"));
    if (*first > s.from) {
        if (!clamp)
            throw ValidationError("months", std::to_string(months),
                                  subst(tr("months: {0} months go back to {1}, but the first transaction was on {2}"),
                                        {std::to_string(months), format_date(s.from), format_date(*first)}));
        s.from = *first;
        s.starts_with_data = true;
    }

    const std::vector<LadderPair> ladders = pair_ladders(current, draft);
    std::map<std::tuple<std::string, std::string, std::string>, long long> cells;
    std::map<std::pair<std::string, std::string>, long long> current_counts, draft_counts;
    repo.for_each_member_to_replay(s.from, to, [&](const TierRepository::ReplayInput& m) {
        ++s.members;
        const ReplayResult a = replay(current, m.before, m.period, m.coin_member_since, to);
        const ReplayResult b = replay(draft, m.before, m.period, m.coin_member_since, to);
        s.discount_current += a.discount_given;
        s.discount_draft += b.discount_given;
        s.coins_current += a.coins_issued;
        s.coins_draft += b.coins_issued;
        s.liability_current += liability(current, a.coins_valid_at_end);
        s.liability_draft += liability(draft, b.coins_valid_at_end);
        s.bonus_current += a.bonus_given;
        s.bonus_draft += b.bonus_given;
        for (const LadderPair& p : ladders) {
            const bool ranked = (p.current && current.ladders[*p.current].applies_to(m.before.member_type)) ||
                                (p.draft && draft.ladders[*p.draft].applies_to(m.before.member_type));
            if (!ranked) continue;
            const std::string from = p.current ? code_at(current, *p.current, a.tiers[*p.current]) : "";
            const std::string to_tier = p.draft ? code_at(draft, *p.draft, b.tiers[*p.draft]) : "";
            ++cells[{p.code, from, to_tier}];
            if (!from.empty()) ++current_counts[{p.code, from}];
            if (!to_tier.empty()) ++draft_counts[{p.code, to_tier}];
            if (from != to_tier) s.movers.push_back({m.number, p.code, from, to_tier});
        }
    });
    for (const auto& [key, n] : cells) s.matrix.push_back({std::get<0>(key), std::get<1>(key), std::get<2>(key), n});
    fill_mix(s, current, draft, ladders, current_counts, draft_counts);
    return s;
}

nlohmann::ordered_json simulation_json(const Simulation& s, std::size_t movers_limit) {
    auto money = [](Money current, Money draft) {
        return nlohmann::ordered_json{{"current", current.to_string()},
                                      {"draft", draft.to_string()},
                                      {"change", (draft - current).to_string()}};
    };
    nlohmann::ordered_json matrix = nlohmann::ordered_json::array();
    for (const MigrationCell& c : s.matrix)
        matrix.push_back({{"ladder", c.ladder}, {"from", c.from}, {"to", c.to}, {"members", c.members}});
    nlohmann::ordered_json movers = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < s.movers.size() && i < movers_limit; ++i)
        movers.push_back({{"member", s.movers[i].member},
                          {"ladder", s.movers[i].ladder},
                          {"from", s.movers[i].from},
                          {"to", s.movers[i].to}});
    nlohmann::ordered_json mix = nlohmann::ordered_json::array();
    for (const MixRow& m : s.mix)
        mix.push_back({{"ladder", m.ladder},
                       {"tier", m.tier},
                       {"current", m.current},
                       {"draft", m.draft},
                       {"current_bp", m.current_bp},
                       {"draft_bp", m.draft_bp},
                       {"target_bp", m.target_bp < 0 ? nlohmann::ordered_json() : nlohmann::ordered_json(m.target_bp)}});
    return {{"months", s.months},
            {"from", format_date(s.from)},
            {"to", format_date(s.to)},
            {"starts_with_data", s.starts_with_data},
            {"members", s.members},
            {"matrix", matrix},
            {"movers_total", s.movers.size()},
            {"movers", movers},
            {"discount", money(s.discount_current, s.discount_draft)},
            {"coins_issued",
             {{"current", s.coins_current}, {"draft", s.coins_draft}, {"change", s.coins_draft - s.coins_current}}},
            {"points_liability", money(s.liability_current, s.liability_draft)},
            {"bonus", money(s.bonus_current, s.bonus_draft)},
            {"tier_mix", mix}};
}

}  // namespace md

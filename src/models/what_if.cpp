#include "models/what_if.h"

#include "models/ledger.h"

#include <algorithm>

namespace md {
namespace {

// The tier held on `day` with the movements so far. A never-downgrade ladder keeps the best tier
// earned on any movement day, which the replay carries along instead of evaluating it again.
struct LadderState {
    const TierLadder* ladder;
    int best_ever = -1;
    int on(const MemberHistory& h, const Date& day) const {
        return ladder->downgrade == DowngradePolicy::Never ? best_ever : evaluate(*ladder, h, day).tier;
    }
    void after_movement(const MemberHistory& h, const Date& day) {
        if (ladder->downgrade == DowngradePolicy::Never) best_ever = std::max(best_ever, earned_on(*ladder, h, day));
    }
};

int best_discount_bp(const std::vector<LadderState>& ladders, const MemberHistory& h, const Date& day) {
    int best = 10000;
    for (const LadderState& l : ladders) {
        const int t = l.on(h, day);
        if (t >= 0) best = std::min(best, l.ladder->tiers[static_cast<std::size_t>(t)].discount.paid_basis_points());
    }
    return best;
}

bool earns_coins(const PointsRule& points, FactKind kind) {
    const std::string purchase_kind = kind == FactKind::Package ? "meal_package" : "goods";
    return std::find(points.excluded_purchase_kinds.begin(), points.excluded_purchase_kinds.end(), purchase_kind) ==
           points.excluded_purchase_kinds.end();
}

}  // namespace

std::string movement_source_code(MovementSource source) {
    switch (source) {
        case MovementSource::Purchase: return "purchase";
        case MovementSource::CashRecharge: return "cash_recharge";
        case MovementSource::Other: return "other";
    }
    return "other";
}

MovementSource parse_movement_source(const std::string& code) {
    if (code == "purchase") return MovementSource::Purchase;
    if (code == "cash_recharge") return MovementSource::CashRecharge;
    return MovementSource::Other;
}

ReplayResult replay(const Program& rules, const MemberHistory& before, const std::vector<Movement>& period,
                    const std::optional<Date>& coin_member_since, const Date& to) {
    MemberHistory h = before;
    std::vector<LadderState> ladders;
    for (const TierLadder& l : rules.ladders) {
        LadderState s{&l};
        if (l.downgrade == DowngradePolicy::Never && !h.facts.empty())
            s.best_ever = evaluate(l, h, h.facts.back().day).tier;
        ladders.push_back(s);
    }

    ReplayResult r;
    for (const Movement& m : period) {
        const Date day = m.fact.day;
        TierFact fact = m.fact;
        if (m.source == MovementSource::Purchase) {
            if (fact.kind == FactKind::Coins) continue;  // earned again below, under these rules
            const Money net = discounted(m.list_price, best_discount_bp(ladders, h, day));
            r.discount_given += m.list_price - net;
            fact.amount = net;
            h.facts.push_back(fact);
            if (rules.points && coin_member_since && *coin_member_since <= day && earns_coins(*rules.points, fact.kind)) {
                const std::int64_t coins = coins_for(*rules.points, net);
                r.coins_issued += coins;
                const auto expires = coin_expiry(*rules.points, day);
                if (!expires || *expires >= to) r.coins_valid_at_end += coins;
                if (coins) h.facts.push_back({day, FactKind::Coins, Money::from_yuan(coins)});
            }
        } else {
            if (m.source == MovementSource::CashRecharge)
                if (auto bonus = recharge_bonus_for(rules.bonuses, fact.amount, day))
                    r.bonus_given += bonus->receive - bonus->pay;
            h.facts.push_back(fact);
        }
        for (LadderState& l : ladders) l.after_movement(h, day);
    }
    for (const LadderState& l : ladders)
        r.tiers.push_back(l.ladder->downgrade == DowngradePolicy::Never ? l.best_ever : evaluate(*l.ladder, h, to).tier);
    return r;
}

}  // namespace md

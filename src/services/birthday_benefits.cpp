#include "services/birthday_benefits.h"

#include "db/ledger_repository.h"
#include "db/member_repository.h"
#include "db/tier_repository.h"
#include "models/translate.h"
#include "services/campaign_effects.h"
#include "services/ledger_draft.h"

#include <nlohmann/json.hpp>

namespace md {

BirthdayRun BirthdayBenefits::run(const Actor& actor, bool preview) {
    audit_.require(actor, Action::RunCampaignJobs, "campaign");
    const Instant now = clock_();
    const Instant local = to_business_time(now);
    const Date today = local.date();
    BirthdayRun result;
    result.as_of = today;
    result.preview = preview;
    const Program& rules = program_.rules_in_force(today);
    std::vector<const Campaign*> running;
    for (const Campaign& c : rules.campaigns)
        if (c.recurrence.kind == RecurrenceKind::BirthdayMonth && c.birthday_coins > 0 && c.starts_at <= local &&
            local < c.ends_at)
            running.push_back(&c);
    if (running.empty()) return result;

    Transaction tx(db_);
    LedgerRepository ledger(db_);
    TierRepository tiers(db_);
    std::vector<Member> born;
    MemberRepository(db_).born_in_month(today.month(), [&](const Member& m) { born.push_back(m); });
    for (const Member& m : born) {
        const TargetFacts facts = facts_of(m, tiers.held(m.id));
        for (const Campaign* c : running) {
            if (!targets(c->target, facts)) continue;
            const std::string key =
                "birthday:" + c->code + ":" + m.number + ":" + std::to_string(static_cast<int>(today.year()));
            if (ledger.request_by_key(key)) {
                ++result.already_given;
                continue;
            }
            BirthdayGrant grant{c->code, m.number, c->birthday_coins, 0};
            if (!preview) {
                Draft d(ledger.lock_open_account(m.id, now), today, actor.username, now,
                        subst(tr("birthday month {0}"), {std::to_string(static_cast<int>(today.year()))}));
                d.add(EntryType::PointsEarned, Bucket::Coins, c->birthday_coins, c->code);
                const nlohmann::json request = {{"campaign", c->code}, {"member", m.number}, {"year", static_cast<int>(today.year())}};
                grant.txn = write(ledger, d, key, "birthday_benefit", request.dump(),
                                  nlohmann::json{{"campaign_coins", {{c->code, c->birthday_coins}}}}.dump());
                ledger.add_coin_lot(d.account().id, d.lines().back().id,
                                    {0, today, rules.points ? coin_expiry(*rules.points, today) : std::nullopt,
                                     c->birthday_coins});
            }
            result.grants.push_back(grant);
        }
    }
    if (preview) return result;  // nothing written: the transaction rolls back
    std::int64_t coins = 0;
    for (const BirthdayGrant& g : result.grants) coins += g.coins;
    audit_.record(actor.username, "campaign.birthday_run", "campaign", format_date(today), "",
                  nlohmann::json{{"members", result.grants.size()}, {"coins", coins}, {"already_given", result.already_given}}
                      .dump(),
                  "");
    tx.commit();
    return result;
}

}  // namespace md

#include "services/ledger_service.h"

#include "db/card_repository.h"
#include "db/lifecycle_repository.h"
#include "db/settings_repository.h"
#include "db/member_merge_repository.h"
#include "models/errors.h"
#include "models/text.h"
#include "models/translate.h"
#include "services/campaign_effects.h"
#include "services/ledger_draft.h"
#include "services/member_service.h"
#include "services/password_hasher.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sodium.h>

namespace md {
namespace {

const char* kEntity = "member";

std::string txn_label(std::int64_t id) { return reference_label(Reference::Transaction, id); }

nlohmann::json balances_json(const StoredValue& v, std::int64_t coins) {
    return {{"principal", v.principal.to_string()},
            {"bonus", v.bonus.to_string()},
            {"compensation", v.compensation.to_string()},
            {"coins", coins}};
}

TxnResult result_of(LedgerRepository& repo, const LedgerRequest& r, const std::string& member_number, bool repeated) {
    TxnResult t;
    t.txn = r.id;
    t.kind = r.kind;
    t.key = r.key;
    t.member_number = member_number;
    t.business_day = r.business_day;
    t.entries = repo.entries_of_request(r.id);
    t.value_after = r.value_after;
    t.coins_after = r.coins_after;
    t.package_after = r.package_after;
    t.detail = r.detail;
    t.repeated = repeated;
    return t;
}

// Whose an account is now: after a merge a closed account belongs to the survivor, whose open
// account then takes the lines of a refund, delivery or cancellation.
struct AccountOwner {
    std::int64_t member_id = 0;
    std::string number;
};

AccountOwner owner_of_account(Database& db, std::int64_t account_id) {
    return db.guarded("reading the account's member", [&] {
        long long member = 0;
        std::string number;
        const long long id = account_id;
        db.sql() << "SELECT m.id, m.number FROM accounts a JOIN members m ON m.id = a.member_id WHERE a.id = :id",
            soci::use(id), soci::into(member), soci::into(number);
        return AccountOwner{member, number};
    });
}

// Policy: a lapsed member buys nothing (a recharge brings the membership back first).
void refuse_if_lapsed(const Member& member) {
    if (member.state == LifecycleState::Lapsed)
        throw ValidationError("member", member.number,
                              subst(tr("member: {0} has lapsed (no activity for too long); a lapsed member cannot "
                                       "purchase until a recharge brings the membership back"),
                                    {member.number}));
}

// The earlier answer to a repeated key, or a conflict when the key was used for something else.
std::optional<TxnResult> replay(Database& db, const std::string& key, const std::string& kind,
                                const std::string& request_json) {
    LedgerRepository repo(db);
    auto earlier = repo.request_by_key(key);
    if (!earlier) return std::nullopt;
    if (earlier->kind != kind || earlier->request != request_json)
        throw ConflictError(subst(tr("key: \"{0}\" was already used by {1} for another {2} request ({3}); use a new "
                                     "key for a new request"),
                                  {key, earlier->actor, earlier->kind, txn_label(earlier->id)}));
    return result_of(repo, *earlier, owner_of_account(db, earlier->account_id).number, true);
}

// Looked up again once the account is locked: on PostgreSQL a request with the same key may have
// committed while this one waited for the row. SQLite's BEGIN IMMEDIATE already ran them one after
// the other, so the first look was enough.
std::optional<TxnResult> replay_under_lock(Database& db, const std::string& key, const std::string& kind,
                                           const std::string& request_json) {
    if (db.backend() == Backend::Sqlite) return std::nullopt;
    return replay(db, key, kind, request_json);
}

std::string key_or_new(const std::string& key) {
    if (key.empty()) return new_request_key();
    if (key.size() > 200)
        throw ValidationError("key", shortened(key, 40), tr("key: at most 200 characters"));
    return key;
}

void require_one_of(const std::string& value, std::initializer_list<const char*> allowed, const std::string& field) {
    for (const char* a : allowed)
        if (value == a) return;
    std::string list;
    for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    throw ValidationError(field, value, subst(tr("{0}: \"{1}\" is not one of {2}"), {field, value, list}));
}

// Keeps the lifecycle current: the activity dates, and the state when activity changes it
// (a first recharge, a first purchase, a dormant or lapsed member coming back).
void note_activity(Database& db, const Member& m, ActivityKind kind, const Date& day, const std::string& actor,
                   const Instant& at, std::int64_t txn) {
    LifecycleRepository lifecycle(db);
    lifecycle.record_activity(m.id, kind, day);
    if (m.state == LifecycleState::Activated) return;
    LifecycleState now = LifecycleState::Activated;
    if (kind == ActivityKind::Recharge && !MemberMergeRepository(db).activity(m.id).first_purchase_on)
        now = LifecycleState::Recharged;
    if (now == m.state) return;
    lifecycle.apply({{m.id, m.state, now, 0}}, subst(tr("transaction {0}"), {txn_label(txn)}), actor, at);
}

// The programme's spending order, principal first when the programme does not set one.
const DrawOrder& draw_order_of(const Program& rules) {
    return rules.stored_value ? rules.stored_value->draw_order : kDefaultDrawOrder;
}

void join_coin_scheme(Account& a, const Program& rules, Money amount, const Date& day) {
    if (!a.coin_member_since && rules.points && amount >= rules.points->entry_threshold) a.coin_member_since = day;
}

void audit_txn(AuditTrail& audit, const Actor& actor, const std::string& kind, const std::string& number,
               const Draft& d, std::int64_t txn, const std::string& detail) {
    audit.record(actor.username, "txn." + kind, kEntity, number,
                 balances_json(d.before().value, d.before().coins).dump(),
                 balances_json(d.account().value, d.account().coins).dump(), txn_label(txn) + " " + detail);
}

}  // namespace

std::string new_request_key() {
    unsigned char bytes[16];
    randombytes_buf(bytes, sizeof bytes);
    static const char* hex = "0123456789abcdef";
    std::string key = "auto-";
    for (unsigned char b : bytes) {
        key += hex[b >> 4];
        key += hex[b & 15];
    }
    return key;
}

TxnResult LedgerService::recharge(const Actor& actor, const RechargeRequest& in) {
    audit_.require(actor, Action::PostTransactions, kEntity, in.member);
    require_positive(in.amount, "amount");
    const std::string key = key_or_new(in.key);
    const std::string request = nlohmann::json{{"member", in.member}, {"amount", in.amount.to_string()}}.dump();
    Transaction tx(db_);
    if (auto earlier = replay(db_, key, "recharge", request)) return *earlier;
    const Member member = load_member(db_, in.member);
    LedgerRepository repo(db_);
    const Instant now = clock_();
    const Date day = to_business_time(now).date();
    const Program& rules = program_.rules_in_force(day);
    Draft d(repo.lock_open_account(member.id, now), day, actor.username, now, "");
    if (auto earlier = replay_under_lock(db_, key, "recharge", request)) return *earlier;  // raced in while we waited
    d.add(EntryType::CashRecharge, Bucket::Principal, in.amount.fen());
    nlohmann::json detail = {{"paid", in.amount.to_string()}};
    if (auto bonus = recharge_bonus_for(rules.bonuses, in.amount, day)) {
        d.add(EntryType::RechargeBonus, Bucket::Bonus, (bonus->receive - bonus->pay).fen());
        detail["bonus"] = bonus->code;
        detail["bonus_value"] = (bonus->receive - bonus->pay).to_string();
    }
    join_coin_scheme(d.account(), rules, in.amount, day);
    const std::int64_t id = write(repo, d, key, "recharge", request, detail.dump());
    tiers_.note_fact(member.id, {{day, FactKind::Recharge, in.amount}, MovementSource::CashRecharge, {}}, id);
    tiers_.reevaluate(member.id, day, txn_label(id), actor.username);
    note_activity(db_, member, ActivityKind::Recharge, day, actor.username, now, id);
    audit_txn(audit_, actor, "recharge", member.number, d, id, detail.dump());
    TxnResult result = posted(d, member.number);
    tx.commit();
    return result;
}

TxnResult LedgerService::purchase(const Actor& actor, const PurchaseRequest& in) {
    audit_.require(actor, Action::PostTransactions, kEntity, in.member);
    require_positive(in.list_price, "amount");
    if (in.stored_value && in.stored_value->fen() < 0)
        throw ValidationError("stored_value", in.stored_value->to_string(),
                              subst(tr("stored_value: {0} is below zero"), {in.stored_value->to_string()}));
    require_one_of(in.kind, {"goods", "meal_package"}, "kind");
    require_one_of(in.channel, {"store", "web", "app"}, "channel");
    const std::string key = key_or_new(in.key);
    const std::string request =
        nlohmann::json{{"member", in.member},
                       {"amount", in.list_price.to_string()},
                       {"stored_value", in.stored_value ? nlohmann::json(in.stored_value->to_string()) : nlohmann::json()},
                       {"kind", in.kind},
                       {"channel", in.channel},
                       {"store", in.store}}
            .dump();
    Transaction tx(db_);
    if (auto earlier = replay(db_, key, "purchase", request)) return *earlier;
    const Member member = load_member(db_, in.member);
    refuse_if_lapsed(member);
    LedgerRepository repo(db_);
    const Instant now = clock_();
    const Date day = to_business_time(now).date();
    const Program& rules = program_.rules_in_force(day);
    Draft d(repo.lock_open_account(member.id, now), day, actor.username, now, "");
    if (auto earlier = replay_under_lock(db_, key, "purchase", request)) return *earlier;  // raced in while we waited

    // The best discount of the tiers the member holds before this purchase (the purchase counts
    // toward the tier; a new discount applies from the next purchase).
    const int discount_bp = tiers_.discount_for(member.id, day).paid_basis_points();
    const Money net = discounted(in.list_price, discount_bp);
    const Money from_stored = in.stored_value.value_or(net);
    if (from_stored > net)
        throw ValidationError("stored_value", from_stored.to_string(),
                              subst(tr("stored_value: {0} is more than the price of {1}"),
                                    {from_stored.to_display(), net.to_display()}));
    const DrawOrder& order = draw_order_of(rules);
    const StoredValue drawn = draw(d.account().value, from_stored, order);
    for (Bucket b : order) d.add(EntryType::Purchase, b, -drawn.at(b).fen());

    join_coin_scheme(d.account(), rules, net, day);
    std::int64_t coins = 0;
    const bool excluded = rules.points && std::find(rules.points->excluded_purchase_kinds.begin(),
                                                    rules.points->excluded_purchase_kinds.end(),
                                                    in.kind) != rules.points->excluded_purchase_kinds.end();
    if (rules.points && d.account().coin_member_since && !excluded) coins = coins_for(*rules.points, net);
    d.add(EntryType::PointsEarned, Bucket::Coins, coins);
    const std::size_t base_line = d.lines().size() - (coins > 0 ? 1 : 0);
    // Campaign targets need the tiers held; read them at most once, and only if a campaign asks.
    std::optional<HeldTiers> held;
    const auto held_tiers = [&] {
        if (!held) held = TierRepository(db_).held(member.id);
        return *held;
    };
    const std::vector<CampaignCoins> boosts =
        coins > 0 ? campaign_coins(rules, member, held_tiers, to_business_time(now), coins) : std::vector<CampaignCoins>{};
    std::int64_t campaign_total = 0;
    for (const CampaignCoins& b : boosts) {
        d.add(EntryType::PointsEarned, Bucket::Coins, b.coins, b.campaign);
        campaign_total += b.coins;
    }
    // A referred member's first purchase during a referral campaign: coins to both sides.
    const Campaign* referral = nullptr;
    if (!member.referrer_number.empty() && !excluded &&
        !MemberMergeRepository(db_).activity(member.id).first_purchase_on)
        referral = referral_for(rules, member, held_tiers, to_business_time(now));
    if (referral) {
        d.add(EntryType::PointsEarned, Bucket::Coins, referral->referral_coins, referral->code);
        campaign_total += referral->referral_coins;
    }

    nlohmann::json detail = {{"list_price", in.list_price.to_string()},
                             {"discount_bp", discount_bp},
                             {"net", net.to_string()},
                             {"stored_value", from_stored.to_string()},
                             {"other_tender", (net - from_stored).to_string()},
                             {"coins_earned", coins + campaign_total}};
    if (!boosts.empty() || referral) {
        nlohmann::json by_campaign = nlohmann::json::object();
        for (const CampaignCoins& b : boosts) by_campaign[b.campaign] = b.coins;
        if (referral) by_campaign[referral->code] = by_campaign.value(referral->code, 0) + referral->referral_coins;
        detail["campaign_coins"] = by_campaign;
    }
    if (excluded) detail["coins_rule"] = in.kind + " earns no coins";
    else if (!d.account().coin_member_since) detail["coins_rule"] = "not yet in the coin scheme";
    const std::int64_t id = write(repo, d, key, "purchase", request, detail.dump());
    PurchaseRecord p;
    p.request_id = id;
    p.account_id = d.account().id;
    p.business_day = day;
    p.kind = in.kind;
    p.channel = in.channel;
    p.store = in.store;
    p.list_price = in.list_price;
    p.discount_bp = discount_bp;
    p.paid = {drawn, net - from_stored};
    p.coins_earned = coins + campaign_total;
    repo.add_purchase(p);
    const FactKind spent = in.kind == "meal_package" ? FactKind::Package : FactKind::Spend;
    tiers_.note_fact(member.id, {{day, spent, net}, MovementSource::Purchase, in.list_price}, id);
    tiers_.note_fact(member.id, {{day, FactKind::Coins, Money::from_yuan(coins + campaign_total)}, MovementSource::Purchase, {}}, id);
    tiers_.reevaluate(member.id, day, txn_label(id), actor.username);
    // One lot per coins line: the campaign's coins can be traced to their lot like the base coins.
    for (std::size_t i = base_line; i < d.lines().size(); ++i) {
        const LedgerEntry& earned = d.lines()[i];
        repo.add_coin_lot(d.account().id, earned.id, {0, day, coin_expiry(*rules.points, day), earned.amount});
    }
    if (referral) reward_referrer(actor, *referral, member, rules, id, now);
    note_activity(db_, member, ActivityKind::Purchase, day, actor.username, now, id);
    audit_txn(audit_, actor, "purchase", member.number, d, id, detail.dump());
    TxnResult result = posted(d, member.number);
    tx.commit();
    return result;
}

void LedgerService::reward_referrer(const Actor& actor, const Campaign& campaign, const Member& referred,
                                    const Program& rules, std::int64_t purchase_txn, const Instant& now) {
    auto referrer = MemberRepository(db_).by_number(referred.referrer_number);
    if (!referrer) return;  // merged away or gone: the referred side still gets theirs
    LedgerRepository repo(db_);
    const std::string key = "referral:" + campaign.code + ":" + referred.number;
    if (repo.request_by_key(key)) return;
    const Date day = to_business_time(now).date();
    Draft d(repo.lock_open_account(referrer->id, now), day, actor.username, now,
            subst(tr("referral of {0} ({1})"), {referred.number, txn_label(purchase_txn)}));
    d.add(EntryType::PointsEarned, Bucket::Coins, campaign.referral_coins, campaign.code);
    const nlohmann::json request = {{"campaign", campaign.code}, {"referred", referred.number}, {"purchase", purchase_txn}};
    const std::int64_t id = write(repo, d, key, "referral_reward", request.dump(),
                                  nlohmann::json{{"campaign_coins", {{campaign.code, campaign.referral_coins}}}}.dump());
    repo.add_coin_lot(d.account().id, d.lines().back().id,
                      {0, day, rules.points ? coin_expiry(*rules.points, day) : std::nullopt, campaign.referral_coins});
    audit_txn(audit_, actor, "referral_reward", referrer->number, d, id, request.dump());
}

TxnResult LedgerService::refund(const Actor& actor, const RefundRequest& in) {
    audit_.require(actor, Action::PostTransactions, kEntity, txn_label(in.purchase));
    require_positive(in.amount, "amount");
    const std::string key = key_or_new(in.key);
    const std::string request = nlohmann::json{{"purchase", in.purchase},
                                               {"amount", in.amount.to_string()},
                                               {"reason", in.reason}}
                                    .dump();
    Transaction tx(db_);
    if (auto earlier = replay(db_, key, "refund", request)) return *earlier;
    LedgerRepository repo(db_);
    auto purchase = repo.purchase_by_request(in.purchase);
    if (!purchase)
        throw NotFoundError(subst(tr("purchase: there is no purchase {0}"), {txn_label(in.purchase)}));
    const Money paid = purchase->paid.total();
    // After a merge the purchase's account is closed: the refund goes to the member's open account.
    const auto [member_id, number] = owner_of_account(db_, purchase->account_id);
    const Instant now = clock_();
    const Date day = to_business_time(now).date();
    Draft d(repo.lock_open_account(member_id, now), day, actor.username, now, in.reason);
    // Read again under the account's lock: a refund of the same purchase may have just committed.
    if (auto earlier = replay_under_lock(db_, key, "refund", request)) return *earlier;
    purchase = repo.purchase_by_request(in.purchase);
    if (purchase->refunded == paid)
        throw ConflictError(subst(tr("purchase: {0} has already been refunded in full ({1})"),
                                  {txn_label(in.purchase), paid.to_display()}));
    if (purchase->refunded + in.amount > paid)
        throw ValidationError("amount", in.amount.to_string(),
                              subst(tr("amount: {0} is more than the {1} of purchase {2} not yet refunded"),
                                    {in.amount.to_display(), (paid - purchase->refunded).to_display(),
                                     txn_label(in.purchase)}));

    const Money refunded_total = purchase->refunded + in.amount;
    const Payment share = refund_share(purchase->paid, refunded_total);
    for (Bucket b : kValueBuckets)
        d.add(EntryType::Refund, b, (share.stored_value.at(b) - purchase->refunded_parts.stored_value.at(b)).fen());
    const Money other_back = share.other - purchase->refunded_parts.other;

    // Coins earned on the refunded part go back, as far as the member still has usable coins.
    const std::int64_t owed_coins =
        coins_to_take_back(purchase->coins_earned, paid, refunded_total) - purchase->coins_taken_back;
    const std::vector<CoinLot> lots = repo.coin_lots(d.account().id);
    const std::int64_t coins_back = std::min(owed_coins, usable_coins(lots, day));
    d.add(EntryType::PointsReversed, Bucket::Coins, -coins_back);

    nlohmann::json detail = {{"purchase", in.purchase},
                             {"refunded", in.amount.to_string()},
                             {"stored_value_back", (share.stored_value.total() -
                                                    purchase->refunded_parts.stored_value.total()).to_string()},
                             {"other_tender_back", other_back.to_string()},
                             {"coins_taken_back", coins_back}};
    if (coins_back < owed_coins) detail["coins_not_recovered"] = owed_coins - coins_back;
    const std::int64_t id = write(repo, d, key, "refund", request, detail.dump());
    repo.take_from_lots(take_coins(lots, coins_back, day));
    purchase->refunded = refunded_total;
    purchase->refunded_parts = share;
    purchase->coins_taken_back += owed_coins;  // what was owed is settled, recovered or not
    repo.save_refunded(*purchase);
    const FactKind spent = purchase->kind == "meal_package" ? FactKind::Package : FactKind::Spend;
    tiers_.note_fact(member_id, {{day, spent, -in.amount}, MovementSource::Other, {}}, id);
    tiers_.note_fact(member_id, {{day, FactKind::Coins, Money::from_yuan(-coins_back)}, MovementSource::Other, {}}, id);
    tiers_.reevaluate(member_id, day, txn_label(id), actor.username);
    audit_txn(audit_, actor, "refund", number, d, id, detail.dump());
    TxnResult result = posted(d, number);
    tx.commit();
    return result;
}

TxnResult LedgerService::redeem(const Actor& actor, const RedeemRequest& in) {
    audit_.require(actor, Action::PostTransactions, kEntity, in.member);
    if (in.coins <= 0)
        throw ValidationError("coins", std::to_string(in.coins),
                              subst(tr("coins: the number of coins must be more than zero, not {0}"),
                                    {std::to_string(in.coins)}));
    const std::string key = key_or_new(in.key);
    const std::string request = nlohmann::json{{"member", in.member}, {"coins", in.coins}}.dump();
    Transaction tx(db_);
    if (auto earlier = replay(db_, key, "redeem", request)) return *earlier;
    const Member member = load_member(db_, in.member);
    LedgerRepository repo(db_);
    const Instant now = clock_();
    const Date day = to_business_time(now).date();
    const Program& rules = program_.rules_in_force(day);
    if (!rules.points)
        throw ValidationError("coins", std::to_string(in.coins),
                              subst(tr("coins: no points rule is in force on {0}, so coins have no value to redeem"),
                                    {format_date(day)}));
    Draft d(repo.lock_open_account(member.id, now), day, actor.username, now, "");
    if (auto earlier = replay_under_lock(db_, key, "redeem", request)) return *earlier;  // raced in while we waited
    const std::vector<CoinLot> lots = repo.coin_lots(d.account().id);
    const auto taken = take_coins(lots, in.coins, day);  // throws when too few usable coins
    d.add(EntryType::PointsRedeemed, Bucket::Coins, -in.coins);
    const Money value = Money::from_fen(rules.points->coin_value.fen() * in.coins);
    const nlohmann::json detail = {{"coins", in.coins}, {"value", value.to_string()}};
    const std::int64_t id = write(repo, d, key, "redeem", request, detail.dump());
    repo.take_from_lots(taken);
    audit_txn(audit_, actor, "redeem", member.number, d, id, detail.dump());
    TxnResult result = posted(d, member.number);
    tx.commit();
    return result;
}

namespace {

std::string adjustment_label(std::int64_t id) { return reference_label(Reference::Adjustment, id); }

// The adjustment as it is keyed: the same content under the same key is the same request.
std::string adjustment_json(const AdjustRequest& in, const std::string& reason) {
    return nlohmann::json{{"member", in.member},
                          {"bucket", bucket_code(in.bucket)},
                          {"direction", in.up ? "up" : "down"},
                          {"amount", in.amount},
                          {"reason", reason}}
        .dump();
}

}  // namespace

Money LedgerService::adjust_approval_above() {
    const std::optional<std::string> text = SettingsRepository(db_).get("adjust_approval_above");
    return text ? Money::parse(*text, "adjust_approval_above") : Money::from_yuan(1000);
}

void LedgerService::set_adjust_approval_above(const Actor& actor, Money amount) {
    audit_.require(actor, Action::ManageApprovalRules, "setting", "adjust_approval_above");
    if (amount.fen() < 0)
        throw ValidationError("amount", amount.to_string(),
                              subst(tr("amount: {0} is below zero"), {amount.to_string()}));
    Transaction tx(db_);
    const Money before = adjust_approval_above();
    SettingsRepository(db_).set("adjust_approval_above", amount.to_string());
    audit_.record(actor.username, "setting.change", "setting", "adjust_approval_above", before.to_string(),
                  amount.to_string());
    tx.commit();
}

TxnResult LedgerService::adjust(const Actor& actor, const AdjustRequest& in) {
    audit_.require(actor, Action::AdjustBalances, kEntity, in.member);
    const bool coins = in.bucket == Bucket::Coins;
    if (in.amount <= 0)
        throw ValidationError("amount", coins ? std::to_string(in.amount) : Money::from_fen(in.amount).to_string(),
                              tr("amount: an adjustment must be more than zero (say up or down)"));
    std::string reason = in.reason;
    reason.erase(0, reason.find_first_not_of(" \t\r\n"));
    if (reason.empty()) throw ValidationError("reason", in.reason, tr("reason: a manual adjustment needs a reason"));
    const std::string key = key_or_new(in.key);
    const std::string request = adjustment_json(in, reason);
    Transaction tx(db_);
    if (auto earlier = replay(db_, key, "adjust", request)) return *earlier;
    LedgerRepository repo(db_);
    // Above the configured amount (coins are never money), a second person must approve it first.
    if (!coins && Money::from_fen(in.amount) > adjust_approval_above()) {
        const Member member = load_member(db_, in.member);
        AdjustmentRequest waiting;
        if (auto earlier = repo.adjustment_request_by_key(key)) {
            waiting = *earlier;
        } else {
            // A decrease the balance cannot cover is refused now, not left for the approver to
            // find (approval checks the balance again, as it may have moved in between).
            const auto account = repo.open_account(member.id);
            const Money held = account ? account->value.at(in.bucket) : Money::from_fen(0);
            if (!in.up && Money::from_fen(in.amount) > held)
                throw ValidationError("amount", Money::from_fen(in.amount).to_string(),
                                      subst(tr("amount: {0} is more than the {1} balance of {2}"),
                                            {Money::from_fen(in.amount).to_display(), bucket_code(in.bucket),
                                             held.to_display()}));
            waiting.key = key;
            waiting.member_id = member.id;
            waiting.member_number = member.number;
            waiting.bucket = in.bucket;
            waiting.up = in.up;
            waiting.amount = in.amount;
            waiting.reason = reason;
            waiting.requested_by = actor.username;
            waiting.requested_at = clock_();
            waiting.id = repo.add_adjustment_request(waiting);
            audit_.record(actor.username, "txn.adjust_requested", kEntity, member.number, "", request,
                          subst(tr("adjustment {0} waits for approval: above {1}"),
                                {adjustment_label(waiting.id), adjust_approval_above().to_display()}));
        }
        TxnResult pending;
        pending.kind = "adjust";
        pending.key = key;
        pending.member_number = member.number;
        pending.business_day = to_business_time(clock_()).date();
        if (auto a = repo.open_account(member.id)) {
            pending.value_after = a->value;
            pending.coins_after = a->coins;
            pending.package_after = a->package_value;
        }
        pending.pending_adjustment = waiting.id;
        pending.detail = nlohmann::json{{"pending_adjustment", waiting.id}, {"state", waiting.state}}.dump();
        tx.commit();
        return pending;
    }
    TxnResult result = post_adjustment(actor, in, reason, key, request);
    tx.commit();
    return result;
}

TxnResult LedgerService::post_adjustment(const Actor& actor, const AdjustRequest& in, const std::string& reason,
                                         const std::string& key, const std::string& request) {
    const bool coins = in.bucket == Bucket::Coins;
    const Member member = load_member(db_, in.member);
    LedgerRepository repo(db_);
    const Instant now = clock_();
    const Date day = to_business_time(now).date();
    const Program& rules = program_.rules_in_force(day);
    Draft d(repo.lock_open_account(member.id, now), day, actor.username, now, reason);
    if (auto earlier = replay_under_lock(db_, key, "adjust", request)) return *earlier;  // raced in while we waited
    std::vector<std::pair<std::int64_t, std::int64_t>> taken;
    if (!in.up) {
        if (coins) {
            taken = take_coins(repo.coin_lots(d.account().id), in.amount, day);
        } else if (Money::from_fen(in.amount) > d.account().value.at(in.bucket)) {
            throw ValidationError("amount", Money::from_fen(in.amount).to_string(),
                                  subst(tr("amount: {0} is more than the {1} balance of {2}"),
                                        {Money::from_fen(in.amount).to_display(), bucket_code(in.bucket),
                                         d.account().value.at(in.bucket).to_display()}));
        }
    }
    d.add(in.up ? EntryType::AdjustUp : EntryType::AdjustDown, in.bucket, in.up ? in.amount : -in.amount);
    const nlohmann::json detail = {{"bucket", bucket_code(in.bucket)}, {"direction", in.up ? "up" : "down"}};
    const std::int64_t id = write(repo, d, key, "adjust", request, detail.dump());
    if (coins && in.up) {
        const std::optional<Date> expires = rules.points ? coin_expiry(*rules.points, day) : std::nullopt;
        repo.add_coin_lot(d.account().id, d.lines().back().id, {0, day, expires, in.amount});
    }
    repo.take_from_lots(taken);
    audit_txn(audit_, actor, "adjust", member.number, d, id, reason);
    return posted(d, member.number);
}

TxnResult LedgerService::post_compensation(const Actor& actor, const std::string& member_number, Bucket bucket,
                                           std::int64_t amount, const std::string& reason, const std::string& key,
                                           const std::string& detail) {
    const bool coins = bucket == Bucket::Coins;
    if ((!coins && bucket != Bucket::Compensation) || amount <= 0)
        throw ValidationError("amount", std::to_string(amount), tr("amount: compensation is coins or stored value, above zero"));
    const nlohmann::json request = {{"member", member_number}, {"bucket", bucket_code(bucket)}, {"amount", amount}, {"reason", reason}};
    if (auto earlier = replay(db_, key, "compensation", request.dump())) return *earlier;
    const Member member = load_member(db_, member_number);
    LedgerRepository repo(db_);
    const Instant now = clock_();
    const Date day = to_business_time(now).date();
    const Program& rules = program_.rules_in_force(day);
    Draft d(repo.lock_open_account(member.id, now), day, actor.username, now, reason);
    d.add(EntryType::Compensation, bucket, amount);
    const std::int64_t id = write(repo, d, key, "compensation", request.dump(), detail);
    if (coins) {
        const std::optional<Date> expires = rules.points ? coin_expiry(*rules.points, day) : std::nullopt;
        repo.add_coin_lot(d.account().id, d.lines().back().id, {0, day, expires, amount});
    }
    audit_txn(audit_, actor, "compensation", member.number, d, id, reason);
    return posted(d, member.number);
}

TxnResult LedgerService::decide_adjustment(const Actor& actor, std::int64_t id, bool approve,
                                           const std::string& comment) {
    audit_.require(actor, Action::AdjustBalances, "adjustment", adjustment_label(id));
    Transaction tx(db_);
    LedgerRepository repo(db_);
    auto waiting = repo.adjustment_request(id);
    if (!waiting) throw NotFoundError(subst(tr("adjustment: there is no adjustment request {0}"), {adjustment_label(id)}));
    if (waiting->state != "pending")
        throw ConflictError(subst(tr("adjustment: {0} was already {1} by {2}"),
                                  {adjustment_label(id), waiting->state, waiting->decided_by}));
    if (waiting->requested_by == actor.username)
        throw PermissionError(subst(tr("adjustment: {0} was requested by you; someone else must decide it"),
                                    {adjustment_label(id)}));
    waiting->decided_by = actor.username;
    waiting->comment = comment;
    TxnResult result;
    if (approve) {
        AdjustRequest in{waiting->member_number, waiting->bucket, waiting->up, waiting->amount, waiting->reason, ""};
        const std::string reason = waiting->reason + " (" +
                                   subst(tr("requested by {0}, approved by {1}"), {waiting->requested_by, actor.username}) +
                                   ")";
        result = post_adjustment(actor, in, reason, "adjustment:" + adjustment_label(id), adjustment_json(in, reason));
        waiting->txn = result.txn;
        waiting->state = "approved";
    } else {
        waiting->state = "rejected";
        result.kind = "adjust";
        result.member_number = waiting->member_number;
    }
    repo.decide_adjustment_request(*waiting, clock_());
    audit_.record(actor.username, "txn.adjust_decided", "adjustment", adjustment_label(id), "pending", waiting->state,
                  comment);
    result.pending_adjustment = id;
    tx.commit();
    return result;
}

std::vector<AdjustmentRequest> LedgerService::adjustments(const Actor& actor, bool pending_only) {
    audit_.require(actor, Action::ViewAccounts, "adjustment");
    return LedgerRepository(db_).adjustment_requests(pending_only);
}

TxnResult LedgerService::activate_card(const Actor& actor, const CardActivation& in) {
    const std::string number = normalise_card_number(in.card_number);
    audit_.require(actor, Action::PostTransactions, "card", number);
    if (!valid_card_number(number))
        throw ValidationError("card", in.card_number,
                              subst(tr("card: \"{0}\" is not a card number (16 digits with a valid check digit)"),
                                    {in.card_number}));
    if (in.pin.empty()) throw ValidationError("pin", "", tr("pin: the card's PIN is needed"));
    const std::string key = key_or_new(in.key);
    // The PIN is not part of the stored request: it must never be written down.
    const std::string request = nlohmann::json{{"card", number}, {"member", in.member}}.dump();
    Transaction tx(db_);
    if (auto earlier = replay(db_, key, "card_activation", request)) return *earlier;
    CardRepository cards(db_);
    std::optional<Card> card = cards.by_number(number, true);
    if (!card) throw NotFoundError(subst(tr("card: there is no card {0}"), {group_card_number(number)}));
    const Instant now = clock_();
    const Date day = to_business_time(now).date();
    if (auto refusal = activation_refusal(*card, day)) throw ConflictError(*refusal);
    const Member member = load_member(db_, in.member);

    if (!verify_pin(cards.pin_hash(card->id), in.pin)) {
        // Counted and committed, though the activation itself is refused.
        Card counted = *card;
        ++counted.wrong_pins;
        std::optional<CardEvent> event;
        if (counted.wrong_pins >= kWrongPinsBeforeLock) {
            counted.state_before_block = card->state;
            counted.state = CardState::Blocked;
            event = CardEvent{card->state, CardState::Blocked,
                              subst(tr("{0} wrong PINs"), {std::to_string(counted.wrong_pins)}), actor.username, now};
        }
        cards.save(counted, std::nullopt, std::nullopt, event);
        audit_.record(actor.username, "card.activate", "card", number, "", "",
                      subst(tr("wrong PIN ({0} of {1})"),
                            {std::to_string(counted.wrong_pins), std::to_string(kWrongPinsBeforeLock)}),
                      AuditOutcome::Failed);
        tx.commit();
        if (event)
            throw ValidationError("pin", "",
                                  subst(tr("pin: wrong PIN; card {0} is now blocked after {1} wrong PINs"),
                                        {group_card_number(number), std::to_string(kWrongPinsBeforeLock)}));
        throw ValidationError("pin", "",
                              subst(tr("pin: wrong PIN for card {0} ({1} of {2} tries used)"),
                                    {group_card_number(number), std::to_string(counted.wrong_pins),
                                     std::to_string(kWrongPinsBeforeLock)}));
    }

    LedgerRepository repo(db_);
    const Program& rules = program_.rules_in_force(day);
    Draft d(repo.lock_open_account(member.id, now), day, actor.username, now, "");
    d.add(EntryType::CardLoad, Bucket::Principal, card->face_value.fen());
    d.add(EntryType::RechargeBonus, Bucket::Bonus, card->bonus.fen());
    join_coin_scheme(d.account(), rules, card->face_value, day);
    const nlohmann::json detail = {{"card", number},
                                   {"batch", card->batch_code},
                                   {"face_value", card->face_value.to_string()},
                                   {"bonus", card->bonus.to_string()}};
    const std::int64_t id = write(repo, d, key, "card_activation", request, detail.dump());
    Card activated = *card;
    activated.state = CardState::Activated;
    activated.wrong_pins = 0;
    cards.save(activated, member.id, id,
               CardEvent{card->state, CardState::Activated, subst(tr("into {0}, transaction {1}"), {member.number, txn_label(id)}),
                         actor.username, now});
    tiers_.note_fact(member.id, {{day, FactKind::Recharge, card->face_value}, MovementSource::Other, {}}, id);
    tiers_.reevaluate(member.id, day, txn_label(id), actor.username);
    note_activity(db_, member, ActivityKind::Recharge, day, actor.username, now, id);
    audit_txn(audit_, actor, "card_activation", member.number, d, id, detail.dump());
    TxnResult result = posted(d, member.number);
    tx.commit();
    return result;
}

namespace {

std::string subscription_label(std::int64_t id) { return reference_label(Reference::Subscription, id); }

// The member a subscription's lines go to now, refusing an unknown subscription.
AccountOwner subscription_owner(LedgerRepository& repo, Database& db, std::int64_t id) {
    auto sub = repo.subscription(id);
    if (!sub) throw NotFoundError(subst(tr("subscription: there is no subscription {0}"), {subscription_label(id)}));
    return owner_of_account(db, sub->account_id);
}

// The subscription as it is under the owner's account lock, refused once it is no longer active.
Subscription active_subscription(LedgerRepository& repo, std::int64_t id) {
    Subscription sub = *repo.subscription(id);
    if (sub.state != "active")
        throw ConflictError(subst(tr("subscription: {0} is {1}, no longer active"), {subscription_label(id), sub.state}));
    return sub;
}

}  // namespace

TxnResult LedgerService::subscribe(const Actor& actor, const SubscribeRequest& in) {
    audit_.require(actor, Action::PostTransactions, kEntity, in.member);
    const std::string key = key_or_new(in.key);
    const std::string request = nlohmann::json{{"member", in.member}, {"package", in.package}}.dump();
    Transaction tx(db_);
    if (auto earlier = replay(db_, key, "package_subscribe", request)) return *earlier;
    const Member member = load_member(db_, in.member);
    refuse_if_lapsed(member);
    const Instant now = clock_();
    const Date day = to_business_time(now).date();
    const Program& rules = program_.rules_in_force(day);
    const MealPackage* package = nullptr;
    for (const MealPackage& p : rules.packages)
        if (p.code == in.package) package = &p;
    if (!package)
        throw ValidationError("package", in.package,
                              subst(tr("package: there is no meal package \"{0}\" on offer on {1}"),
                                    {in.package, format_date(day)}));
    LedgerRepository repo(db_);
    Draft d(repo.lock_open_account(member.id, now), day, actor.username, now, "");
    if (auto earlier = replay_under_lock(db_, key, "package_subscribe", request)) return *earlier;
    const DrawOrder& order = draw_order_of(rules);
    const StoredValue drawn = draw(d.account().value, package->price, order);
    for (Bucket b : order) d.add(EntryType::PackagePurchase, b, -drawn.at(b).fen());
    d.add(EntryType::PackagePurchase, Bucket::Package, package->value_owed.fen());
    std::int64_t coins = 0;
    if (package->earns_points && rules.points && d.account().coin_member_since)
        coins = coins_for(*rules.points, package->price);
    d.add(EntryType::PointsEarned, Bucket::Coins, coins);
    nlohmann::json detail = {{"package", package->code},
                                   {"price", package->price.to_string()},
                                   {"value_owed", package->value_owed.to_string()},
                                   {"deliveries", package->deliveries},
                                   {"coins_earned", coins}};
    const std::int64_t id = write(repo, d, key, "package_subscribe", request, detail.dump());
    Subscription sub;
    sub.request_id = id;
    sub.account_id = d.account().id;
    sub.package_code = package->code;
    sub.package_name = package->name_zh;
    sub.price = package->price;
    sub.paid = drawn;
    sub.value_owed = package->value_owed;
    sub.deliveries = package->deliveries;
    sub.undelivered = package->value_owed;
    sub.started_on = day;
    const std::int64_t sub_id = repo.add_subscription(sub);
    // The subscription's number is known only now; the request's detail carries it, for a repeat too.
    detail["subscription"] = sub_id;
    repo.set_request_detail(id, detail.dump());
    d.set_detail(detail.dump());
    if (coins > 0) repo.add_coin_lot(d.account().id, d.lines().back().id, {0, day, coin_expiry(*rules.points, day), coins});
    tiers_.note_fact(member.id, {{day, FactKind::Package, package->price}, MovementSource::Other, {}}, id);
    tiers_.note_fact(member.id, {{day, FactKind::Coins, Money::from_yuan(coins)}, MovementSource::Other, {}}, id);
    tiers_.reevaluate(member.id, day, txn_label(id), actor.username);
    note_activity(db_, member, ActivityKind::Purchase, day, actor.username, now, id);
    audit_txn(audit_, actor, "package_subscribe", member.number, d, id,
              subscription_label(sub_id) + " " + detail.dump());
    TxnResult result = posted(d, member.number);
    tx.commit();
    return result;
}

TxnResult LedgerService::deliver(const Actor& actor, const DeliveryRequest& in) {
    audit_.require(actor, Action::PostTransactions, "subscription", subscription_label(in.subscription));
    if (in.count < 1)
        throw ValidationError("count", std::to_string(in.count),
                              subst(tr("count: at least one delivery, not {0}"), {std::to_string(in.count)}));
    const std::string key = key_or_new(in.key);
    const std::string request = nlohmann::json{{"subscription", in.subscription}, {"count", in.count}}.dump();
    Transaction tx(db_);
    if (auto earlier = replay(db_, key, "package_delivery", request)) return *earlier;
    LedgerRepository repo(db_);
    const auto [member_id, number] = subscription_owner(repo, db_, in.subscription);
    const Instant now = clock_();
    const Date day = to_business_time(now).date();
    Draft d(repo.lock_open_account(member_id, now), day, actor.username, now, "");
    Subscription sub = active_subscription(repo, in.subscription);
    const int left = sub.deliveries - sub.delivered;
    if (in.count > left)
        throw ValidationError("count", std::to_string(in.count),
                              subst(tr("count: subscription {0} has {1} deliveries left, not {2}"),
                                    {subscription_label(sub.id), std::to_string(left), std::to_string(in.count)}));
    const Money goods = delivered_value(sub.value_owed, sub.deliveries, sub.delivered + in.count) -
                        delivered_value(sub.value_owed, sub.deliveries, sub.delivered);
    d.add(EntryType::PackageDelivery, Bucket::Package, -goods.fen());
    sub.delivered += in.count;
    sub.undelivered -= goods;
    if (sub.delivered == sub.deliveries) {
        sub.state = "completed";
        sub.ended_on = day;
    }
    const nlohmann::json detail = {{"subscription", sub.id},
                                   {"delivered", sub.delivered},
                                   {"deliveries", sub.deliveries},
                                   {"remaining", sub.deliveries - sub.delivered},
                                   {"goods_value", goods.to_string()}};
    const std::int64_t id = write(repo, d, key, "package_delivery", request, detail.dump());
    repo.save_subscription(sub);
    audit_txn(audit_, actor, "package_delivery", number, d, id, detail.dump());
    TxnResult result = posted(d, number);
    tx.commit();
    return result;
}

TxnResult LedgerService::cancel_subscription(const Actor& actor, const CancelRequest& in) {
    audit_.require(actor, Action::PostTransactions, "subscription", subscription_label(in.subscription));
    const std::string key = key_or_new(in.key);
    const std::string request = nlohmann::json{{"subscription", in.subscription}, {"reason", in.reason}}.dump();
    Transaction tx(db_);
    if (auto earlier = replay(db_, key, "package_cancel", request)) return *earlier;
    LedgerRepository repo(db_);
    const auto [member_id, number] = subscription_owner(repo, db_, in.subscription);
    const Instant now = clock_();
    const Date day = to_business_time(now).date();
    Draft d(repo.lock_open_account(member_id, now), day, actor.username, now, in.reason);
    Subscription sub = active_subscription(repo, in.subscription);
    const Money back = package_refund(sub.price, sub.deliveries, sub.delivered);
    const Payment share = refund_share({sub.paid, Money()}, back);
    for (Bucket b : kValueBuckets) d.add(EntryType::Refund, b, share.stored_value.at(b).fen());
    d.add(EntryType::PackageCancelled, Bucket::Package, -sub.undelivered.fen());
    const nlohmann::json detail = {{"subscription", sub.id},
                                   {"delivered", sub.delivered},
                                   {"deliveries", sub.deliveries},
                                   {"refunded", back.to_string()},
                                   {"goods_value_cancelled", sub.undelivered.to_string()}};
    sub.refunded = back;
    sub.undelivered = Money();
    sub.state = "cancelled";
    sub.ended_on = day;
    const std::int64_t id = write(repo, d, key, "package_cancel", request, detail.dump());
    repo.save_subscription(sub);
    tiers_.note_fact(member_id, {{day, FactKind::Package, -back}, MovementSource::Other, {}}, id);
    tiers_.reevaluate(member_id, day, txn_label(id), actor.username);
    audit_txn(audit_, actor, "package_cancel", number, d, id, detail.dump());
    TxnResult result = posted(d, number);
    tx.commit();
    return result;
}

ExpiryPlan LedgerService::expiry_preview(const Actor& actor, const Date& as_of) {
    audit_.require(actor, Action::ExpireCoins, "coins");
    ExpiryPlan plan;
    plan.as_of = as_of;
    std::int64_t last_account = 0;
    for (const ExpiredLot& lot : LedgerRepository(db_).expired_lots(as_of)) {
        if (lot.account_id != last_account) ++plan.accounts;
        last_account = lot.account_id;
        plan.coins += lot.coins;
    }
    return plan;
}

ExpiryRun LedgerService::expire_coins(const Actor& actor, const Date& as_of) {
    audit_.require(actor, Action::ExpireCoins, "coins");
    const Instant now = clock_();
    const Date today = to_business_time(now).date();
    if (as_of > today)
        throw ValidationError("as_of", format_date(as_of),
                              subst(tr("as_of: {0} is after today ({1}); coins cannot expire in advance (a preview can "
                                       "look ahead)"),
                                    {format_date(as_of), format_date(today)}));
    Transaction tx(db_);
    LedgerRepository repo(db_);
    const std::vector<ExpiredLot> lots = repo.expired_lots(as_of);
    ExpiryRun run;
    run.as_of = as_of;
    run.run_by = actor.username;
    run.run_at = now;
    for (const ExpiredLot& lot : lots) run.coins += lot.coins;
    for (std::size_t i = 0; i < lots.size(); ++run.accounts) {
        const std::int64_t account_id = lots[i].account_id;
        std::int64_t coins = 0;
        std::vector<std::pair<std::int64_t, std::int64_t>> taken;
        for (; i < lots.size() && lots[i].account_id == account_id; ++i) {
            coins += lots[i].coins;
            taken.emplace_back(lots[i].lot_id, lots[i].coins);
        }
        // A merged-away account's lots moved with its coins, so every lot's account is open.
        Draft d(*repo.account(account_id), as_of, actor.username, now,
                subst(tr("coins expired before {0}"), {format_date(as_of)}));
        d.add(EntryType::PointsExpired, Bucket::Coins, -coins);
        // A lot expires once, so the account's first expiring lot makes the key unique.
        write(repo, d, "expiry:A" + std::to_string(account_id) + ":L" + std::to_string(taken.front().first),
              "coin_expiry", nlohmann::json{{"as_of", format_date(as_of)}, {"account", account_id}}.dump(),
              nlohmann::json{{"coins", coins}}.dump());
        repo.take_from_lots(taken);
    }
    run.id = repo.add_expiry_run(run);
    audit_.record(actor.username, "coins.expire", "coins", std::to_string(run.id), "",
                  nlohmann::json{{"as_of", format_date(as_of)}, {"accounts", run.accounts}, {"coins", run.coins}}.dump());
    tx.commit();
    return run;
}

std::vector<ExpiryRun> LedgerService::expiry_runs(const Actor& actor, int limit) {
    audit_.require(actor, Action::ExpireCoins, "coins");
    return LedgerRepository(db_).expiry_runs(limit);
}

AccountView LedgerService::account(const Actor& actor, const std::string& number) {
    audit_.require(actor, Action::ViewAccounts, kEntity, number);
    const Member member = load_member(db_, number);
    LedgerRepository repo(db_);
    AccountView v;
    v.member_number = member.number;
    v.member_name = member.name;
    v.draw_order = draw_order_of(program_.rules_in_force(to_business_time(clock_()).date()));
    if (auto a = repo.open_account(member.id)) {
        v.value = a->value;
        v.coins = a->coins;
        v.coin_member_since = a->coin_member_since;
        v.coin_lots = repo.coin_lots(a->id);
        v.entries = repo.entry_count(a->id);
        v.package_value = a->package_value;
        v.subscriptions = repo.subscriptions_of_member(member.id);
        const Date today = to_business_time(clock_()).date();
        v.usable_coins = usable_coins(v.coin_lots, today);
        sort_in_spending_order(v.coin_lots);
    }
    return v;
}

std::vector<LedgerEntry> LedgerService::history(const Actor& actor, const std::string& number, int limit,
                                                std::int64_t before_id) {
    audit_.require(actor, Action::ViewAccounts, kEntity, number);
    const Member member = load_member(db_, number);
    LedgerRepository repo(db_);
    auto a = repo.open_account(member.id);
    if (!a) return {};
    return repo.history(a->id, std::clamp(limit, 1, 10000), before_id);
}

TxnResult LedgerService::transaction(const Actor& actor, std::int64_t txn) {
    audit_.require(actor, Action::ViewAccounts, "transaction", txn_label(txn));
    LedgerRepository repo(db_);
    auto r = repo.request_by_id(txn);
    if (!r) throw NotFoundError(subst(tr("transaction: there is no transaction {0}"), {txn_label(txn)}));
    return result_of(repo, *r, owner_of_account(db_, r->account_id).number, false);
}

void LedgerService::fold_accounts(std::int64_t absorbed_member_id, std::int64_t survivor_member_id,
                                  const std::string& survivor_number, const std::string& actor) {
    LedgerRepository repo(db_);
    auto absorbed = repo.open_account(absorbed_member_id);
    if (!absorbed) return;
    const Instant now = clock_();
    const Date day = to_business_time(now).date();
    const std::string reason = subst(tr("merged into {0}"), {survivor_number});
    Draft out(*absorbed, day, actor, now, reason);
    Draft in(repo.lock_open_account(survivor_member_id, now), day, actor, now, reason);
    for (Bucket b : kValueBuckets) {
        out.add(EntryType::MergeOut, b, -absorbed->value.at(b).fen());
        in.add(EntryType::MergeIn, b, absorbed->value.at(b).fen());
    }
    out.add(EntryType::MergeOut, Bucket::Coins, -absorbed->coins);
    in.add(EntryType::MergeIn, Bucket::Coins, absorbed->coins);
    out.add(EntryType::MergeOut, Bucket::Package, -absorbed->package_value.fen());
    in.add(EntryType::MergeIn, Bucket::Package, absorbed->package_value.fen());
    // The person joined the coin scheme when either record did first.
    const std::optional<Date>& theirs = absorbed->coin_member_since;
    std::optional<Date>& mine = in.account().coin_member_since;
    if (theirs && (!mine || *theirs < *mine)) mine = theirs;
    const std::string from = "A" + std::to_string(absorbed->id);
    const std::string request = nlohmann::json{{"absorbed_account", absorbed->id}}.dump();
    write(repo, out, "merge-out:" + from, "merge", request, "{}");
    write(repo, in, "merge-in:" + from, "merge", request, "{}");
    repo.move_coin_lots(absorbed->id, in.account().id);
    repo.close_account(absorbed->id);
}

}  // namespace md

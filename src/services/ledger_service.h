#pragma once
// Stored value and exchange coins: recharges, purchases, refunds, redemptions and manual
// adjustments, each one call = one transaction = one request row + its ledger entries + the new
// balances + one audit line. Every call carries an idempotency key: the same key with the same
// content answers the first result again and changes nothing; with other content it is a conflict.
// The rules (bonuses, coin rate, expiry) are those of the programme in force on the business day.
#include "db/ledger_repository.h"
#include "services/audit_trail.h"
#include "services/program_service.h"
#include "services/tier_service.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace md {

struct RechargeRequest {
    std::string member;   // member number
    Money amount;         // cash paid
    std::string key;      // idempotency key; empty = a fresh one
};

struct PurchaseRequest {
    std::string member;
    Money list_price;                  // before the tier discount
    std::optional<Money> stored_value; // the part paid from stored value; none = all of it
    std::string kind = "goods";        // "goods" or "meal_package"
    std::string channel = "store";     // "store", "web", "app"
    std::string store;
    std::string key;
};

struct RefundRequest {
    std::int64_t purchase = 0;  // the purchase's transaction number
    Money amount;               // of what was paid
    std::string reason;
    std::string key;
};

struct RedeemRequest {
    std::string member;
    std::int64_t coins = 0;
    std::string key;
};

struct AdjustRequest {
    std::string member;
    Bucket bucket = Bucket::Compensation;  // a value bucket, or Coins
    bool up = true;
    std::int64_t amount = 0;               // fen, or coins for Bucket::Coins
    std::string reason;                    // required
    std::string key;
};

struct CardActivation {
    std::string card_number;  // as typed: spaces and dashes are dropped
    std::string pin;
    std::string member;
    std::string key;
};

// What a transaction did: its number, its lines and the balances it left.
struct TxnResult {
    std::int64_t txn = 0;
    std::string kind;
    std::string key;
    std::string member_number;
    Date business_day;
    std::vector<LedgerEntry> entries;
    StoredValue value_after;
    std::int64_t coins_after = 0;
    Money package_after;  // undelivered meal-package value
    std::string detail;   // JSON object with what was worked out (bonus, discount, coins earned...)
    bool repeated = false; // answered from an earlier request with the same key
    std::int64_t pending_adjustment = 0;  // an adjustment waiting for approval (A12), nothing posted yet
};

struct AccountView {
    std::string member_number;
    std::string member_name;
    StoredValue value;
    std::int64_t coins = 0;
    std::int64_t usable_coins = 0;        // not expired today
    std::vector<CoinLot> coin_lots;        // with coins left, nearest expiry first
    std::optional<Date> coin_member_since; // joined the coin scheme (entry threshold reached)
    DrawOrder draw_order = kDefaultDrawOrder;
    Money package_value;                   // undelivered meal-package goods owed
    std::vector<Subscription> subscriptions;  // newest first
    long long entries = 0;
};

struct SubscribeRequest {
    std::string member;
    std::string package;   // package code in the programme
    std::string key;
};

struct DeliveryRequest {
    std::int64_t subscription = 0;
    int count = 1;
    std::string key;
};

struct CancelRequest {
    std::int64_t subscription = 0;
    std::string reason;
    std::string key;
};

struct ExpiryPlan {
    Date as_of;
    long long accounts = 0;
    long long coins = 0;
};

class LedgerService {
public:
    LedgerService(Database& db, Clock clock, ProgramService& program)
        : db_(db), clock_(clock), audit_(db, clock), program_(program), tiers_(db, clock, program) {}

    TxnResult recharge(const Actor& actor, const RechargeRequest& request);
    TxnResult purchase(const Actor& actor, const PurchaseRequest& request);
    TxnResult refund(const Actor& actor, const RefundRequest& request);
    TxnResult redeem(const Actor& actor, const RedeemRequest& request);
    // A value adjustment above adjust_approval_above() is not posted: it becomes a request (A12)
    // that someone else with the adjust permission approves (then it is posted) or rejects.
    TxnResult adjust(const Actor& actor, const AdjustRequest& request);
    TxnResult decide_adjustment(const Actor& actor, std::int64_t id, bool approve, const std::string& comment);
    std::vector<AdjustmentRequest> adjustments(const Actor& actor, bool pending_only);
    Money adjust_approval_above();
    void set_adjust_approval_above(const Actor& actor, Money amount);
    // Loads a card's face value (principal) and its bonus into the member's account. A wrong PIN
    // is counted (and the fifth blocks the card) even though the activation is refused.
    TxnResult activate_card(const Actor& actor, const CardActivation& request);

    // Meal packages (套餐): bought from stored value; each delivery lowers the undelivered value;
    // a cancellation gives back the price of the deliveries not made (package_refund) to the
    // buckets that paid it.
    TxnResult subscribe(const Actor& actor, const SubscribeRequest& request);
    TxnResult deliver(const Actor& actor, const DeliveryRequest& request);
    TxnResult cancel_subscription(const Actor& actor, const CancelRequest& request);

    // The coin expiry job: coins whose last day is before `as_of` leave their accounts, one
    // points_expired line per account. A preview counts and writes nothing; a run (as of today
    // or earlier) makes the lines in one transaction and logs the run.
    ExpiryPlan expiry_preview(const Actor& actor, const Date& as_of);
    ExpiryRun expire_coins(const Actor& actor, const Date& as_of);
    std::vector<ExpiryRun> expiry_runs(const Actor& actor, int limit = 50);

    AccountView account(const Actor& actor, const std::string& member);
    // Newest first, `limit` lines before entry `before_id` (0 = the newest).
    std::vector<LedgerEntry> history(const Actor& actor, const std::string& member, int limit,
                                     std::int64_t before_id = 0);
    TxnResult transaction(const Actor& actor, std::int64_t txn);

    // Folds an absorbed member's account into the survivor's: both get merge lines, the coin lots
    // move, the absorbed account is closed. Inside the merge's transaction (the merge is audited there).
    void fold_accounts(std::int64_t absorbed_member_id, std::int64_t survivor_member_id,
                       const std::string& survivor_number, const std::string& actor);

    // Complaint compensation paid to the member (coins, or the compensation bucket): one
    // `compensation` line, a coin lot for coins, the request keyed `key` (the ticket and the
    // compensation, so once). Joins the caller's transaction; the complaint service has checked
    // the permission and the caps. `detail` is a JSON object naming the ticket.
    TxnResult post_compensation(const Actor& actor, const std::string& member, Bucket bucket, std::int64_t amount,
                                const std::string& reason, const std::string& key, const std::string& detail);

private:
    // The referrer's side of a referral campaign, in the purchase's transaction: their coins as
    // a transaction of its own (key "referral:<campaign>:<referred member>", so once per pair).
    void reward_referrer(const Actor& actor, const Campaign& campaign, const Member& referred, const Program& rules,
                         std::int64_t purchase_txn, const Instant& now);
    TxnResult post_adjustment(const Actor& actor, const AdjustRequest& in, const std::string& reason,
                              const std::string& key, const std::string& request);
    Database& db_;
    Clock clock_;
    AuditTrail audit_;
    ProgramService& program_;
    TierService tiers_;  // each qualifying movement is recorded and the member evaluated again
};

// A fresh idempotency key for a caller that gave none (random, 128 bits).
std::string new_request_key();

}  // namespace md

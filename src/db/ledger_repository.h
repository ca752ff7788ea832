#pragma once
// The ledger's tables: accounts (current balances), requests (one per idempotency key),
// entries (append-only lines), purchases (what a refund may give back) and coin lots.
// Every write joins the caller's transaction; the service decides what is written.
#include "db/database.h"
#include "models/ledger.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace md {

struct Account {
    std::int64_t id = 0;
    std::int64_t member_id = 0;
    bool open = true;
    StoredValue value;
    std::int64_t coins = 0;
    Money package_value;   // undelivered meal-package goods owed
    std::optional<Date> coin_member_since;
};

// A posted request as stored: what was asked and the balances it left.
struct LedgerRequest {
    std::int64_t id = 0;
    std::string key;
    std::string kind;       // "recharge", "purchase", "refund", "redeem", "adjust", "merge"
    std::string request;    // canonical JSON of the input, compared on a repeated key
    std::int64_t account_id = 0;
    Date business_day;
    StoredValue value_after;
    std::int64_t coins_after = 0;
    Money package_after;
    std::string detail;     // JSON: what the service worked out (bonus applied, coins earned...)
    std::string actor;
    Instant at;
};

struct PurchaseRecord {
    std::int64_t id = 0;
    std::int64_t request_id = 0;
    std::int64_t account_id = 0;
    Date business_day;
    std::string kind;       // "goods", "meal_package"
    std::string channel;    // "store", "web", "app"
    std::string store;
    Money list_price;
    int discount_bp = 10000;
    Payment paid;
    std::int64_t coins_earned = 0;
    Money refunded;
    Payment refunded_parts;
    std::int64_t coins_taken_back = 0;
};

struct Subscription {
    std::int64_t id = 0;
    std::int64_t request_id = 0;
    std::int64_t account_id = 0;
    std::string package_code;
    std::string package_name;
    Money price;
    StoredValue paid;          // what each bucket gave for it
    Money value_owed;
    int deliveries = 0;
    int delivered = 0;
    Money undelivered;
    Money refunded;
    std::string state = "active";  // "active", "completed", "cancelled"
    Date started_on;
    std::optional<Date> ended_on;
};

// Coins that have passed their last day and are still on an account.
struct ExpiredLot {
    std::int64_t lot_id = 0;
    std::int64_t account_id = 0;
    std::int64_t coins = 0;
};

struct ExpiryRun {
    std::int64_t id = 0;
    Date as_of;
    long long accounts = 0;
    long long coins = 0;
    std::string run_by;
    Instant run_at;
};

// A manual adjustment above the approval amount, waiting for (or decided by) a second person.
struct AdjustmentRequest {
    std::int64_t id = 0;
    std::string key;
    std::int64_t member_id = 0;
    std::string member_number;
    Bucket bucket = Bucket::Compensation;
    bool up = true;
    std::int64_t amount = 0;
    std::string reason;
    std::string requested_by;
    Instant requested_at;
    std::string state = "pending";   // "pending", "approved", "rejected"
    std::string decided_by;
    std::string comment;
    std::int64_t txn = 0;
};

// One account whose stored figures disagree with its entries or lots.
struct LedgerDiscrepancy {
    std::string member_number;
    std::int64_t account_id = 0;
    std::string what;       // "principal 100.00 but its entries sum to 90.00"
};

class LedgerRepository {
public:
    explicit LedgerRepository(Database& db) : db_(db) {}

    // The member's open account, locked for the rest of the transaction on PostgreSQL
    // (SQLite's BEGIN IMMEDIATE already holds the write lock). Created empty if missing.
    Account lock_open_account(std::int64_t member_id, const Instant& now);
    std::optional<Account> open_account(std::int64_t member_id);
    std::optional<Account> account(std::int64_t account_id);
    void save_balances(const Account& a);
    void close_account(std::int64_t account_id);

    std::optional<LedgerRequest> request_by_key(const std::string& key);
    std::optional<LedgerRequest> request_by_id(std::int64_t id);
    std::int64_t add_request(const LedgerRequest& r);
    void set_request_detail(std::int64_t id, const std::string& detail);
    std::int64_t add_entry(const LedgerEntry& e);
    std::vector<LedgerEntry> entries_of_request(std::int64_t request_id);
    // Newest first; `before_id` 0 = from the newest.
    std::vector<LedgerEntry> history(std::int64_t account_id, int limit, std::int64_t before_id = 0);
    long long entry_count(std::int64_t account_id);
    // The transaction that carried the account's opening balance over, if one did.
    std::optional<std::int64_t> opening_balance_txn(std::int64_t account_id);

    std::int64_t add_purchase(const PurchaseRecord& p);
    std::optional<PurchaseRecord> purchase_by_request(std::int64_t request_id);
    void save_refunded(const PurchaseRecord& p);

    std::int64_t add_subscription(const Subscription& s);
    std::optional<Subscription> subscription(std::int64_t id);
    void save_subscription(const Subscription& s);
    // Every subscription of the member (any of their accounts, merged ones included), newest first.
    std::vector<Subscription> subscriptions_of_member(std::int64_t member_id);

    std::vector<CoinLot> coin_lots(std::int64_t account_id);
    void add_coin_lot(std::int64_t account_id, std::int64_t entry_id, const CoinLot& lot);
    void take_from_lots(const std::vector<std::pair<std::int64_t, std::int64_t>>& taken);
    void move_coin_lots(std::int64_t from_account, std::int64_t to_account);
    // Lots whose expires_on is before `as_of` with coins left, by account.
    std::vector<ExpiredLot> expired_lots(const Date& as_of);
    std::int64_t add_expiry_run(const ExpiryRun& run);
    std::vector<ExpiryRun> expiry_runs(int limit);

    std::int64_t add_adjustment_request(const AdjustmentRequest& r);
    std::optional<AdjustmentRequest> adjustment_request(std::int64_t id);
    std::optional<AdjustmentRequest> adjustment_request_by_key(const std::string& key);
    void decide_adjustment_request(const AdjustmentRequest& r, const Instant& at);
    std::vector<AdjustmentRequest> adjustment_requests(bool pending_only);

    // Every account whose balances differ from the sum of its entries, from its last entry's
    // balance_after, or (coins) from its lots; and every negative balance.
    std::vector<LedgerDiscrepancy> check();

private:
    Database& db_;
};

}  // namespace md

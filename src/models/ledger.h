#pragma once
// The stored-value and points ledger's rules (domain.md §4–§5), free of storage:
// the entry types, the three stored-value buckets, which bucket a purchase draws on,
// how a refund flows back, which recharge bonus applies, and how coins are spent and expire.
// Every split here is exact in fen and coins; the rounding rule of each is written beside it.
#include "models/money.h"
#include "models/points_rule.h"
#include "models/prepaid_offer.h"
#include "models/timestamps.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace md {

// What a ledger line records. Stored as the code; never renamed once released.
enum class EntryType {
    CardLoad,          // card_load: a prepaid card's face value loaded into the account
    CashRecharge,      // cash_recharge
    RechargeBonus,     // recharge_bonus: value given on top of a recharge or card
    Purchase,          // purchase: stored value spent
    Refund,            // refund: stored value given back from a purchase
    PackagePurchase,   // package_purchase
    PackageDelivery,   // package_delivery: goods delivered, the undelivered value goes down
    PackageCancelled,  // package_cancelled: the undelivered value of a cancelled subscription
    AdjustUp,          // adjust_up
    AdjustDown,        // adjust_down
    PointsEarned,      // points_earned
    PointsRedeemed,    // points_redeemed
    PointsExpired,     // points_expired
    PointsReversed,    // points_reversed: coins taken back by a refund
    OpeningBalance,    // opening_balance: carried over from another system by an import
    MergeIn,           // merge_in: a duplicate record's balance joining this account
    MergeOut,          // merge_out: this (absorbed) account emptied into the survivor's
    Compensation,      // compensation: granted on a complaint ticket (coins or the compensation bucket)
};
std::string entry_type_code(EntryType t);
EntryType parse_entry_type(const std::string& code, const std::string& field);

// Where a line's amount sits. Coins are a bucket of their own, counted in whole coins; Package is
// the goods value of meal-package subscriptions not yet delivered (owed to the member, like a balance).
enum class Bucket { Principal, Bonus, Compensation, Coins, Package };
std::string bucket_code(Bucket b);  // "principal", "bonus", "compensation", "coins", "package"
Bucket parse_bucket(const std::string& code, const std::string& field);

// The three stored-value buckets of one account.
struct StoredValue {
    Money principal;      // paid by the member
    Money bonus;          // given with a recharge or a card
    Money compensation;   // granted by customer service
    Money total() const { return principal + bonus + compensation; }
    Money& at(Bucket b);
    Money at(Bucket b) const;
    bool operator==(const StoredValue&) const = default;
};

constexpr std::array<Bucket, 3> kValueBuckets = {Bucket::Principal, Bucket::Bonus, Bucket::Compensation};

// The order a purchase spends the buckets in. A programme setting; principal first by default
// (what the member paid is used before what was given, so a refund of the account returns cash first).
using DrawOrder = std::array<Bucket, 3>;
constexpr DrawOrder kDefaultDrawOrder = {Bucket::Principal, Bucket::Bonus, Bucket::Compensation};

// Takes `amount` from `balance` bucket by bucket in `order`. Throws ValidationError
// (field "amount") when the balance is short: nothing is spent then.
StoredValue draw(const StoredValue& balance, Money amount, const DrawOrder& order);

// How a purchase was paid and how much of it has been refunded so far.
struct Payment {
    StoredValue stored_value;  // what each bucket gave
    Money other;               // cash, bank card, WeChat...: outside the ledger
    Money total() const { return stored_value.total() + other; }
};

// The part of a purchase paid `paid` that goes back when the refunds of it reach `refunded_total`
// (cumulative: this refund plus all before it). Rounding rule: the stored-value share is
// stored_value × refunded_total ÷ paid rounded down, the other tender takes the odd fen; inside
// stored value the principal share is rounded down first, then bonus, and compensation takes the
// rest. Cumulative shares make every partial refund add up exactly to what was paid.
Payment refund_share(const Payment& paid, Money refunded_total);

// Coins a refund takes back: earned × refunded_total ÷ paid_total, rounded down, cumulative.
std::int64_t coins_to_take_back(std::int64_t coins_earned, Money paid_total, Money refunded_total);

// The net price after a tier discount given in basis points paid (9500 = 95折).
// Rounding rule: to the nearest fen, half up.
Money discounted(Money list_price, int discount_basis_points);

// The recharge bonus for paying `amount` on `day`: among the bonuses valid that day whose
// `pay` is at most `amount`, the one with the largest `pay`; it gives receive − pay once
// (not once per multiple). None when no bonus applies.
std::optional<RechargeBonus> recharge_bonus_for(const std::vector<RechargeBonus>& bonuses, Money amount,
                                                const Date& day);

// When coins earned on `earned_on` expire (the last day they can be used), or none.
std::optional<Date> coin_expiry(const PointsRule& rule, const Date& earned_on);

// A batch of coins earned together, spent oldest-expiry first.
struct CoinLot {
    std::int64_t id = 0;
    Date earned_on;
    std::optional<Date> expires_on;   // inclusive: usable on this day
    std::int64_t remaining = 0;
};

// Spending order: nearest expiry first, never-expiring last, then oldest.
void sort_in_spending_order(std::vector<CoinLot>& lots);

// Coins usable on `day`: the lots not yet expired (expires_on >= day).
std::int64_t usable_coins(const std::vector<CoinLot>& lots, const Date& day);

// Which lots `coins` come from on `day`: nearest expiry first, never-expiring last, then oldest.
// Throws ValidationError (field "coins") when fewer usable coins are there.
std::vector<std::pair<std::int64_t, std::int64_t>> take_coins(std::vector<CoinLot> lots, std::int64_t coins,
                                                              const Date& day);

// One line of the ledger as stored. `amount` is signed: fen for the value buckets, whole coins
// for Bucket::Coins; `balance_after` is that bucket's balance once the line is applied.
struct LedgerEntry {
    std::int64_t id = 0;
    std::int64_t request_id = 0;
    std::int64_t account_id = 0;
    EntryType type = EntryType::Purchase;
    Bucket bucket = Bucket::Principal;
    std::int64_t amount = 0;
    std::int64_t balance_after = 0;
    Date business_day;
    std::string reason;
    std::string actor;
    Instant at;
    std::string campaign;   // the campaign that caused the line (its code), or ""
};

// The goods value of the first `delivered` of `deliveries` deliveries: value × delivered ÷ deliveries
// rounded down, cumulative, so the last delivery takes the odd fen and all of them add up exactly.
Money delivered_value(Money value_owed, int deliveries, int delivered);

// What a cancelled subscription gives back: the price of the deliveries not made,
// price − (price × delivered ÷ deliveries rounded down), so the rounding favours the member.
Money package_refund(Money price, int deliveries, int delivered);

// How people name the ledger's records: transaction T12, subscription S12, adjustment request A12.
enum class Reference { Transaction, Subscription, Adjustment };
std::string reference_label(Reference kind, std::int64_t id);
// "T12" or "12" → 12; ValidationError naming the field otherwise.
std::int64_t parse_reference(Reference kind, const std::string& text, const std::string& field);

// A positive amount of money; ValidationError names the field otherwise.
void require_positive(Money amount, const std::string& field);

}  // namespace md

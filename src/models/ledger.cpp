#include "models/ledger.h"

#include "models/errors.h"
#include "models/translate.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace md {
namespace {

struct TypeName {
    EntryType type;
    const char* code;
};
constexpr TypeName kTypes[] = {
    {EntryType::CardLoad, "card_load"},          {EntryType::CashRecharge, "cash_recharge"},
    {EntryType::RechargeBonus, "recharge_bonus"}, {EntryType::Purchase, "purchase"},
    {EntryType::Refund, "refund"},               {EntryType::PackagePurchase, "package_purchase"},
    {EntryType::PackageDelivery, "package_delivery"}, {EntryType::PackageCancelled, "package_cancelled"},
    {EntryType::AdjustUp, "adjust_up"},
    {EntryType::AdjustDown, "adjust_down"},      {EntryType::PointsEarned, "points_earned"},
    {EntryType::PointsRedeemed, "points_redeemed"}, {EntryType::PointsExpired, "points_expired"},
    {EntryType::PointsReversed, "points_reversed"}, {EntryType::OpeningBalance, "opening_balance"},
    {EntryType::MergeIn, "merge_in"},            {EntryType::MergeOut, "merge_out"},
    {EntryType::Compensation, "compensation"},
};

constexpr std::pair<Bucket, const char*> kBuckets[] = {
    {Bucket::Principal, "principal"},
    {Bucket::Bonus, "bonus"},
    {Bucket::Compensation, "compensation"},
    {Bucket::Coins, "coins"},
    {Bucket::Package, "package"},
};

// a × b ÷ c rounded down, for non-negative fen or coin counts. 128-bit so that a large
// purchase times a large refund cannot overflow.
std::int64_t mul_div_floor(std::int64_t a, std::int64_t b, std::int64_t c) {
    if (c == 0) return 0;
    return static_cast<std::int64_t>(static_cast<__int128>(a) * b / c);
}

}  // namespace

std::string entry_type_code(EntryType t) {
    for (const TypeName& n : kTypes)
        if (n.type == t) return n.code;
    return "unknown";
}

EntryType parse_entry_type(const std::string& code, const std::string& field) {
    for (const TypeName& n : kTypes)
        if (code == n.code) return n.type;
    throw ValidationError(field, code, subst(tr("{0}: \"{1}\" is not a ledger entry type"), {field, code}));
}

std::string bucket_code(Bucket b) {
    for (const auto& [bucket, code] : kBuckets)
        if (bucket == b) return code;
    return "unknown";
}

Bucket parse_bucket(const std::string& code, const std::string& field) {
    for (const auto& [bucket, name] : kBuckets)
        if (code == name) return bucket;
    throw ValidationError(field, code,
                          subst(tr("{0}: \"{1}\" is not a bucket (principal, bonus or compensation)"), {field, code}));
}

Money& StoredValue::at(Bucket b) {
    switch (b) {
    case Bucket::Bonus: return bonus;
    case Bucket::Compensation: return compensation;
    default: return principal;
    }
}

Money StoredValue::at(Bucket b) const { return const_cast<StoredValue*>(this)->at(b); }

StoredValue draw(const StoredValue& balance, Money amount, const DrawOrder& order) {
    if (amount > balance.total())
        throw ValidationError("amount", amount.to_string(),
                              subst(tr("amount: {0} is more than the stored-value balance of {1}"),
                                    {amount.to_display(), balance.total().to_display()}));
    StoredValue taken;
    Money left = amount;
    for (Bucket b : order) {
        const Money part = std::min(left, balance.at(b));
        taken.at(b) = part;
        left -= part;
    }
    return taken;
}

Payment refund_share(const Payment& paid, Money refunded_total) {
    const std::int64_t total = paid.total().fen();
    const std::int64_t back = refunded_total.fen();
    const std::int64_t stored = paid.stored_value.total().fen();
    Payment share;
    const std::int64_t stored_back = mul_div_floor(stored, back, total);
    share.other = Money::from_fen(back - stored_back);
    const std::int64_t principal_back = mul_div_floor(paid.stored_value.principal.fen(), stored_back, stored);
    const std::int64_t rest = stored_back - principal_back;
    const std::int64_t bonus_and_compensation = stored - paid.stored_value.principal.fen();
    const std::int64_t bonus_back = mul_div_floor(paid.stored_value.bonus.fen(), rest, bonus_and_compensation);
    share.stored_value.principal = Money::from_fen(principal_back);
    share.stored_value.bonus = Money::from_fen(bonus_back);
    share.stored_value.compensation = Money::from_fen(rest - bonus_back);
    return share;
}

std::int64_t coins_to_take_back(std::int64_t coins_earned, Money paid_total, Money refunded_total) {
    return mul_div_floor(coins_earned, refunded_total.fen(), paid_total.fen());
}

Money discounted(Money list_price, int discount_basis_points) {
    const __int128 scaled = static_cast<__int128>(list_price.fen()) * discount_basis_points;
    return Money::from_fen(static_cast<std::int64_t>((scaled + 5000) / 10000));
}

std::optional<RechargeBonus> recharge_bonus_for(const std::vector<RechargeBonus>& bonuses, Money amount,
                                                const Date& day) {
    std::optional<RechargeBonus> best;
    for (const RechargeBonus& b : bonuses) {
        if (day < b.valid_from || (b.valid_to && day > *b.valid_to)) continue;
        if (b.pay > amount) continue;  // inclusive: paying exactly `pay` qualifies
        if (!best || b.pay > best->pay) best = b;
    }
    return best;
}

std::optional<Date> coin_expiry(const PointsRule& rule, const Date& earned_on) {
    switch (rule.expiry) {
    case CoinExpiry::DaysAfterEarning: return earned_on + boost::gregorian::days(rule.expiry_days);
    case CoinExpiry::EndOfCalendarYear: return Date(earned_on.year(), 12, 31);
    default: return std::nullopt;
    }
}

void sort_in_spending_order(std::vector<CoinLot>& lots) {
    std::stable_sort(lots.begin(), lots.end(), [](const CoinLot& a, const CoinLot& b) {
        if (a.expires_on.has_value() != b.expires_on.has_value()) return a.expires_on.has_value();
        if (a.expires_on && *a.expires_on != *b.expires_on) return *a.expires_on < *b.expires_on;
        if (a.earned_on != b.earned_on) return a.earned_on < b.earned_on;
        return a.id < b.id;
    });
}

std::int64_t usable_coins(const std::vector<CoinLot>& lots, const Date& day) {
    std::int64_t n = 0;
    for (const CoinLot& lot : lots)
        if (!lot.expires_on || *lot.expires_on >= day) n += lot.remaining;
    return n;
}

std::vector<std::pair<std::int64_t, std::int64_t>> take_coins(std::vector<CoinLot> lots, std::int64_t coins,
                                                              const Date& day) {
    const std::int64_t usable = usable_coins(lots, day);
    if (coins > usable)
        throw ValidationError("coins", std::to_string(coins),
                              subst(tr("coins: {0} is more than the {1} coins usable on {2}"),
                                    {std::to_string(coins), std::to_string(usable), format_date(day)}));
    sort_in_spending_order(lots);
    std::vector<std::pair<std::int64_t, std::int64_t>> taken;
    for (const CoinLot& lot : lots) {
        if (coins == 0) break;
        if (lot.remaining == 0 || (lot.expires_on && *lot.expires_on < day)) continue;
        const std::int64_t part = std::min(coins, lot.remaining);
        taken.emplace_back(lot.id, part);
        coins -= part;
    }
    return taken;
}

Money delivered_value(Money value_owed, int deliveries, int delivered) {
    return Money::from_fen(mul_div_floor(value_owed.fen(), delivered, deliveries));
}

Money package_refund(Money price, int deliveries, int delivered) {
    return price - Money::from_fen(mul_div_floor(price.fen(), delivered, deliveries));
}

namespace {
char reference_prefix(Reference kind) {
    switch (kind) {
    case Reference::Subscription: return 'S';
    case Reference::Adjustment: return 'A';
    default: return 'T';
    }
}
}  // namespace

std::string reference_label(Reference kind, std::int64_t id) { return reference_prefix(kind) + std::to_string(id); }

std::int64_t parse_reference(Reference kind, const std::string& text, const std::string& field) {
    const char prefix = reference_prefix(kind);
    const std::string digits =
        !text.empty() && std::toupper(static_cast<unsigned char>(text[0])) == prefix ? text.substr(1) : text;
    if (digits.empty() || digits.size() > 18 || digits.find_first_not_of("0123456789") != std::string::npos) {
        const char* message = kind == Reference::Subscription ? tr_noop("{0}: \"{1}\" is not a subscription number (like S12)")
                              : kind == Reference::Adjustment ? tr_noop("{0}: \"{1}\" is not an adjustment number (like A12)")
                                                              : tr_noop("{0}: \"{1}\" is not a transaction number (like T12)");
        throw ValidationError(field, text, subst(tr(message), {field, text}));
    }
    return std::stoll(digits);
}

void require_positive(Money amount, const std::string& field) {
    if (amount.fen() <= 0)
        throw ValidationError(field, amount.to_string(),
                              subst(tr("{0}: the amount must be more than zero, not {1}"), {field, amount.to_string()}));
}

}  // namespace md

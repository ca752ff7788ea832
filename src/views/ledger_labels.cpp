#include "views/ledger_labels.h"

#include "views/wx_text.h"

namespace md::views {

wxString entry_type_label(EntryType type) {
    switch (type) {
    case EntryType::CardLoad: return _("Card loaded");
    case EntryType::CashRecharge: return _("Cash recharge");
    case EntryType::RechargeBonus: return _("Recharge bonus");
    case EntryType::Purchase: return _("Purchase");
    case EntryType::Refund: return _("Refund");
    case EntryType::PackagePurchase: return _("Package bought");
    case EntryType::PackageDelivery: return _("Package delivery");
    case EntryType::PackageCancelled: return _("Package cancelled");
    case EntryType::AdjustUp: return _("Adjustment up");
    case EntryType::AdjustDown: return _("Adjustment down");
    case EntryType::PointsEarned: return _("Coins earned");
    case EntryType::PointsRedeemed: return _("Coins redeemed");
    case EntryType::PointsExpired: return _("Coins expired");
    case EntryType::PointsReversed: return _("Coins taken back");
    case EntryType::OpeningBalance: return _("Opening balance");
    case EntryType::MergeIn: return _("Merged in");
    case EntryType::MergeOut: return _("Merged out");
    case EntryType::Compensation: return _("Complaint compensation");
    }
    return to_wx(entry_type_code(type));
}

wxString bucket_label(Bucket bucket) {
    switch (bucket) {
    case Bucket::Principal: return _("Principal");
    case Bucket::Bonus: return _("Bonus");
    case Bucket::Compensation: return _("Compensation");
    case Bucket::Coins: return _("Coins");
    case Bucket::Package: return _("Packages to deliver");
    }
    return to_wx(bucket_code(bucket));
}

wxString card_state_label(CardState state) {
    switch (state) {
    case CardState::Issued: return _("Issued");
    case CardState::Sold: return _("Sold");
    case CardState::Activated: return _("Activated");
    case CardState::Blocked: return _("Blocked");
    case CardState::Closed: return _("Closed");
    case CardState::Expired: return _("Expired");
    }
    return to_wx(card_state_code(state));
}

wxString subscription_state_label(const std::string& state) {
    if (state == "active") return _("Active");
    if (state == "completed") return _("Completed");
    if (state == "cancelled") return _("Cancelled");
    return to_wx(state);
}

wxString bucket_amount(Bucket bucket, std::int64_t amount) {
    if (bucket == Bucket::Coins) return wxString::Format("%lld", static_cast<long long>(amount));
    return to_wx(Money::from_fen(amount).to_display());
}

}  // namespace md::views

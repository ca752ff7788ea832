#include "reports/ledger_words.h"

#include "models/translate.h"

namespace md::report {

std::string entry_type_words(EntryType type) {
    switch (type) {
    case EntryType::CardLoad: return tr("Card loaded");
    case EntryType::CashRecharge: return tr("Cash recharge");
    case EntryType::RechargeBonus: return tr("Recharge bonus");
    case EntryType::Purchase: return tr("Purchase");
    case EntryType::Refund: return tr("Refund");
    case EntryType::PackagePurchase: return tr("Package bought");
    case EntryType::PackageDelivery: return tr("Package delivery");
    case EntryType::PackageCancelled: return tr("Package cancelled");
    case EntryType::AdjustUp: return tr("Adjustment up");
    case EntryType::AdjustDown: return tr("Adjustment down");
    case EntryType::PointsEarned: return tr("Coins earned");
    case EntryType::PointsRedeemed: return tr("Coins redeemed");
    case EntryType::PointsExpired: return tr("Coins expired");
    case EntryType::PointsReversed: return tr("Coins taken back");
    case EntryType::OpeningBalance: return tr("Opening balance");
    case EntryType::MergeIn: return tr("Merged in");
    case EntryType::MergeOut: return tr("Merged out");
    case EntryType::Compensation: return tr("Complaint compensation");
    }
    return entry_type_code(type);
}

std::string bucket_words(Bucket bucket) {
    switch (bucket) {
    case Bucket::Principal: return tr("Principal");
    case Bucket::Bonus: return tr("Bonus");
    case Bucket::Compensation: return tr("Compensation");
    case Bucket::Coins: return tr("Coins");
    case Bucket::Package: return tr("Packages to deliver");
    }
    return bucket_code(bucket);
}

}  // namespace md::report

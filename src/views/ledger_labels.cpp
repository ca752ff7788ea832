#include "views/ledger_labels.h"

#include "reports/ledger_words.h"
#include "views/wx_text.h"

namespace md::views {

// The words live with the reports (one table for both); the core's tr() and the GUI share a catalog.
wxString entry_type_label(EntryType type) { return to_wx(report::entry_type_words(type)); }

wxString bucket_label(Bucket bucket) { return to_wx(report::bucket_words(bucket)); }

wxString card_state_label(CardState state) {
    switch (state) {
    case CardState::Issued: return _("Issued");
    case CardState::Sold: return _("Sold");
    case CardState::Activated: return _("Activated");
    case CardState::Blocked: return _("Blocked");
    case CardState::Closed: return wxGETTEXT_IN_CONTEXT("card state", "Closed");  // 已注销, not a closed ticket
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

#include "views/ledger_history_ctrl.h"

#include "models/date_text.h"
#include "views/date_columns.h"
#include "views/ledger_labels.h"
#include "views/wx_text.h"

namespace md::views {
namespace {

// A screenful many times over: one read covers a good stretch of scrolling.
constexpr int kPageLines = 200;

}  // namespace

LedgerHistoryCtrl::LedgerHistoryCtrl(wxWindow* parent, int height)
    : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, parent->FromDIP(wxSize(-1, height)),
                 wxLC_REPORT | wxLC_SINGLE_SEL | wxLC_VIRTUAL) {
    const std::vector<std::pair<wxString, int>> columns = {
        {_("Day"), 95},     {_("Txn"), 60},           {_("What"), 130}, {_("Bucket"), 120},
        {_("Amount"), -110}, {_("Balance after"), -120}, {_("By"), 90},  {_("Reason"), 160}};
    for (const auto& [title, width] : columns)
        AppendColumn(title, width < 0 ? wxLIST_FORMAT_RIGHT : wxLIST_FORMAT_LEFT, FromDIP(std::abs(width)));
    SetColumnWidth(0, date_column_width(this));  // Day
}

void LedgerHistoryCtrl::show(long long lines, PageReader page) {
    page_ = std::move(page);
    count_ = lines;
    loaded_.clear();
    exhausted_ = false;
    SetItemCount(static_cast<long>(lines));
    Refresh();
}

const LedgerEntry* LedgerHistoryCtrl::line(long row) const {
    while (static_cast<long>(loaded_.size()) <= row && !exhausted_) {
        std::vector<LedgerEntry> more;
        try {
            more = page_(loaded_.empty() ? 0 : loaded_.back().id, kPageLines);
        } catch (...) {
            // Drawing cannot show a dialog; the row stays empty and the next reload tries again.
            exhausted_ = true;
            break;
        }
        if (static_cast<int>(more.size()) < kPageLines) exhausted_ = true;
        loaded_.insert(loaded_.end(), more.begin(), more.end());
    }
    return row < static_cast<long>(loaded_.size()) ? &loaded_[row] : nullptr;
}

wxString LedgerHistoryCtrl::OnGetItemText(long item, long column) const {
    const LedgerEntry* e = line(item);
    if (!e) return wxString();
    switch (column) {
    case 0: return to_wx(display_date(e->business_day));
    case 1: return wxString::Format("T%lld", static_cast<long long>(e->request_id));
    case 2: return entry_type_label(e->type);
    case 3: return bucket_label(e->bucket);
    case 4: return (e->amount > 0 ? "+" : "") + bucket_amount(e->bucket, e->amount);
    case 5: return bucket_amount(e->bucket, e->balance_after);
    case 6: return to_wx(e->actor);
    case 7: return to_wx(e->reason);
    }
    return wxString();
}

wxString LedgerHistoryCtrl::selected_txn() const {
    const long row = GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    return row >= 0 ? OnGetItemText(row, 1) : wxString();
}

}  // namespace md::views

#pragma once
// A member's whole ledger history, newest first, as a virtual list: it knows how many lines
// the account has and reads them from the ledger a page at a time as rows come into view, so
// an account with 10,000 lines opens as fast as one with ten and every line can be reached.
#include "models/ledger.h"

#include <functional>
#include <vector>
#include <wx/listctrl.h>

namespace md::views {

class LedgerHistoryCtrl : public wxListCtrl {
public:
    // `page(before_id, limit)`: up to `limit` lines older than entry `before_id` (0 = newest),
    // newest first. It may throw; the rows it could not read stay empty.
    using PageReader = std::function<std::vector<LedgerEntry>(std::int64_t before_id, int limit)>;
    LedgerHistoryCtrl(wxWindow* parent, int height);
    void show(long long lines, PageReader page);
    // The transaction ("T12") of the selected row, or "".
    wxString selected_txn() const;

private:
    wxString OnGetItemText(long item, long column) const override;
    const LedgerEntry* line(long row) const;  // reads pages until `row` is loaded

    PageReader page_;
    long long count_ = 0;
    mutable std::vector<LedgerEntry> loaded_;
    mutable bool exhausted_ = false;
};

}  // namespace md::views

#pragma once
// Members as a virtual list: GTK asks for the rows it draws, so the same control can later sit
// over a paged model of a million members without change.
#include "views/member_rows.h"

#include <memory>
#include <optional>
#include <string>
#include <wx/listctrl.h>

namespace md::views {

class MemberListCtrl : public wxListCtrl {
public:
    explicit MemberListCtrl(wxWindow* parent);
    void show_rows(std::shared_ptr<const MemberRows> rows);
    long row_count() const { return rows_ ? rows_->size() : 0; }
    // The member number of the selected row, or of the focused one when none is selected.
    std::optional<std::string> chosen_number() const;
    void select_row(long row);

private:
    wxString OnGetItemText(long item, long column) const override;
    std::shared_ptr<const MemberRows> rows_;
};

}  // namespace md::views

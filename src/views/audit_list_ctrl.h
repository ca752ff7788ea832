#pragma once
// The audit trail as a virtual list: rows are formatted only when GTK draws them, so a
// long trail costs no more than the screenful in view.
#include "models/audit.h"

#include <vector>
#include <wx/listctrl.h>

namespace md::views {

class AuditListCtrl : public wxListCtrl {
public:
    explicit AuditListCtrl(wxWindow* parent);
    void show_records(std::vector<AuditRecord> records);
    const std::vector<AuditRecord>& records() const { return records_; }

private:
    wxString OnGetItemText(long item, long column) const override;
    std::vector<AuditRecord> records_;
};

}  // namespace md::views

#include "views/audit_list_ctrl.h"

#include "models/date_text.h"
#include "views/date_columns.h"
#include "views/wx_text.h"

#include <algorithm>

namespace md::views {
namespace {

enum Column { ColTime, ColUser, ColAction, ColRecord, ColOutcome, ColDetail };

wxString outcome_label(AuditOutcome outcome) {
    switch (outcome) {
        case AuditOutcome::Ok: return _("ok");
        case AuditOutcome::Denied: return _("denied");
        case AuditOutcome::Failed: return _("failed");
    }
    return wxString();
}

wxString record_label(const AuditRecord& record) {
    if (record.entity.empty()) return to_wx(record.entity_id);
    if (record.entity_id.empty()) return to_wx(record.entity);
    return to_wx(record.entity + " " + record.entity_id);
}

}  // namespace

AuditListCtrl::AuditListCtrl(wxWindow* parent)
    : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL) {
    AppendColumn(_("Time"), wxLIST_FORMAT_LEFT, time_column_width(this));
    AppendColumn(_("User"), wxLIST_FORMAT_LEFT, FromDIP(100));
    AppendColumn(_("Action"), wxLIST_FORMAT_LEFT, FromDIP(120));
    AppendColumn(_("Record"), wxLIST_FORMAT_LEFT, FromDIP(130));
    AppendColumn(_("Outcome"), wxLIST_FORMAT_LEFT, FromDIP(70));
    AppendColumn(_("Detail"), wxLIST_FORMAT_LEFT, FromDIP(420));
    // Details are the longest text; give them whatever width the other columns leave.
    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        int others = 0;
        for (int column = ColTime; column < ColDetail; ++column) others += GetColumnWidth(column);
        SetColumnWidth(ColDetail, std::max(FromDIP(200), GetClientSize().x - others));
    });
}

void AuditListCtrl::show_records(std::vector<AuditRecord> records) {
    records_ = std::move(records);
    SetItemCount(static_cast<long>(records_.size()));
    Refresh();
}

wxString AuditListCtrl::OnGetItemText(long item, long column) const {
    if (item < 0 || static_cast<std::size_t>(item) >= records_.size()) return wxString();
    const AuditRecord& record = records_[static_cast<std::size_t>(item)];
    switch (column) {
        case ColTime: return to_wx(display_business_time(record.at));
        case ColUser: return to_wx(record.actor);
        case ColAction: return to_wx(record.action);
        case ColRecord: return record_label(record);
        case ColOutcome: return outcome_label(record.outcome);
        case ColDetail: return to_wx(record.detail);
    }
    return wxString();
}

}  // namespace md::views

#include "views/member_complaints_page.h"

#include "models/date_text.h"
#include "models/translate.h"
#include "services/services.h"
#include "views/complaint_labels.h"
#include "views/complaint_window.h"
#include "views/date_columns.h"
#include "views/error_dialog.h"
#include "views/wx_text.h"

#include <wx/listctrl.h>
#include <wx/sizer.h>

namespace md::views {

MemberComplaintsPage::MemberComplaintsPage(wxWindow* parent, std::shared_ptr<Services> services, Actor actor, std::string number)
    : wxPanel(parent), services_(std::move(services)), actor_(std::move(actor)), number_(std::move(number)) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    tickets_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    const std::vector<std::pair<wxString, int>> columns = {{_("Ticket"), 112}, {_("Opened at"), 130}, {_("Category"), 110},
                                                           {_("Subject"), 190}, {_("Status"), 110}, {_("Owner"), 90}};
    for (const auto& [title, width] : columns) tickets_->AppendColumn(title, wxLIST_FORMAT_LEFT, FromDIP(width));
    tickets_->SetColumnWidth(1, time_column_width(this));  // Opened at
    sizer->Add(tickets_, 1, wxEXPAND | wxALL, FromDIP(8));
    SetSizer(sizer);
    tickets_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) {
        ComplaintWindow window(this, services_, actor_, to_utf8(tickets_->GetItemText(e.GetIndex())), [] {});
        window.ShowModal();
        reload();
    });
    reload();
}

void MemberComplaintsPage::reload() {
    std::vector<ComplaintView> tickets;
    run_or_show_error(this, [&] { tickets = services_->complaints.queue(actor_, ComplaintQueue::All, number_); });
    tickets_->DeleteAllItems();
    for (const ComplaintView& v : tickets) {
        const Complaint& t = v.row.ticket;
        const long row = tickets_->InsertItem(tickets_->GetItemCount(), to_wx(t.number));
        tickets_->SetItem(row, 1, to_wx(display_business_time(t.opened_at)));
        tickets_->SetItem(row, 2, label_of(complaint_category_labels(), t.category));
        tickets_->SetItem(row, 3, to_wx(t.subject));
        tickets_->SetItem(row, 4, label_of(complaint_status_labels(), t.status));
        tickets_->SetItem(row, 5, to_wx(t.owner));
    }
}

}  // namespace md::views

#include "views/compensation_inbox.h"

#include "models/date_text.h"
#include "models/role.h"
#include "services/services.h"
#include "views/change_dialogs.h"
#include "views/complaint_labels.h"
#include "views/complaint_window.h"
#include "views/date_columns.h"
#include "views/error_dialog.h"
#include "views/wx_text.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace md::views {
namespace {

wxString what_of(const CompensationRow& c) {
    if (c.kind == "coins") return wxString::Format(_("%lld coins"), static_cast<long long>(c.coins));
    if (c.kind == "stored_value") return wxString::Format(_("%s stored value"), to_wx(c.amount.to_display()));
    return to_wx(c.benefit);
}

}  // namespace

CompensationInbox::CompensationInbox(wxWindow* parent, std::shared_ptr<Services> services, Actor actor)
    : wxPanel(parent), services_(std::move(services)), actor_(std::move(actor)) {
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    const std::vector<std::pair<wxString, int>> columns = {{"#", 40},          {_("Ticket"), 110}, {_("Member"), 150},
                                                           {_("What"), 120},   {_("Reason"), 220}, {_("Granted by"), 90},
                                                           {_("Granted"), 120}};
    for (const auto& [title, width] : columns) list_->AppendColumn(title, wxLIST_FORMAT_LEFT, FromDIP(width));
    list_->SetColumnWidth(6, time_column_width(this));  // Granted
    // Its columns may be wider than the page: the list scrolls rather than squeezing the
    // Approvals area's request detail beside the notebook.
    list_->SetMinSize(FromDIP(wxSize(320, 200)));
    sizer->Add(list_, 1, wxEXPAND | wxALL, gap);
    detail_ = new wxStaticText(this, wxID_ANY, wxString());
    sizer->Add(detail_, 0, wxEXPAND | wxLEFT | wxRIGHT, gap);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    open_ = new wxButton(this, wxID_ANY, _("&Open ticket…"));
    approve_ = new wxButton(this, wxID_ANY, _("&Approve and pay…"));
    reject_ = new wxButton(this, wxID_ANY, _("Re&ject…"));
    buttons->Add(open_, 0);
    buttons->AddStretchSpacer();
    buttons->Add(approve_, 0, wxRIGHT, gap);
    buttons->Add(reject_, 0);
    sizer->Add(buttons, 0, wxEXPAND | wxALL, gap);
    SetSizer(sizer);

    if (!role_may(actor_.role, Action::DecideCompensation)) {
        const wxString why = wxString::Format(_("Your role (%s) does not decide compensation; approvers, finance and "
                                                "administrators do."),
                                              to_wx(role_label(actor_.role)));
        approve_->SetToolTip(why);
        reject_->SetToolTip(why);
    }
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { show_selected(); });
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { open_ticket(); });
    approve_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { decide(true); });
    reject_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { decide(false); });
    open_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { open_ticket(); });
}

std::size_t CompensationInbox::reload() {
    pending_.clear();
    run_or_show_error(this, [&] { pending_ = services_->complaints.pending_compensations(actor_); });
    list_->Freeze();
    list_->DeleteAllItems();
    for (const PendingCompensation& p : pending_) {
        const CompensationRow& c = p.compensation;
        const long row = list_->InsertItem(list_->GetItemCount(), wxString::Format("%lld", static_cast<long long>(c.id)));
        list_->SetItem(row, 1, to_wx(p.ticket.ticket.number));
        list_->SetItem(row, 2, to_wx(p.ticket.member_number + " " + p.ticket.member_name));
        list_->SetItem(row, 3, what_of(c));
        list_->SetItem(row, 4, to_wx(c.reason));
        list_->SetItem(row, 5, to_wx(c.granted_by));
        list_->SetItem(row, 6, to_wx(display_business_time(c.granted_at)));
    }
    list_->Thaw();
    if (!pending_.empty()) list_->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    show_selected();
    return pending_.size();
}

const PendingCompensation* CompensationInbox::selected() const {
    const long row = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (row < 0 || static_cast<std::size_t>(row) >= pending_.size()) return nullptr;
    return &pending_[static_cast<std::size_t>(row)];
}

void CompensationInbox::show_selected() {
    const PendingCompensation* p = selected();
    const bool may_decide = role_may(actor_.role, Action::DecideCompensation);
    approve_->Enable(p && may_decide);
    reject_->Enable(p && may_decide);
    open_->Enable(p != nullptr);
    if (!p) {
        detail_->SetLabel(pending_.empty() ? _("No compensation waits for a decision.") : wxString());
        return;
    }
    const Complaint& t = p->ticket.ticket;
    detail_->SetLabel(wxString::Format(_("%s for %s on %s \"%s\" (%s, %s), granted by %s above the role's caps."),
                                       what_of(p->compensation), to_wx(p->ticket.member_name), to_wx(t.number),
                                       to_wx(t.subject), label_of(complaint_category_labels(), t.category),
                                       label_of(complaint_status_labels(), t.status), to_wx(p->compensation.granted_by)));
    detail_->Wrap(FromDIP(520));
    Layout();
}

void CompensationInbox::decide(bool approve) {
    const PendingCompensation* p = selected();
    if (!p) return;
    const std::int64_t id = p->compensation.id;
    const wxString what = wxString::Format(_("Compensation #%lld — %s on %s"), static_cast<long long>(id),
                                           what_of(p->compensation), to_wx(p->ticket.ticket.number));
    DecisionDialog dialog(
        this, approve, what,
        [&](const std::string& comment) { services_->complaints.decide_compensation(actor_, id, approve, comment); },
        approve ? _("Approve compensation") : _("Reject compensation"));
    dialog.ShowModal();
    reload();
}

void CompensationInbox::open_ticket() {
    const PendingCompensation* p = selected();
    if (!p) return;
    ComplaintWindow window(this, services_, actor_, p->ticket.ticket.number, [] {});
    window.ShowModal();
    reload();
}

}  // namespace md::views

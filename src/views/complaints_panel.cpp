#include "views/complaints_panel.h"

#include "models/date_text.h"
#include "models/role.h"
#include "models/translate.h"
#include "services/services.h"
#include "views/complaint_labels.h"
#include "views/complaint_window.h"
#include "views/dialog_buttons.h"
#include "views/error_dialog.h"
#include "views/heading.h"
#include "views/wx_text.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/listbox.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace md::views {
namespace {

wxString due_text(const DeadlineClock& c) {
    if (c.done_at) return _("done");
    // "12-01 11:00": month, day and time are what the desk reads; the year is this one or next.
    return c.due ? to_wx(format_instant(*c.due).substr(5, 11)) : _("paused");
}

// Opening a ticket: member, channel, category, severity, subject and description. The dialog
// stays open with what was typed when the core refuses it.
class NewComplaintDialog : public wxDialog {
public:
    using Recent = std::function<std::vector<ComplaintRow>(const std::string& member, const std::string& category)>;
    NewComplaintDialog(wxWindow* parent, Recent recent, std::function<void(const OpenComplaintRequest&)> open)
        : wxDialog(parent, wxID_ANY, _("New complaint")), recent_(std::move(recent)), open_(std::move(open)) {
        const int gap = FromDIP(8);
        auto* grid = new wxFlexGridSizer(2, FromDIP(5), gap);
        grid->AddGrowableCol(1);
        auto row = [&](const wxString& label, wxWindow* input) {
            grid->Add(new wxStaticText(this, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
            grid->Add(input, 1, wxEXPAND);
        };
        member_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(320, -1)));
        row(_("Member number:"), member_);
        channel_ = new wxChoice(this, wxID_ANY);
        fill_choice(channel_, complaint_channel_labels(), ComplaintChannel::Phone);
        row(wxGETTEXT_IN_CONTEXT("complaint", "Channel:"), channel_);  // how it reached us, not the member's sign-up channel
        category_ = new wxChoice(this, wxID_ANY);
        fill_choice(category_, complaint_category_labels(), ComplaintCategory::Delivery);
        row(_("Category:"), category_);
        severity_ = new wxChoice(this, wxID_ANY);
        fill_choice(severity_, complaint_severity_labels(), ComplaintSeverity::Normal);
        row(_("Severity:"), severity_);
        subject_ = new wxTextCtrl(this, wxID_ANY);
        row(_("Subject:"), subject_);
        description_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(-1, 80)), wxTE_MULTILINE);
        row(_("What the member said:"), description_);
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(grid, 1, wxEXPAND | wxALL, gap);
        sizer->Add(ok_cancel_buttons(this), 0, wxEXPAND | wxALL, gap);
        SetSizerAndFit(sizer);
        member_->SetFocus();
        Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
            OpenComplaintRequest r;
            r.member = to_utf8(member_->GetValue().Strip(wxString::both));
            r.channel = complaint_channel_code(chosen(channel_, complaint_channel_labels()));
            r.category = complaint_category_code(chosen(category_, complaint_category_labels()));
            r.severity = complaint_severity_code(chosen(severity_, complaint_severity_labels()));
            r.subject = to_utf8(subject_->GetValue());
            r.description = to_utf8(description_->GetValue());
            if (!offer_link(r)) return;
            if (run_or_show_error(this, [&] { open_(r); })) EndModal(wxID_OK);
        }, wxID_OK);
    }

private:
    // The member's ticket of the same category from the last 7 days, if any, offered for
    // linking before the new one is opened. False: the user went back to the form.
    bool offer_link(OpenComplaintRequest& r) {
        std::vector<ComplaintRow> earlier;
        try {
            earlier = recent_(r.member, r.category);
        } catch (const std::exception&) {
            return true;  // an unknown member or category: opening says what is wrong
        }
        if (earlier.empty()) return true;
        const ComplaintRow& last = earlier.front();
        wxMessageDialog ask(this,
                            wxString::Format(_("%s \"%s\", opened %s, is this member's ticket of the same category "
                                               "from the last 7 days. Link the new ticket to it as a repeat?"),
                                             to_wx(last.ticket.number), to_wx(last.ticket.subject),
                                             to_wx(display_business_time(last.ticket.opened_at))),
                            _("Possible duplicate"), wxYES_NO | wxCANCEL | wxICON_QUESTION);
        ask.SetYesNoCancelLabels(_("&Link as a repeat"), _("Open &separately"), _("&Back"));
        switch (ask.ShowModal()) {
        case wxID_YES: r.link_to = last.ticket.number; return true;
        case wxID_NO: return true;
        default: return false;
        }
    }

    Recent recent_;
    std::function<void(const OpenComplaintRequest&)> open_;
    wxTextCtrl *member_, *subject_, *description_;
    wxChoice *channel_, *category_, *severity_;
};

}  // namespace

ComplaintsPanel::ComplaintsPanel(wxWindow* parent, std::shared_ptr<Services> services, Actor actor, CountsObserver on_counts)
    : wxPanel(parent), services_(std::move(services)), actor_(std::move(actor)), on_counts_(std::move(on_counts)) {
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(bold_heading(this, _("Complaints")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(16));
    auto* add = new wxButton(this, wxID_ANY, _("&New complaint…"));
    auto* open = new wxButton(this, wxID_ANY, _("&Open"));
    auto* again = new wxButton(this, wxID_ANY, _("&Refresh"));
    add->Enable(role_may(actor_.role, Action::HandleComplaints));
    top->Add(add, 0, wxRIGHT, FromDIP(4));
    top->Add(open, 0, wxRIGHT, FromDIP(4));
    top->Add(again, 0);
    sizer->Add(top, 0, wxALL, gap);

    auto* body = new wxBoxSizer(wxHORIZONTAL);
    queues_ = new wxListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(180, -1)));
    body->Add(queues_, 0, wxEXPAND | wxRIGHT, gap);
    tickets_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    const std::vector<std::pair<wxString, int>> columns = {
        {_("Ticket"), 112}, {_("Member"), 115}, {_("Subject"), 140}, {_("Severity"), 60}, {_("Status"), 95},
        {_("Owner"), 75},   {_("Respond by"), 90}, {_("Resolve by"), 90}};
    for (const auto& [title, width] : columns) tickets_->AppendColumn(title, wxLIST_FORMAT_LEFT, FromDIP(width));
    body->Add(tickets_, 1, wxEXPAND);
    sizer->Add(body, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    SetSizer(sizer);

    queues_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent&) { refresh(); });
    again->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { refresh(); });
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { new_ticket(); });
    open->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const long row = tickets_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
        if (row >= 0) open_ticket(to_utf8(tickets_->GetItemText(row)));
    });
    tickets_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) { open_ticket(to_utf8(tickets_->GetItemText(e.GetIndex()))); });
}

void ComplaintsPanel::load() {
    for (const auto& l : complaint_queue_labels()) queues_->Append(wxGetTranslation(wxString::FromUTF8(l.msgid)));
    queues_->SetSelection(role_may(actor_.role, Action::HandleComplaints) ? 0 : 1);
    refresh();
}

void ComplaintsPanel::refresh() {
    const int selected = std::max(0, queues_->GetSelection());
    std::vector<ComplaintView> shown;
    run_or_show_error(this, [&] {
        if (role_may(actor_.role, Action::HandleComplaints)) services_->complaints.record_breaches(actor_);
        // Each queue with its count, so the desk sees at a glance where work waits.
        auto queues = services_->complaints.queues(actor_);
        if (on_counts_) on_counts_(queues[ComplaintQueue::Mine].size(), queues[ComplaintQueue::Breached].size());
        const auto& labels = complaint_queue_labels();
        for (std::size_t i = 0; i < labels.size(); ++i) {
            std::vector<ComplaintView>& q = queues[labels[i].value];
            queues_->SetString(static_cast<unsigned>(i), wxString::Format("%s (%zu)", wxGetTranslation(wxString::FromUTF8(labels[i].msgid)), q.size()));
            if (static_cast<int>(i) == selected) shown = std::move(q);
        }
    });
    queues_->SetSelection(selected);
    tickets_->DeleteAllItems();
    for (const ComplaintView& v : shown) {
        const Complaint& t = v.row.ticket;
        const long row = tickets_->InsertItem(tickets_->GetItemCount(), to_wx(t.number));
        tickets_->SetItem(row, 1, to_wx(v.row.member_number + " " + v.row.member_name) + (t.premium ? wxString::FromUTF8(" ★") : wxString()));
        tickets_->SetItem(row, 2, to_wx(t.subject));
        tickets_->SetItem(row, 3, label_of(complaint_severity_labels(), t.severity));
        tickets_->SetItem(row, 4, label_of(complaint_status_labels(), t.status));
        tickets_->SetItem(row, 5, to_wx(t.owner));
        tickets_->SetItem(row, 6, due_text(v.response));
        tickets_->SetItem(row, 7, due_text(v.resolution));
        const bool breached = (!v.response.done_at && v.response.state == DeadlineState::Breached) ||
                              (!v.resolution.done_at && v.resolution.state == DeadlineState::Breached);
        const bool near = v.response.state == DeadlineState::Near || v.resolution.state == DeadlineState::Near;
        if (breached) {
            tickets_->SetItemBackgroundColour(row, wxColour(250, 215, 215));
            tickets_->SetItemTextColour(row, wxColour(160, 20, 20));
        } else if (near) {
            tickets_->SetItemBackgroundColour(row, wxColour(255, 236, 190));
        }
    }
}

void ComplaintsPanel::open_ticket(const std::string& number) {
    ComplaintWindow window(this, services_, actor_, number, [this] { refresh(); });
    window.ShowModal();
    refresh();
}

void ComplaintsPanel::new_ticket() {
    std::string number;
    NewComplaintDialog dialog(
        this,
        [this](const std::string& member, const std::string& category) {
            return services_->complaints.recent_of_member(actor_, member, category);
        },
        [&](const OpenComplaintRequest& r) { number = services_->complaints.open(actor_, r).row.ticket.number; });
    if (dialog.ShowModal() != wxID_OK) return;
    refresh();
    open_ticket(number);
}

}  // namespace md::views

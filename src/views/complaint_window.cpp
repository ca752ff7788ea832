#include "views/complaint_window.h"

#include "models/date_text.h"
#include "models/errors.h"
#include "models/role.h"
#include "models/translate.h"
#include "services/services.h"
#include "views/complaint_labels.h"
#include "views/date_columns.h"
#include "views/error_dialog.h"
#include "views/heading.h"
#include "views/ledger_labels.h"
#include "views/wx_text.h"

#include <wx/button.h>
#include <wx/choicdlg.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/wrapsizer.h>
#include <wx/stattext.h>
#include <wx/textdlg.h>

namespace md::views {
namespace {

constexpr int kRecentPurchases = 5;

wxString clock_text(const wxString& what, const DeadlineClock& c) {
    const wxString due = c.due ? to_wx(display_time(*c.due)) : _("paused (waiting for the customer)");
    wxString text = wxString::Format(_("%s due %s"), what, due);
    if (c.done_at) text += " · " + wxString::Format(_("done %s"), to_wx(display_time(*c.done_at)));
    return text + " · " + label_of(deadline_state_labels(), c.state);
}

wxListCtrl* list(wxWindow* parent, const std::vector<std::pair<wxString, int>>& columns, int height) {
    auto* l = new wxListCtrl(parent, wxID_ANY, wxDefaultPosition, parent->FromDIP(wxSize(-1, height)), wxLC_REPORT | wxLC_SINGLE_SEL);
    for (const auto& [title, width] : columns) l->AppendColumn(title, wxLIST_FORMAT_LEFT, parent->FromDIP(width));
    return l;
}

}  // namespace

ComplaintWindow::ComplaintWindow(wxWindow* parent, std::shared_ptr<Services> services, Actor actor, const std::string& number,
                                 std::function<void()> on_changed)
    : wxDialog(parent, wxID_ANY, wxString::Format(_("Complaint %s"), to_wx(number)), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      services_(std::move(services)), actor_(std::move(actor)), number_(number), on_changed_(std::move(on_changed)) {
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    facts_ = new wxStaticText(this, wxID_ANY, wxString());
    member_ = new wxStaticText(this, wxID_ANY, wxString());
    top->Add(facts_, 1, wxRIGHT, FromDIP(16));
    auto* member_box = new wxBoxSizer(wxVERTICAL);
    member_box->Add(bold_heading(this, _("Member")), 0, wxBOTTOM, FromDIP(4));
    member_box->Add(member_, 0);
    top->Add(member_box, 1);
    sizer->Add(top, 0, wxEXPAND | wxALL, gap);
    clocks_ = new wxStaticText(this, wxID_ANY, wxString());
    clocks_->SetFont(clocks_->GetFont().Bold());
    sizer->Add(clocks_, 0, wxLEFT | wxRIGHT | wxBOTTOM, gap);

    sizer->Add(bold_heading(this, _("Timeline")), 0, wxLEFT | wxRIGHT, gap);
    timeline_ = list(this, {{_("When"), 130}, {_("Who"), 90}, {_("What"), 120}, {_("Text"), 420}}, 190);
    timeline_->SetColumnWidth(0, time_column_width(this));
    sizer->Add(timeline_, 1, wxEXPAND | wxALL, gap);
    sizer->Add(bold_heading(this, _("Compensation")), 0, wxLEFT | wxRIGHT, gap);
    compensations_ = list(this, {{_("Number"), 60}, {_("What"), 140}, {_("Compensation state"), 110}, {_("Granted by"), 100}, {_("Reason"), 330}}, 100);
    sizer->Add(compensations_, 0, wxEXPAND | wxALL, gap);

    auto* buttons = new wxWrapSizer(wxHORIZONTAL);
    struct ActionButton {
        wxString label;
        std::function<void()> run;
    };
    const std::vector<ActionButton> actions = {
        {_("Assign to &me"), [this] { act([this](int v) { services_->complaints.assign(actor_, number_, actor_.username, v); }); }},
        {_("&Note…"), [this] {
             if (auto text = ask(_("Note"), _("Note for the timeline:"), true))
                 act([&](int v) { services_->complaints.note(actor_, number_, *text, v); });
         }},
        {_("&Wait for customer…"), [this] {
             if (auto text = ask(_("Wait for the customer"), _("What is asked of the customer:"), false))
                 act([&](int v) { services_->complaints.wait(actor_, number_, *text, v); });
         }},
        {_("Res&ume"), [this] { act([this](int v) { services_->complaints.resume(actor_, number_, "", v); }); }},
        {_("&Resolve…"), [this] {
             if (auto text = ask(_("Resolve"), _("How it was resolved:"), true))
                 act([&](int v) { services_->complaints.resolve(actor_, number_, *text, "", v); });
         }},
        {_("C&lose ticket…"), [this] {
             wxArrayString scores;
             scores.Add(_("No score given"));
             for (int s = 1; s <= 5; ++s) scores.Add(wxString::Format("%d", s));
             const int chosen = wxGetSingleChoiceIndex(_("The member's satisfaction (1–5):"), _("Close"), scores, 0, this);
             if (chosen < 0) return;
             act([&](int v) { services_->complaints.close(actor_, number_, chosen > 0 ? std::optional(chosen) : std::nullopt, v); });
         }},
        {_("Re&open…"), [this] {
             if (auto text = ask(_("Reopen"), _("Why it is reopened:"), true))
                 act([&](int v) { services_->complaints.reopen(actor_, number_, *text, v); });
         }},
        {_("&Compensate…"), [this] { compensate(); }},
    };
    for (const ActionButton& a : actions) {
        auto* b = new wxButton(this, wxID_ANY, a.label);
        b->Enable(role_may(actor_.role, Action::HandleComplaints));
        b->Bind(wxEVT_BUTTON, [run = a.run](wxCommandEvent&) { run(); });
        buttons->Add(b, 0, wxRIGHT | wxBOTTOM, FromDIP(4));
    }
    auto* foot = new wxBoxSizer(wxHORIZONTAL);
    foot->Add(buttons, 1, wxEXPAND);
    auto* close = new wxButton(this, wxID_CLOSE, _("Close"));
    foot->Add(close, 0, wxALIGN_BOTTOM | wxBOTTOM, FromDIP(4));
    sizer->Add(foot, 0, wxEXPAND | wxALL, gap);
    SetSizer(sizer);
    SetEscapeId(wxID_CLOSE);
    close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EndModal(wxID_CLOSE); });
    reload();
    SetSize(FromDIP(wxSize(900, 660)));
}

void ComplaintWindow::reload() {
    ComplaintView v;
    if (run_or_show_error(this, [&] { v = services_->complaints.show(actor_, number_); })) show(v);
}

void ComplaintWindow::show(const ComplaintView& v) {
    const Complaint& t = v.row.ticket;
    version_ = v.row.version;
    wxString facts;
    facts << to_wx(t.subject) << "\n"
          << label_of(complaint_status_labels(), t.status) << " · " << label_of(complaint_severity_labels(), t.severity) << " · "
          << label_of(complaint_category_labels(), t.category) << " · " << label_of(complaint_channel_labels(), t.channel) << "\n"
          << wxString::Format(_("Opened %s · owner %s"), to_wx(display_business_time(t.opened_at)),
                              t.owner.empty() ? _("nobody yet") : to_wx(t.owner));
    if (t.premium) facts << "\n" << _("Premium member: fast channel");
    if (!t.description.empty()) facts << "\n" << to_wx(t.description);
    if (!t.resolution_note.empty()) facts << "\n" << wxString::Format(_("Resolution: %s"), to_wx(t.resolution_note));
    if (t.satisfaction) facts << "\n" << wxString::Format(_("Satisfaction: %d/5"), *t.satisfaction);
    if (!v.row.linked_number.empty()) facts << "\n" << wxString::Format(_("Repeats %s"), to_wx(v.row.linked_number));
    else
        for (const std::string& d : v.possible_duplicates)
            facts << "\n" << wxString::Format(_("Possible duplicate of %s"), to_wx(d));
    facts_->SetLabel(facts);
    clocks_->SetLabel(clock_text(_("Respond"), v.response) + "\n" + clock_text(_("Resolve"), v.resolution));
    clocks_->SetForegroundColour(v.response.state == DeadlineState::Breached || v.resolution.state == DeadlineState::Breached
                                     ? wxColour(200, 30, 30)
                                     : v.response.state == DeadlineState::Near || v.resolution.state == DeadlineState::Near
                                           ? wxColour(200, 110, 0)
                                           : wxColour(30, 120, 60));

    // The member: balances and recent purchases (a service desk's first questions).
    wxString member = to_wx(v.row.member_number + "  " + v.row.member_name);
    run_or_show_error(this, [&] {
        const AccountView a = services_->ledger.account(actor_, v.row.member_number);
        member << "\n"
               << wxString::Format(_("Stored value %s (compensation %s) · %lld coins"), to_wx(a.value.total().to_display()),
                                   to_wx(a.value.compensation.to_display()), static_cast<long long>(a.coins));
        int shown = 0;
        for (const LedgerEntry& e : services_->ledger.history(actor_, v.row.member_number, 50)) {
            if (e.type != EntryType::Purchase || shown == kRecentPurchases) continue;
            member << "\n" << to_wx(display_date(e.business_day)) << "  " << entry_type_label(e.type) << "  "
                   << to_wx(Money::from_fen(-e.amount).to_display());
            ++shown;
        }
    });
    member_->SetLabel(member);

    timeline_->DeleteAllItems();
    for (const ComplaintEvent& e : v.timeline) {
        const long row = timeline_->InsertItem(timeline_->GetItemCount(), to_wx(display_business_time(e.at)));
        timeline_->SetItem(row, 1, to_wx(e.actor));
        // "assigned" names the new owner; the status change beside it says "Assigned".
        wxString what = e.kind == "status" && e.to ? label_of(complaint_status_labels(), *e.to)
                        : e.kind == "note"         ? _("Note")
                        : e.kind == "assigned"     ? _("Owner")
                        : e.kind == "opened"       ? _("Opened")
                        : e.kind == "breach"       ? _("Deadline passed")
                                                   : _("Compensation");
        timeline_->SetItem(row, 2, what);
        const wxString text = e.kind != "breach"        ? to_wx(e.text)
                              : e.text == "response"    ? _("Response deadline: escalated to the team lead")
                                                        : _("Resolution deadline: escalated to the team lead");
        timeline_->SetItem(row, 3, text);
    }
    compensations_->DeleteAllItems();
    for (const CompensationRow& c : v.compensations) {
        const long row = compensations_->InsertItem(compensations_->GetItemCount(), wxString::Format("%lld", static_cast<long long>(c.id)));
        compensations_->SetItem(row, 1, c.kind == "coins" ? wxString::Format(_("%lld coins"), static_cast<long long>(c.coins))
                                        : c.kind == "stored_value" ? to_wx(c.amount.to_display())
                                                                   : to_wx(c.benefit));
        compensations_->SetItem(row, 2, c.state == "paid" ? _("Paid") : c.state == "pending" ? _("Waiting for approval") : _("Rejected"));
        compensations_->SetItem(row, 3, to_wx(c.granted_by));
        compensations_->SetItem(row, 4, to_wx(c.reason));
    }
    Layout();
}

void ComplaintWindow::act(const std::function<void(int version)>& action) {
    if (run_or_show_error(this, [&] { action(version_); }) && on_changed_) on_changed_();
    reload();  // after a conflict too: show what the other person saved
}

std::optional<std::string> ComplaintWindow::ask(const wxString& title, const wxString& label, bool required) {
    wxTextEntryDialog dialog(this, label, title, wxString(), wxOK | wxCANCEL);  // one line: Enter sends it
    while (dialog.ShowModal() == wxID_OK) {
        const std::string text = to_utf8(dialog.GetValue().Strip(wxString::both));
        if (!text.empty() || !required) return text;
        wxMessageBox(_("Please write something first."), title, wxOK | wxICON_INFORMATION, this);
    }
    return std::nullopt;
}

void ComplaintWindow::compensate() {
    wxArrayString kinds;
    kinds.Add(_("Coins"));
    kinds.Add(_("Stored value (compensation bucket)"));
    kinds.Add(_("A benefit (coupon, gift)"));
    const int kind = wxGetSingleChoiceIndex(_("What does the member get?"), _("Compensate"), kinds, 0, this);
    if (kind < 0) return;
    const auto amount = ask(_("Compensate"), kind == 0 ? _("Coins:") : kind == 1 ? _("Amount in yuan:") : _("The benefit:"), true);
    if (!amount) return;
    const auto reason = ask(_("Compensate"), _("Why:"), true);
    if (!reason) return;
    CompensationRow paid;
    const bool done = run_or_show_error(this, [&] {
        CompensationRequest r;
        r.reason = *reason;
        if (kind == 0) {
            r.kind = CompensationKind::Coins;
            std::size_t used = 0;
            long long coins = 0;
            try {
                coins = std::stoll(*amount, &used);
            } catch (const std::exception&) {
                used = 0;
            }
            if (used == 0 || used != amount->size())
                throw ValidationError("compensation.coins", *amount,
                                      subst(tr("compensation.coins: \"{0}\" is not a whole number of coins"), {*amount}));
            r.coins = coins;
        } else if (kind == 1) {
            r.kind = CompensationKind::StoredValue;
            r.amount = Money::parse(*amount, "compensation.stored_value");
        } else {
            r.kind = CompensationKind::Benefit;
            r.benefit = *amount;
        }
        paid = services_->complaints.compensate(actor_, number_, r);
    });
    if (done) {
        wxMessageBox(paid.state == "paid" ? _("Paid to the member.")
                                          : _("Above your caps: it waits for an approver's decision (Approvals area or the CLI)."),
                     _("Compensate"), wxOK | wxICON_INFORMATION, this);
        if (on_changed_) on_changed_();
    }
    reload();
}

}  // namespace md::views

#include "views/member_window.h"

#include "models/date_text.h"
#include "models/errors.h"
#include "models/role.h"
#include "services/services.h"
#include "views/account_page.h"
#include "views/date_columns.h"
#include "views/error_dialog.h"
#include "views/member_complaints_page.h"
#include "views/member_fields.h"
#include "views/member_labels.h"
#include "views/program_labels.h"
#include "views/tier_page.h"
#include "views/wx_text.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textdlg.h>

namespace md::views {
namespace {

wxString window_name(const std::string& number) { return "member-" + to_wx(number); }

wxString when_by(const Instant& at, const std::string& user) {
    if (user.empty()) return to_wx(display_business_time(at));
    return wxString::Format(_("%s by %s"), to_wx(display_business_time(at)), to_wx(user));
}

wxStaticText* add_fact(wxWindow* parent, wxFlexGridSizer* grid, const wxString& label) {
    grid->Add(new wxStaticText(parent, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
    auto* value = new wxStaticText(parent, wxID_ANY, wxString());
    grid->Add(value, 1, wxEXPAND | wxALIGN_CENTER_VERTICAL);
    return value;
}

}  // namespace

void MemberWindow::open(wxWindow* parent, std::shared_ptr<Services> services, const Actor& actor,
                        const std::string& number, std::function<void()> on_saved) {
    if (auto* open = dynamic_cast<MemberWindow*>(wxWindow::FindWindowByName(window_name(number)))) {
        open->Raise();
        return;
    }
    MemberRecord record;
    std::vector<StateChange> history;
    const bool loaded = run_or_show_error(parent, [&] {
        record = services->members.show(actor, number, false);
        history = services->members.history(actor, number);
    });
    if (!loaded) return;
    auto* window = new MemberWindow(parent, std::move(services), actor, record, history, std::move(on_saved));
    window->Show();
}

MemberWindow::MemberWindow(wxWindow* parent, std::shared_ptr<Services> services, Actor actor,
                           const MemberRecord& record, const std::vector<StateChange>& history,
                           std::function<void()> on_saved)
    : wxFrame(parent, wxID_ANY, wxString::Format(_("Member %s — %s"), to_wx(record.member.number), to_wx(record.member.name)),
              wxDefaultPosition, wxDefaultSize, wxDEFAULT_FRAME_STYLE | wxFRAME_FLOAT_ON_PARENT,
              window_name(record.member.number)),
      services_(std::move(services)),
      actor_(std::move(actor)),
      number_(record.member.number),
      on_saved_(std::move(on_saved)) {
    // Who registered the member is the actor of the first lifecycle entry (it has no "from").
    if (!history.empty() && !history.front().from) registered_by_ = history.front().actor;

    auto* background = new wxPanel(this);
    const int gap = FromDIP(8);
    auto* tabs = new wxNotebook(background, wxID_ANY);
    tabs->AddPage(build_profile(tabs), _("Profile"));
    tabs->AddPage(build_history(tabs, history), _("Lifecycle history"));
    if (role_may(actor_.role, Action::ViewAccounts)) {
        tabs->AddPage(new AccountPage(tabs, services_, actor_, number_), _("Stored value && points"));
    } else {
        auto* none = new wxPanel(tabs);
        auto* none_sizer = new wxBoxSizer(wxVERTICAL);
        none_sizer->Add(new wxStaticText(none, wxID_ANY, _("Your role does not see members' balances.")), 0, wxALL,
                        FromDIP(16));
        none->SetSizer(none_sizer);
        tabs->AddPage(none, _("Stored value && points"));
    }
    tabs->AddPage(new TierPage(tabs, services_, actor_, number_), _("Tiers"));
    if (role_may(actor_.role, Action::ViewComplaints))
        tabs->AddPage(new MemberComplaintsPage(tabs, services_, actor_, number_), _("Complaints"));

    auto* bottom = new wxBoxSizer(wxHORIZONTAL);
    status_ = new wxStaticText(background, wxID_ANY, wxString());
    save_ = new wxButton(background, wxID_SAVE, _("Save"));
    auto* close = new wxButton(background, wxID_CLOSE, _("Close"));
    auto* merge = new wxButton(background, wxID_ANY, _("&Merge a duplicate…"));
    bottom->Add(merge, 0, wxRIGHT, gap);
    bottom->Add(status_, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    bottom->Add(save_, 0, wxRIGHT, gap);
    bottom->Add(close, 0);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(tabs, 1, wxEXPAND | wxALL, gap);
    sizer->Add(bottom, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    background->SetSizer(sizer);

    fields_->fill(record);
    show_facts(record.member);
    show_committee_seat();

    // The buttons follow the permission table; the service checks every call anyway.
    const bool may_edit = role_may(actor_.role, Action::ManageMembers);
    fields_->set_editable(may_edit);
    save_->Enable(may_edit);
    save_->SetToolTip(may_edit ? _("Save the profile (Ctrl+S)") : _("Your role may look at members but not change them."));
    tabs->SetToolTip(_("Ctrl+1, Ctrl+2… switch between the tabs."));

    save_->Bind(wxEVT_BUTTON, &MemberWindow::on_save, this);
    const bool may_merge = role_may(actor_.role, Action::MergeMembers);
    merge->Enable(may_merge);
    merge->SetToolTip(may_merge ? _("Fold another record of the same person into this one; this number is kept.")
                                : _("Your role may not merge member records."));
    merge->Bind(wxEVT_BUTTON, &MemberWindow::on_merge, this);
    // Save belongs to the profile; on the other tabs it would suggest they are editable.
    tabs->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this, background, tabs](wxBookCtrlEvent& event) {
        save_->Show(event.GetSelection() == 0);
        // A purchase on the account tab may have moved the tier: show it as it is now.
        wxWindow* page = tabs->GetPage(static_cast<std::size_t>(event.GetSelection()));
        if (auto* tiers = dynamic_cast<TierPage*>(page)) tiers->reload();
        if (auto* complaints = dynamic_cast<MemberComplaintsPage*>(page)) complaints->reload();
        background->Layout();
    });
    close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); });
    show_contact_->Bind(wxEVT_BUTTON, &MemberWindow::on_show_contact, this);
    // Escape closes, Ctrl+S saves: the keys people use in every other editor. Ctrl+1, 2, 3 go to
    // a tab, as in a browser.
    Bind(wxEVT_CHAR_HOOK, [this, tabs](wxKeyEvent& event) {
        const int key = event.GetKeyCode();
        if (key == WXK_ESCAPE) {
            Close();
        } else if (event.GetModifiers() == wxMOD_CONTROL && key >= '1' && key < '1' + static_cast<int>(tabs->GetPageCount())) {
            tabs->SetSelection(key - '1');
        } else if (event.GetModifiers() == wxMOD_CONTROL && event.GetKeyCode() == 'S' && save_->IsEnabled()) {
            wxCommandEvent ignored;
            on_save(ignored);
        } else {
            event.Skip();
        }
    });

    SetSize(FromDIP(wxSize(820, 700)));
    CentreOnParent();
}

wxWindow* MemberWindow::build_profile(wxWindow* parent) {
    auto* page = new wxPanel(parent);
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);

    auto* facts = new wxFlexGridSizer(4, FromDIP(wxSize(10, 4)));
    facts->AddGrowableCol(1, 1);
    facts->AddGrowableCol(3, 1);
    number_value_ = add_fact(page, facts, _("Member number:"));
    state_value_ = add_fact(page, facts, _("State:"));
    referrer_value_ = add_fact(page, facts, _("Referrer:"));
    version_value_ = add_fact(page, facts, _("Version:"));
    created_value_ = add_fact(page, facts, _("Created:"));
    updated_value_ = add_fact(page, facts, _("Updated:"));
    number_value_->SetFont(number_value_->GetFont().Bold());
    sizer->Add(facts, 0, wxEXPAND | wxALL, gap);

    seat_ = new wxStaticText(page, wxID_ANY, wxString());
    sizer->Add(seat_, 0, wxLEFT | wxRIGHT | wxBOTTOM, gap);

    auto* contact = new wxBoxSizer(wxHORIZONTAL);
    show_contact_ = new wxButton(page, wxID_ANY, _("Show full contact"));
    contact_note_ = new wxStaticText(page, wxID_ANY, wxString());
    contact->Add(show_contact_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    contact->Add(contact_note_, 1, wxALIGN_CENTER_VERTICAL);
    sizer->Add(contact, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);

    show_masked_contact_state();

    fields_ = new MemberFields(page, false);
    sizer->Add(fields_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    page->SetSizer(sizer);
    return page;
}

wxWindow* MemberWindow::build_history(wxWindow* parent, const std::vector<StateChange>& history) {
    auto* page = new wxPanel(parent);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    history_ = new wxListCtrl(page, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    history_->AppendColumn(_("When"), wxLIST_FORMAT_LEFT, time_column_width(this));
    history_->AppendColumn(_("From"), wxLIST_FORMAT_LEFT, FromDIP(100));
    history_->AppendColumn(_("To"), wxLIST_FORMAT_LEFT, FromDIP(100));
    history_->AppendColumn(_("Reason"), wxLIST_FORMAT_LEFT, FromDIP(300));
    history_->AppendColumn(_("Changed by"), wxLIST_FORMAT_LEFT, FromDIP(100));
    show_history(history);
    sizer->Add(history_, 1, wxEXPAND | wxALL, FromDIP(8));
    page->SetSizer(sizer);
    return page;
}

void MemberWindow::show_history(const std::vector<StateChange>& history) {
    history_->DeleteAllItems();
    for (std::size_t i = 0; i < history.size(); ++i) {
        const StateChange& change = history[i];
        const long row = history_->InsertItem(static_cast<long>(i), to_wx(display_business_time(change.at)));
        history_->SetItem(row, 1, change.from ? label_of(lifecycle_labels(), *change.from) : _("(new)"));
        history_->SetItem(row, 2, label_of(lifecycle_labels(), change.to));
        history_->SetItem(row, 3, to_wx(change.reason));
        history_->SetItem(row, 4, to_wx(change.actor));
    }
}

void MemberWindow::show_masked_contact_state() {
    if (role_may(actor_.role, Action::ViewPersonalData)) {
        show_contact_->Enable();
        contact_note_->SetLabel(_("Mobile and e-mail are masked. Showing them in full is recorded in the audit trail."));
        show_contact_->SetToolTip(_("Shows the full mobile and e-mail; the view is recorded in the audit trail."));
    } else {
        show_contact_->Disable();
        contact_note_->SetLabel(_("Mobile and e-mail are masked for your role."));
        show_contact_->SetToolTip(_("Your role may not see full mobile numbers and e-mails."));
    }
}

void MemberWindow::show_facts(const Member& m) {
    version_ = m.version;
    number_value_->SetLabel(to_wx(m.number));
    state_value_->SetLabel(label_of(lifecycle_labels(), m.state));
    referrer_value_->SetLabel(m.referrer_number.empty() ? _("(none)") : to_wx(m.referrer_number));
    version_value_->SetLabel(wxString::Format("%d", m.version));
    created_value_->SetLabel(when_by(m.created_at, registered_by_));
    updated_value_->SetLabel(when_by(m.updated_at, m.updated_by));
    SetTitle(wxString::Format(_("Member %s — %s"), to_wx(m.number), to_wx(m.name)));
}

void MemberWindow::show_committee_seat() {
    // The seat is part of the programme in force today; a role that may not read the
    // programme simply sees no seat line.
    try {
        const Date today = to_business_time(now_utc()).date();
        for (const CommitteeSeat& seat : services_->program.program_as_of(actor_, today).committee) {
            if (seat.member_number != number_) continue;
            seat_->SetLabel(wxString::Format(_("Advisory committee: %s, term %s to %s"),
                                             label_of(committee_role_labels(), seat.role),
                                             to_wx(display_date(seat.term_start)), to_wx(display_date(seat.term_end))));
            seat_->SetFont(seat_->GetFont().Bold());
            return;
        }
    } catch (const PermissionError&) {
    }
    seat_->Hide();
}

void MemberWindow::on_save(wxCommandEvent&) {
    status_->SetLabel(wxString());
    if (!fields_->changed()) {
        status_->SetLabel(_("Nothing to save: no field was changed."));
        return;
    }
    const MemberInput changes = fields_->changes();
    try {
        const MemberRecord saved = services_->members.edit(actor_, number_, changes, version_);
        fields_->fill(saved);
        show_facts(saved.member);
        // The saved record comes back masked; the full contact is one more (audited) click.
        show_masked_contact_state();
        status_->SetLabel(wxString::Format(_("Saved as version %d."), saved.member.version));
        if (on_saved_) on_saved_();
    } catch (const ValidationError& e) {
        fields_->show_invalid(e);
    } catch (const StaleEditError& e) {
        show_error(this, e, _("Your input is kept. Save again to apply your changes over theirs, or close the window to drop them."));
        // Only the facts move to the newer version: the form keeps what was typed, and the
        // next Save sends only the fields this person changed.
        try {
            show_facts(services_->members.show(actor_, number_, false).member);
        } catch (const std::exception&) {
        }
    } catch (const std::exception& e) {
        show_error(this, e);
    }
    Layout();
}

void MemberWindow::on_merge(wxCommandEvent&) {
    // Ask for the duplicate's number; a refusal shows why and asks again with what was typed.
    wxString typed;
    while (true) {
        wxTextEntryDialog ask(this,
                              wxString::Format(_("Number of the duplicate record to merge into %s. The duplicate's history "
                                                 "moves here, blank fields here are filled from it, and its number will "
                                                 "lead to this member."),
                                               to_wx(number_)),
                              _("Merge a duplicate"), typed);
        if (ask.ShowModal() != wxID_OK) return;
        typed = ask.GetValue().Strip(wxString::both).Upper();
        MemberRecord duplicate;
        if (!run_or_show_error(this, [&] { duplicate = services_->members.show(actor_, to_utf8(typed), false); })) continue;
        const Member& d = duplicate.member;
        const int answer = wxMessageBox(
            wxString::Format(_("Merge %s (%s, %s) into %s? This cannot be undone from the console."), to_wx(d.number),
                             to_wx(d.name), mobile_text(d, duplicate.masked), to_wx(number_)),
            _("Merge a duplicate"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION, this);
        if (answer != wxYES) continue;
        if (!run_or_show_error(this, [&] {
                services_->merges.merge(actor_, number_, d.number, version_, d.version);
            }, _("Nothing was merged. Look at both records again before merging.")))
            continue;
        break;
    }
    // Both records changed: show the merged one.
    run_or_show_error(this, [&] {
        const MemberRecord merged = services_->members.show(actor_, number_, false);
        fields_->fill(merged);
        show_facts(merged.member);
        show_masked_contact_state();
        show_history(services_->members.history(actor_, number_));
    });
    status_->SetLabel(wxString::Format(_("%s was merged into this member."), typed));
    if (on_saved_) on_saved_();
    Layout();
}

void MemberWindow::on_show_contact(wxCommandEvent&) {
    try {
        const MemberRecord full = services_->members.show(actor_, number_, true);
        fields_->show_contact(full);
        show_contact_->Disable();
        contact_note_->SetLabel(_("Full mobile and e-mail shown; this view was recorded in the audit trail."));
    } catch (const std::exception& e) {
        show_error(this, e);
    }
}

}  // namespace md::views

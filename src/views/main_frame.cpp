#include "views/main_frame.h"

#include "services/services.h"
#include "views/admin_panel.h"
#include "views/app_icons.h"
#include "views/approvals_panel.h"
#include "views/campaigns_panel.h"
#include "views/complaints_panel.h"
#include "views/cards_panel.h"
#include "views/areas.h"
#include "views/audit_panel.h"
#include "views/members_panel.h"
#include "views/program_panel.h"
#include "views/recent_databases.h"
#include "views/reports_panel.h"
#include "views/wx_text.h"

#include <wx/infobar.h>
#include <wx/listbox.h>
#include <wx/panel.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/statusbr.h>
#include <wx/timer.h>

namespace md::views {

MainFrame::MainFrame(std::shared_ptr<Services> services, Actor actor,
                     std::function<void(const std::string&)> switch_database)
    : wxFrame(nullptr, wxID_ANY, "MemberDesk"),
      services_(std::move(services)),
      actor_(std::move(actor)),
      // Before another database's frame replaces this one, its layout is kept for the next.
      switch_database_([this, next = std::move(switch_database)](const std::string& url) {
          save_layout();
          next(url);
      }) {
    splitter_ = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
    navigation_ = new wxListBox(splitter_, wxID_ANY);
    pages_ = new wxSimplebook(splitter_, wxID_ANY);
    // Each area's panel is made when it is first shown: sign-in opens on the first area without
    // waiting for the widgets of the eight others. Each page is a holder the panel fills then.
    for (const Area& area : all_areas()) {
        navigation_->Append(translated(area.name));
        const AreaId id = area.id;
        page_makers_.push_back([this, id](wxWindow* holder) -> wxWindow* {
            switch (id) {
                case AreaId::Members: return new MembersPanel(holder, services_, actor_);
                case AreaId::Program: return new ProgramPanel(holder, services_, actor_);
                case AreaId::CardsAndStoredValue: return new CardsPanel(holder, services_, actor_);
                case AreaId::Packages: return new ProgramPanel(holder, services_, actor_, ProgramScope::MealPackages);
                case AreaId::Campaigns: return new CampaignsPanel(holder, services_, actor_);
                case AreaId::Committee: return new ProgramPanel(holder, services_, actor_, ProgramScope::Committee);
                case AreaId::Complaints:
                    return new ComplaintsPanel(holder, services_, actor_, [this](std::size_t mine, std::size_t breached) {
                        show_complaint_counts(mine, breached);
                    });
                case AreaId::Approvals: return new ApprovalsPanel(holder, services_, actor_);
                case AreaId::Reports: return new ReportsPanel(holder, services_, actor_);
                case AreaId::Audit: return new AuditPanel(holder, services_, actor_);
                case AreaId::Admin:
                    return new AdminPanel(holder, services_, actor_,
                                          [this] { switch_database_(services_->database().url().url); });
            }
            return nullptr;  // not reached: the switch names every area (-Wswitch says when one is new)
        });
        auto* holder = new wxPanel(pages_);
        holder->SetSizer(new wxBoxSizer(wxVERTICAL));
        pages_->AddPage(holder, translated(area.name));
    }
    splitter_->SetMinimumPaneSize(FromDIP(120));
    splitter_->SplitVertically(navigation_, pages_, FromDIP(190));
    backup_reminder_ = new wxInfoBar(this);
    auto* frame_sizer = new wxBoxSizer(wxVERTICAL);
    frame_sizer->Add(backup_reminder_, 0, wxEXPAND);
    frame_sizer->Add(splitter_, 1, wxEXPAND);
    SetSizer(frame_sizer);
    SetIcons(app_icons());

    build_menus();
    build_toolbar();
    build_status_bar();
    navigation_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent& event) { show_area(event.GetSelection()); });
    navigation_->SetSelection(0);
    show_area(0);
    count_complaints();
    complaint_timer_ = new wxTimer(this);
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { count_complaints(); }, complaint_timer_->GetId());
    complaint_timer_->Start(60 * 1000);
    restore_layout();
    Bind(wxEVT_CLOSE_WINDOW, &MainFrame::on_close, this);
    remember_database(services_->database().url().url);
    remind_of_backup();
}

void MainFrame::remind_of_backup() {
    if (!role_may(actor_.role, Action::BackupDatabase)) return;
    BackupStatus status;
    try {
        status = services_->backups.status(actor_);
    } catch (const std::exception&) {
        return;  // a reminder is a hint; the Backups tab reports what went wrong
    }
    if (!status.overdue) return;
    static const int kBackUpNow = wxNewId();
    // The info bar shows a label as written (no mnemonic): the page button has Alt+B.
    backup_reminder_->AddButton(kBackUpNow, _("Back up now…"));
    backup_reminder_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        backup_reminder_->Dismiss();
        if (auto* admin = dynamic_cast<AdminPanel*>(open_area(AreaId::Admin))) admin->back_up_now();
    }, kBackUpNow);
    backup_reminder_->ShowMessage(
        status.last_at ? wxString::Format(_("The last backup of this database was %ld days ago (the reminder is set "
                                            "to %d days)."),
                                          *status.days_since, status.reminder_days)
                       : _("This database has never been backed up."),
        wxICON_WARNING);
}

void MainFrame::focus_navigation() { navigation_->SetFocus(); }

void MainFrame::build_status_bar() {
    CreateStatusBar(3);
    const int widths[] = {-3, -2, -2};
    SetStatusWidths(3, widths);
    SetStatusText(wxString::Format(_("Database: %s"), to_wx(services_->database().url().display)), 0);
    SetStatusText(wxString::Format(_("Signed in: %s (%s)"), to_wx(actor_.display_name), to_wx(actor_.username)), 1);
    SetStatusText(wxString::Format(_("Role: %s"), to_wx(role_label(actor_.role))), 2);
}

void MainFrame::show_area(int index) {
    if (index < 0 || static_cast<std::size_t>(index) >= all_areas().size()) return;
    const auto at = static_cast<std::size_t>(index);
    wxWindow* holder = pages_->GetPage(at);
    if (page_makers_[at]) {
        holder->GetSizer()->Add(page_makers_[at](holder), 1, wxEXPAND);
        page_makers_[at] = nullptr;
        holder->Layout();
    }
    pages_->ChangeSelection(at);
    // The product name stays as is in every language; only the area name is translated.
    SetTitle("MemberDesk — " + translated(all_areas()[static_cast<std::size_t>(index)].name));
    if (auto* lazy = dynamic_cast<LazyArea*>(holder->GetChildren().GetFirst()->GetData())) lazy->show_first_time();
}

wxWindow* MainFrame::open_area(AreaId id) {
    const auto& areas = all_areas();
    for (std::size_t i = 0; i < areas.size(); ++i) {
        if (areas[i].id != id) continue;
        navigation_->SetSelection(static_cast<int>(i));
        show_area(static_cast<int>(i));
        return pages_->GetPage(i)->GetChildren().GetFirst()->GetData();
    }
    return nullptr;
}

void MainFrame::find_member() {
    if (auto* members = dynamic_cast<MembersPanel*>(open_area(AreaId::Members))) members->focus_search();
}

void MainFrame::count_complaints() {
    if (!role_may(actor_.role, Action::ViewComplaints)) return;
    try {
        const auto queues = services_->complaints.queues(actor_);
        auto size_of = [&](ComplaintQueue q) { return queues.count(q) ? queues.at(q).size() : std::size_t(0); };
        show_complaint_counts(size_of(ComplaintQueue::Mine), size_of(ComplaintQueue::Breached));
    } catch (const std::exception&) {
        // A count is a hint; the area itself reports what went wrong when opened.
    }
}

void MainFrame::show_complaint_counts(std::size_t mine, std::size_t breached) {
    const auto& areas = all_areas();
    for (std::size_t i = 0; i < areas.size(); ++i) {
        if (areas[i].id != AreaId::Complaints) continue;
        wxString label = translated(areas[i].name);
        if (mine || breached) label += wxString::Format(_(" (mine %zu, late %zu)"), mine, breached);
        if (navigation_->GetString(static_cast<unsigned>(i)) != label) navigation_->SetString(static_cast<unsigned>(i), label);
    }
}

}  // namespace md::views

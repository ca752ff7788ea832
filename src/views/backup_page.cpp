#include "views/backup_page.h"

#include "models/date_text.h"
#include "services/database_restore.h"
#include "services/services.h"
#include "views/error_dialog.h"
#include "views/heading.h"
#include "views/wx_text.h"

#include <algorithm>

#include <wx/button.h>
#include <wx/busyinfo.h>
#include <wx/datetime.h>
#include <wx/filedlg.h>
#include <wx/msgdlg.h>
#include <wx/progdlg.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/utils.h>

namespace md::views {

BackupPage::BackupPage(wxWindow* parent, std::shared_ptr<Services> services, Actor actor, std::function<void()> reopen)
    : wxPanel(parent), services_(std::move(services)), actor_(std::move(actor)), reopen_(std::move(reopen)) {
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(bold_heading(this, _("Backups")), 0, wxALL, gap);
    last_backup_ = new wxStaticText(this, wxID_ANY, wxString());
    sizer->Add(last_backup_, 0, wxLEFT | wxRIGHT, gap);
    due_ = new wxStaticText(this, wxID_ANY, wxString());
    due_->SetFont(due_->GetFont().Bold());
    sizer->Add(due_, 0, wxLEFT | wxRIGHT | wxTOP, gap);

    auto* actions = new wxBoxSizer(wxHORIZONTAL);
    back_up_ = new wxButton(this, wxID_ANY, _("&Back up now…"));
    back_up_->SetToolTip(_("Writes a copy of the whole database to a new file. Everyone can go on working meanwhile."));
    restore_ = new wxButton(this, wxID_ANY, _("&Restore from a backup…"));
    restore_->SetToolTip(_("Replaces everything in this database with a backup's contents, after checking the backup."));
    actions->Add(back_up_, 0, wxRIGHT, gap);
    actions->Add(restore_, 0);
    sizer->Add(actions, 0, wxALL, gap);

    auto* reminder = new wxBoxSizer(wxHORIZONTAL);
    reminder->Add(new wxStaticText(this, wxID_ANY, _("Remind me when the last backup is this many days old:")), 0,
                  wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(4));
    reminder_days_ = new wxSpinCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(130, -1)),
                                    wxSP_ARROW_KEYS, 1, 365, BackupService::kDefaultReminderDays);
    reminder->Add(reminder_days_, 0, wxRIGHT, FromDIP(4));
    save_reminder_ = new wxButton(this, wxID_ANY, _("&Save"));
    reminder->Add(save_reminder_, 0);
    sizer->Add(reminder, 0, wxALL, gap);
    SetSizer(sizer);

    const bool admin = role_may(actor_.role, Action::BackupDatabase);
    for (wxWindow* w : std::initializer_list<wxWindow*>{back_up_, restore_, reminder_days_, save_reminder_}) w->Enable(admin);
    back_up_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { back_up_now(); });
    restore_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { restore_from_file(); });
    save_reminder_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save_reminder(); });
}

void BackupPage::load() {
    if (!role_may(actor_.role, Action::BackupDatabase)) {
        last_backup_->SetLabel(_("Backups are made and restored by an administrator."));
        return;
    }
    try {
        const BackupStatus s = services_->backups.status(actor_);
        last_backup_->SetLabel(
            s.last_at ? wxString::Format(_("Last backup: %s (%ld days ago), %s"), to_wx(display_business_time(*s.last_at)),
                                         *s.days_since, to_wx(s.last_file))
                      : _("Last backup: never"));
        due_->SetLabel(s.overdue ? _("A backup is due.") : wxString());
        reminder_days_->SetValue(s.reminder_days);
    } catch (const std::exception& e) {
        last_backup_->SetLabel(to_wx(e.what()));
    }
    Layout();
}

void BackupPage::back_up_now() {
    const bool sqlite = services_->database().backend() == Backend::Sqlite;
    const wxString suggested = wxDateTime::Now().Format("memberdesk-%Y%m%d-%H%M") + (sqlite ? ".db" : ".dump");
    wxFileDialog ask(this, _("Back up the database"), wxString(), suggested,
                     sqlite ? _("MemberDesk backup (*.db)|*.db") : _("PostgreSQL dump (*.dump)|*.dump"),
                     wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (ask.ShowModal() != wxID_OK) return;
    BackupReport report;
    const bool done = run_or_show_error(this, [&] {
        const int range = 1000;  // thousandths of the pages copied; pg_dump only pulses
        wxProgressDialog progress(_("Backing up the database"), _("Copying…"), range, this,
                                  wxPD_APP_MODAL | wxPD_AUTO_HIDE | wxPD_CAN_ABORT | wxPD_ELAPSED_TIME);
        // Cancel answers false: the backup stops, its partial file is removed and nothing is recorded.
        report = services_->backups.backup(actor_, to_utf8(ask.GetPath()), [&](int permille) {
            if (permille < 0) return progress.Pulse(_("pg_dump is writing the archive…"));
            return progress.Update(std::min(permille, range - 1),
                                   wxString::Format(_("%d%% of the database copied"), permille / 10));
        });
        progress.Update(range);
    });
    if (!done) return;
    load();
    wxMessageBox(wxString::Format(_("Backed up to %s (%s bytes)."), to_wx(report.file),
                                  wxString::Format("%llu", static_cast<unsigned long long>(report.bytes))),
                 _("Backup"), wxOK | wxICON_INFORMATION, this);
}

void BackupPage::restore_from_file() {
    wxFileDialog ask(this, _("Restore from a backup"), wxString(), wxString(),
                     _("MemberDesk backups (*.db;*.dump)|*.db;*.dump|All files (*)|*"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (ask.ShowModal() != wxID_OK) return;
    const wxString target = to_wx(services_->database().url().display);
    wxMessageDialog confirm(
        this,
        wxString::Format(_("Replace everything in %s with the contents of %s?\n\nEvery change made since that backup "
                           "is lost. Other consoles should close first. The backup is checked before anything "
                           "is replaced."),
                         target, ask.GetPath()),
        _("Restore from a backup"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
    confirm.SetYesNoLabels(_("&Replace"), _("&Cancel"));
    if (confirm.ShowModal() != wxID_YES) return;
    RestoreReport report;
    const bool done = run_or_show_error(this, [&] {
        wxBusyCursor busy;
        wxBusyInfo info(_("Checking and restoring the backup…"), this);
        const Actor actor = actor_;
        report = restore_database(services_->database().url(), to_utf8(ask.GetPath()), true,
                                  [actor] { return actor; }, &now_utc);
    });
    if (!done) return;
    wxMessageBox(wxString::Format(_("Restored %s: %lld members, %lld users. The database passed its check and its "
                                    "audit chain is intact.\n\nSign in again to go on."),
                                  to_wx(report.file), report.members, report.users),
                 _("Restore"), wxOK | wxICON_INFORMATION, this);
    reopen_();
}

void BackupPage::save_reminder() {
    if (run_or_show_error(this, [&] { services_->backups.set_reminder_days(actor_, reminder_days_->GetValue()); })) load();
}

}  // namespace md::views

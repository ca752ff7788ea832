// MainFrame's commands: the menus with their accelerators, the toolbar with the main actions,
// and the layout kept between runs. Every command is reachable from the menus; the toolbar
// repeats the ones used most, with the same ids, so enabling by role applies to both.
#include "views/main_frame.h"

#include "db/database_url.h"
#include "services/services.h"
#include "views/app_icons.h"
#include "views/lifecycle_job_dialog.h"
#include "views/member_export_dialog.h"
#include "views/member_import_dialog.h"
#include "views/open_database_dialog.h"
#include "views/preferences_dialog.h"
#include "views/recent_databases.h"
#include "views/tier_recompute_dialog.h"
#include "views/user_guide_window.h"
#include "views/wx_text.h"

#include <wx/aboutdlg.h>
#include <wx/artprov.h>
#include <wx/config.h>
#include <wx/menu.h>
#include <wx/persist/toplevel.h>
#include <wx/splitter.h>
#include <wx/toolbar.h>

namespace md::views {
namespace {

enum MenuId {
    IdOpenDatabase = wxID_HIGHEST + 1,
    IdLifecycleJob,
    IdRecomputeTiers,
    IdImportMembers,
    IdExportMembers,
    IdFindMember,
    IdShowReports,
    IdShowApprovals,
    IdUserGuide,
    IdRecentFirst,  // IdRecentFirst + i opens the i-th recent database
};

const char* const kNavigationWidthKey = "/MainFrame/NavigationWidth";

}  // namespace

void MainFrame::build_menus() {
    auto* file = new wxMenu();
    file->Append(IdOpenDatabase, _("&Open database…\tCtrl+O"), _("Open a SQLite file or a PostgreSQL database"));
    file->AppendSubMenu(build_recent_menu(), _("Open &recent"));
    file->AppendSeparator();
    file->Append(wxID_PREFERENCES, _("&Preferences…"));
    file->AppendSeparator();
    file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"));
    auto* members = new wxMenu();
    members->Append(IdFindMember, _("&Find member…\tCtrl+F"),
                    _("Find a member by number, mobile, its last 4 digits, name or pinyin initials"));
    members->AppendSeparator();
    members->Append(IdImportMembers, _("&Import members…"))->Enable(role_may(actor_.role, Action::ManageMembers));
    members->Append(IdExportMembers, _("&Export members…"))->Enable(role_may(actor_.role, Action::ViewMembers));
    members->AppendSeparator();
    wxMenuItem* lifecycle = members->Append(IdLifecycleJob, _("&Lifecycle job…"));
    // Shown to everyone so the feature can be found; enabled for the roles that may run it.
    lifecycle->Enable(role_may(actor_.role, Action::RunLifecycle));
    members->Append(IdRecomputeTiers, _("Recompute &tiers…"))->Enable(role_may(actor_.role, Action::RecomputeTiers));
    auto* help = new wxMenu();
    help->Append(IdUserGuide, _("&User guide\tF1"));
    help->AppendSeparator();
    help->Append(wxID_ABOUT, _("&About MemberDesk"));
    auto* bar = new wxMenuBar();
    bar->Append(file, _("&File"));
    bar->Append(members, _("&Members"));
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);

    Bind(wxEVT_MENU, &MainFrame::on_open_database, this, IdOpenDatabase);
    Bind(wxEVT_MENU, &MainFrame::on_preferences, this, wxID_PREFERENCES);
    Bind(wxEVT_MENU, &MainFrame::on_about, this, wxID_ABOUT);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { find_member(); }, IdFindMember);
    // GTK's list and tree widgets (the area list, every report list) take Ctrl+F for their own
    // type-ahead search before the menu sees it; the frame hears every key first, so it is here.
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& event) {
        if (event.GetModifiers() == wxMOD_CONTROL && event.GetKeyCode() == 'F') {
            find_member();
            return;
        }
        event.Skip();
    });
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { UserGuideWindow::show(this); }, IdUserGuide);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { open_area(AreaId::Reports); }, IdShowReports);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { open_area(AreaId::Approvals); }, IdShowApprovals);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) {
        LifecycleJobDialog job(this, services_, actor_);
        job.ShowModal();
    }, IdLifecycleJob);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) {
        TierRecomputeDialog recompute(this, services_, actor_);
        recompute.ShowModal();
    }, IdRecomputeTiers);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) {
        MemberImportDialog import(this, services_, actor_);
        import.ShowModal();
    }, IdImportMembers);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { export_members_interactively(this, *services_, actor_); }, IdExportMembers);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
}

wxMenu* MainFrame::build_recent_menu() {
    auto* recent = new wxMenu();
    const std::vector<std::string> urls = recent_databases();
    const std::string current = url_without_password(services_->database().url().url);
    for (std::size_t i = 0; i < urls.size(); ++i) {
        wxString shown;
        try {
            shown = to_wx(parse_database_url(urls[i]).display);
        } catch (const std::exception&) {
            shown = to_wx(urls[i]);  // an entry this version cannot read is still shown as kept
        }
        // &1 … &8: the entry's number is its mnemonic, as in other programs' recent lists.
        wxMenuItem* item = recent->Append(IdRecentFirst + static_cast<int>(i),
                                          wxString::Format("&%zu %s", i + 1, shown), to_wx(urls[i]));
        if (urls[i] == current) item->Enable(false);  // the one open now
        const std::string url = urls[i];
        Bind(wxEVT_MENU, [this, url](wxCommandEvent&) { switch_database_(url); }, IdRecentFirst + static_cast<int>(i));
    }
    if (urls.empty()) recent->Append(wxID_ANY, _("(none yet)"))->Enable(false);
    return recent;
}

void MainFrame::build_toolbar() {
    wxToolBar* tools = CreateToolBar(wxTB_HORIZONTAL | wxTB_FLAT | wxTB_TEXT);
    auto icon = [](const wxArtID& id) { return wxArtProvider::GetBitmapBundle(id, wxART_TOOLBAR); };
    tools->AddTool(IdOpenDatabase, _("Open"), icon(wxART_FILE_OPEN), _("Open database (Ctrl+O)"));
    tools->AddSeparator();
    tools->AddTool(IdFindMember, _("Find member"), icon(wxART_FIND), _("Find member (Ctrl+F)"));
    tools->AddTool(IdImportMembers, _("Import"), icon(wxART_FILE_OPEN), _("Import members from a CSV file"));
    tools->AddTool(IdExportMembers, _("Export"), icon(wxART_FILE_SAVE_AS), _("Export members to CSV or XLSX"));
    tools->AddSeparator();
    tools->AddTool(IdShowApprovals, _("Approvals"), icon(wxART_TICK_MARK), _("Changes waiting for approval"));
    tools->AddTool(IdShowReports, _("Reports"), icon(wxART_PRINT), _("Reports: preview, print and export"));
    tools->AddSeparator();
    tools->AddTool(IdUserGuide, _("Help"), icon(wxART_HELP_BOOK), _("User guide (F1)"));
    tools->EnableTool(IdImportMembers, role_may(actor_.role, Action::ManageMembers));
    tools->EnableTool(IdExportMembers, role_may(actor_.role, Action::ViewMembers));
    tools->Realize();
}

void MainFrame::restore_layout() {
    // The programme editors want room for a tier grid: 1200 x 840 below the toolbar.
    SetSize(FromDIP(wxSize(1200, 840)) + wxSize(0, GetToolBar()->GetBestSize().y));
    // The size and place of the last session, as the person left them (wxPersistenceManager
    // saves them when the window closes); the first time, the default size, centred.
    if (!wxPersistentRegisterAndRestore(this, "MainFrame")) CentreOnScreen();
    long width = 0;
    if (wxConfigBase::Get()->Read(kNavigationWidthKey, &width) && width >= splitter_->GetMinimumPaneSize())
        splitter_->SetSashPosition(static_cast<int>(width));
}

void MainFrame::save_layout() {
    wxConfigBase::Get()->Write(kNavigationWidthKey, static_cast<long>(splitter_->GetSashPosition()));
    wxConfigBase::Get()->Flush();
}

void MainFrame::on_close(wxCloseEvent& event) {
    save_layout();
    event.Skip();  // the persistence manager saves the geometry as the window goes
}

void MainFrame::on_open_database(wxCommandEvent&) {
    OpenDatabaseDialog choose(this);
    if (choose.ShowModal() == wxID_OK) switch_database_(choose.url());
}

void MainFrame::on_preferences(wxCommandEvent&) {
    PreferencesDialog preferences(this);
    preferences.ShowModal();
}

void MainFrame::on_about(wxCommandEvent&) {
    wxAboutDialogInfo info;
    info.SetName("MemberDesk");
    info.SetVersion(MEMBERDESK_VERSION);
    if (!app_icons().IsEmpty()) info.SetIcon(app_icons().GetIcon(64));
    info.SetDescription(_("Back-office console for a retail membership programme: members, stored value, "
                          "campaigns, approvals and the audit trail."));
    wxAboutBox(info, this);
}

}  // namespace md::views

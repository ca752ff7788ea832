#include "views/user_guide_window.h"

#include "views/program_files.h"
#include "views/program_labels.h"  // chinese_ui

#include <wx/accel.h>
#include <wx/artprov.h>
#include <wx/filename.h>
#include <wx/html/htmlwin.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/toolbar.h>

namespace md::views {
namespace {

UserGuideWindow* open_guide = nullptr;  // the one window, while it is open

}  // namespace

wxString user_guide_folder(const wxString& language) {
    for (const wxString& relative : {wxString("help"), wxString("../share/memberdesk/help")}) {
        const wxString folder = beside_program(relative + "/" + language);
        if (wxFileName(folder, "index.html").FileExists()) return folder;
    }
    return {};
}

void UserGuideWindow::show(wxWindow* parent) {
    if (open_guide) {
        open_guide->Raise();
        return;
    }
    wxString folder = user_guide_folder(chinese_ui() ? "zh_CN" : "en");
    if (folder.empty()) folder = user_guide_folder("en");
    if (folder.empty()) {
        wxMessageBox(_("The user guide is not installed with this copy of MemberDesk: it was looked for next to "
                       "the program (help/) and in share/memberdesk/help."),
                     _("User guide"), wxOK | wxICON_ERROR, parent);
        return;
    }
    open_guide = new UserGuideWindow(parent, folder + "/index.html");
    open_guide->Show();
}

UserGuideWindow::UserGuideWindow(wxWindow* parent, const wxString& index_file)
    : wxFrame(parent, wxID_ANY, _("MemberDesk User Guide"), wxDefaultPosition, wxDefaultSize,
              wxDEFAULT_FRAME_STYLE | wxFRAME_FLOAT_ON_PARENT) {
    wxToolBar* tools = CreateToolBar(wxTB_HORIZONTAL | wxTB_TEXT);
    tools->AddTool(wxID_BACKWARD, _("Back"), wxArtProvider::GetBitmap(wxART_GO_BACK, wxART_TOOLBAR), _("Back (Alt+Left)"));
    tools->AddTool(wxID_FORWARD, _("Forward"), wxArtProvider::GetBitmap(wxART_GO_FORWARD, wxART_TOOLBAR),
                   _("Forward (Alt+Right)"));
    tools->AddTool(wxID_HOME, _("Contents"), wxArtProvider::GetBitmap(wxART_GO_HOME, wxART_TOOLBAR),
                   _("The guide's contents"));
    tools->Realize();

    html_ = new wxHtmlWindow(this);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(html_, 1, wxEXPAND);
    SetSizer(sizer);
    html_->LoadPage(index_file);

    Bind(wxEVT_TOOL, [this](wxCommandEvent&) { html_->HistoryBack(); }, wxID_BACKWARD);
    Bind(wxEVT_TOOL, [this](wxCommandEvent&) { html_->HistoryForward(); }, wxID_FORWARD);
    Bind(wxEVT_TOOL, [this, index_file](wxCommandEvent&) { html_->LoadPage(index_file); }, wxID_HOME);
    wxAcceleratorEntry keys[] = {{wxACCEL_ALT, WXK_LEFT, wxID_BACKWARD},
                                 {wxACCEL_ALT, WXK_RIGHT, wxID_FORWARD},
                                 {wxACCEL_NORMAL, WXK_ESCAPE, wxID_CLOSE}};
    SetAcceleratorTable(wxAcceleratorTable(3, keys));
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { html_->HistoryBack(); }, wxID_BACKWARD);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { html_->HistoryForward(); }, wxID_FORWARD);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_CLOSE);
    SetSize(FromDIP(wxSize(760, 720)));
    CentreOnParent();
}

UserGuideWindow::~UserGuideWindow() { open_guide = nullptr; }

}  // namespace md::views

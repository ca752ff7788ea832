#include "app/memberdesk_app.h"

#include "app/translations.h"
#include "db/database_url.h"
#include "views/language_preference.h"
#include "views/main_frame.h"
#include "views/sign_in_dialog.h"
#include "views/wx_text.h"

#include <clocale>
#include <cstring>
#include <iostream>
#include <langinfo.h>
#include <wx/cmdline.h>
#include <wx/filename.h>
#include <wx/stdpaths.h>

namespace md::app {
namespace {

// The sources and catalogs are UTF-8. Under a plain "C" locale (a bare Xvfb session, a
// service account) wx would read them as ASCII, so insist on a UTF-8 character type.
void ensure_utf8_ctype() {
    const char* codeset = nl_langinfo(CODESET);
    if (codeset && std::strcmp(codeset, "UTF-8") == 0) return;
    std::setlocale(LC_CTYPE, "C.UTF-8");
}

}  // namespace

void MemberDeskApp::OnInitCmdLine(wxCmdLineParser& parser) {
    wxApp::OnInitCmdLine(parser);
    parser.AddOption("", "db", _("database URL: sqlite3://db=PATH or postgresql://dbname=... host=... port=... user=..."));
    parser.AddOption("", "lang", _("interface language: zh_CN or en (default: the one chosen in Preferences)"));
}

bool MemberDeskApp::OnCmdLineParsed(wxCmdLineParser& parser) {
    if (!wxApp::OnCmdLineParsed(parser)) return false;
    wxString value;
    if (parser.Found("db", &value)) db_flag_ = views::to_utf8(value);
    if (parser.Found("lang", &value)) {
        language_ = views::to_utf8(value);
        if (language_ != "zh_CN" && language_ != "en") {
            std::cerr << "memberdesk: --lang \"" << language_ << "\" is not one of zh_CN, en\n";
            return false;
        }
    }
    return true;
}

bool MemberDeskApp::OnInit() {
    ensure_utf8_ctype();
    SetAppName("memberdesk");
    SetAppDisplayName("MemberDesk");
    wxStandardPaths::Get().SetFileLayout(wxStandardPaths::FileLayout_XDG);
    if (!wxApp::OnInit()) return false;
    // Preferences, recent databases and the window's layout are saved in $XDG_CONFIG_HOME
    // (~/.config), which a fresh account may not have yet; wxFileConfig does not create it.
    wxFileName::Mkdir(wxStandardPaths::Get().GetUserConfigDir(), wxS_DIR_DEFAULT, wxPATH_MKDIR_FULL);

    install_translations(language_.empty() ? views::saved_language() : language_);
    return sign_in_and_show(resolve_database_url(db_flag_));
}

bool MemberDeskApp::sign_in_and_show(const std::string& url) {
    // Between the dialog closing and the frame opening there is no window; that is no reason to quit.
    SetExitOnFrameDelete(false);
    std::shared_ptr<Services> services;
    Actor actor;
    {
        views::SignInDialog sign_in(frame_, url);
        const bool signed_in = sign_in.ShowModal() == wxID_OK;
        SetExitOnFrameDelete(true);
        if (!signed_in) return false;
        services = sign_in.services();
        actor = sign_in.actor();
    }
    views::MainFrame* previous = frame_;
    frame_ = new views::MainFrame(services, actor, [this](const std::string& next_url) {
        CallAfter([this, next_url] { sign_in_and_show(next_url); });
    });
    frame_->Show();
    frame_->Raise();
    frame_->focus_navigation();
    if (previous) previous->Destroy();
    return true;
}

}  // namespace md::app

#pragma once
// `memberdesk [--db URL] [--lang zh_CN|en]`: translations, sign-in, then the main frame.
#include <optional>
#include <string>
#include <wx/app.h>

namespace md::views { class MainFrame; }

namespace md::app {

class MemberDeskApp : public wxApp {
public:
    bool OnInit() override;
    void OnInitCmdLine(wxCmdLineParser& parser) override;
    bool OnCmdLineParsed(wxCmdLineParser& parser) override;

private:
    // Shows the sign-in dialog for url; on success replaces the current main frame.
    bool sign_in_and_show(const std::string& url);

    std::optional<std::string> db_flag_;
    std::string language_;
    views::MainFrame* frame_ = nullptr;
};

}  // namespace md::app

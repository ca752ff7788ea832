#pragma once
// Help → User guide (F1): the guide shipped with the program (assets/help/<language>/*.html), in
// the interface's language, shown in a window of its own so it can stay open beside the work.
// One window at a time: asking again raises the open one.
#include <wx/frame.h>
#include <wx/string.h>

class wxHtmlWindow;

namespace md::views {

// The folder of the guide in `language` ("zh_CN" or "en"): next to the executable in a build
// tree, share/memberdesk/help when installed. Empty when neither holds an index.html.
wxString user_guide_folder(const wxString& language);

class UserGuideWindow : public wxFrame {
public:
    static void show(wxWindow* parent);

private:
    UserGuideWindow(wxWindow* parent, const wxString& index_file);
    ~UserGuideWindow() override;
    wxHtmlWindow* html_ = nullptr;
};

}  // namespace md::views

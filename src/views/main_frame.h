#pragma once
// The console after sign-in: areas on the left, the chosen area on the right, and the
// database and signed-in person in the status bar. The title names the area, so people
// (and the GUI test) can tell where they are. The menus and the toolbar are built in
// main_frame_commands.cpp. The window's size, place and the navigation's width are kept with
// wxConfig and come back at the next start.
#include "services/actor.h"
#include "views/areas.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>
#include <wx/frame.h>

class wxInfoBar;
class wxListBox;
class wxMenu;
class wxSplitterWindow;
class wxSimplebook;
class wxTimer;

namespace md { class Services; }

namespace md::views {

class MainFrame : public wxFrame {
public:
    // switch_database: asked to sign in to another database; the app replaces this frame on success.
    MainFrame(std::shared_ptr<Services> services, Actor actor,
              std::function<void(const std::string& url)> switch_database);

    void focus_navigation();

private:
    void build_menus();
    wxMenu* build_recent_menu();
    void build_toolbar();
    void restore_layout();
    void save_layout();
    void build_status_bar();
    void show_area(int index);
    // Shows the area and returns its panel (made now if it was not yet).
    wxWindow* open_area(AreaId id);
    // Ctrl+F from anywhere in the console: the Members area with its search box ready to type in.
    void find_member();
    // The Complaints entry of the navigation with the open tickets that are the user's and
    // those past a deadline, counted again every minute and whenever the area reloads.
    void count_complaints();
    void show_complaint_counts(std::size_t mine, std::size_t breached);
    // For administrators: a bar above the areas when the last backup is older than the reminder's days.
    void remind_of_backup();

    void on_open_database(wxCommandEvent&);
    void on_preferences(wxCommandEvent&);
    void on_about(wxCommandEvent&);
    void on_close(wxCloseEvent&);

    std::shared_ptr<Services> services_;
    Actor actor_;
    std::function<void(const std::string&)> switch_database_;
    wxSplitterWindow* splitter_ = nullptr;
    wxListBox* navigation_ = nullptr;
    wxSimplebook* pages_ = nullptr;
    // Per area, what makes its panel inside the area's page (holder); empty once made (show_area).
    std::vector<std::function<wxWindow*(wxWindow* holder)>> page_makers_;
    wxTimer* complaint_timer_ = nullptr;
    wxInfoBar* backup_reminder_ = nullptr;
};

}  // namespace md::views

#pragma once
// Members area: one search box; the ranked hits appear while the person types, and Enter or
// a double-click opens the member's window. The list sits over a MemberRows model so the paged
// list of every member can take the search's place later.
#include "services/actor.h"

#include <memory>
#include <string>
#include <wx/panel.h>
#include <wx/timer.h>

class wxButton;
class wxStaticText;
class wxTextCtrl;

namespace md { class Services; }

namespace md::views {

class MemberListCtrl;

class MembersPanel : public wxPanel {
public:
    MembersPanel(wxWindow* parent, std::shared_ptr<Services> services, Actor actor);

private:
    void search_now();
    void open_chosen();
    void open_member(const std::string& number);
    void on_new_member(wxCommandEvent&);

    std::shared_ptr<Services> services_;
    Actor actor_;
    std::string shown_query_;  // what the list shows hits for; saves a search when nothing changed
    wxTimer debounce_;
    wxTextCtrl* query_ = nullptr;
    wxButton* new_member_ = nullptr;
    wxStaticText* summary_ = nullptr;
    MemberListCtrl* list_ = nullptr;
};

}  // namespace md::views

#pragma once
// Members area: one search box; the ranked hits appear while the person types, and Enter or
// a double-click opens the member's window. With the box empty the list shows every member
// (MemberPages: a page at a time), filtered by state, type, store and tag, sorted by clicking
// a column header (names in pinyin order).
#include "db/member_repository.h"
#include "services/actor.h"

#include <memory>
#include <string>
#include <wx/panel.h>
#include <wx/timer.h>

class wxButton;
class wxChoice;
class wxStaticText;
class wxTextCtrl;

namespace md { class Services; }

namespace md::views {

class MemberListCtrl;

class MembersPanel : public wxPanel {
public:
    MembersPanel(wxWindow* parent, std::shared_ptr<Services> services, Actor actor);
    // Ctrl+F: the search box focused with its text selected, so typing replaces the last query.
    void focus_search();

private:
    void search_now();
    void show_all();                  // the whole registry under the filters and sort
    void on_column_click(int column);
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
    wxWindow* filters_ = nullptr;
    wxChoice* state_ = nullptr;
    wxChoice* type_ = nullptr;
    wxTextCtrl* store_ = nullptr;
    wxTextCtrl* tag_ = nullptr;
    MemberSort sort_ = MemberSort::Number;
    bool descending_ = false;
};

}  // namespace md::views

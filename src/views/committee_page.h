#pragma once
// Committee tab: the brand advisory committee roster in force, a form for a seat (the linked
// member, role, term), and a filter for terms ending within 30 days, when renewals are due.
// Seats change only through change requests, like every programme item.
#include "views/program_page.h"

#include <map>
#include <vector>

class wxCheckBox;
class wxChoice;
class wxListCtrl;
class wxTextCtrl;

namespace md::views {

class CommitteePage : public ProgramPage {
public:
    CommitteePage(wxWindow* parent, Proposer& proposer);
    void show(const Program& program) override;
    std::optional<ItemRef> selected_item() const override;

private:
    void fill_list();
    void show_form(const CommitteeSeat& seat, bool is_new);
    void on_propose(wxCommandEvent&);

    std::vector<CommitteeSeat> seats_;    // in force
    std::vector<CommitteeSeat> listed_;   // after the filter
    std::map<std::string, std::string> warnings_;  // member number → why the seat's holder no longer qualifies
    Date as_of_;
    int selected_ = -1;                   // index in listed_
    wxCheckBox* ending_soon_ = nullptr;
    wxListCtrl* list_ = nullptr;
    wxTextCtrl* member_ = nullptr;
    wxChoice* role_ = nullptr;
    wxTextCtrl* term_start_ = nullptr;
    wxTextCtrl* term_end_ = nullptr;
};

}  // namespace md::views

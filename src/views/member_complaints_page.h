#pragma once
// The member window's "Complaints" tab: every ticket of the member, open and closed, newest
// last, with its status, owner and clocks; a row opens the ticket window.
#include "services/actor.h"

#include <memory>
#include <string>
#include <wx/panel.h>

class wxListCtrl;

namespace md { class Services; }

namespace md::views {

class MemberComplaintsPage : public wxPanel {
public:
    MemberComplaintsPage(wxWindow* parent, std::shared_ptr<Services> services, Actor actor, std::string number);
    void reload();

private:
    std::shared_ptr<Services> services_;
    Actor actor_;
    std::string number_;
    wxListCtrl* tickets_ = nullptr;
};

}  // namespace md::views

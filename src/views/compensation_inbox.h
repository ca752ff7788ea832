#pragma once
// The Approvals area's compensation page: compensation granted on complaint tickets above the
// granting role's caps, waiting for someone else to approve (then it is paid through the
// ledger) or reject it. The core checks the deciding role and that it is not the grantor.
#include "services/actor.h"
#include "services/complaint_service.h"

#include <functional>
#include <memory>
#include <vector>
#include <wx/panel.h>

class wxButton;
class wxListCtrl;
class wxStaticText;

namespace md { class Services; }

namespace md::views {

class CompensationInbox : public wxPanel {
public:
    CompensationInbox(wxWindow* parent, std::shared_ptr<Services> services, Actor actor);
    // Reads what waits; returns how many (for the page's title).
    std::size_t reload();
    bool has_pending() const { return !pending_.empty(); }

private:
    void show_selected();
    const PendingCompensation* selected() const;
    void decide(bool approve);
    void open_ticket();

    std::shared_ptr<Services> services_;
    Actor actor_;
    std::vector<PendingCompensation> pending_;
    wxListCtrl* list_ = nullptr;
    wxStaticText* detail_ = nullptr;
    wxButton* approve_ = nullptr;
    wxButton* reject_ = nullptr;
    wxButton* open_ = nullptr;
};

}  // namespace md::views

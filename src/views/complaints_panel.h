#pragma once
// The Complaints area: the queues (mine, my team's, unassigned, near the deadline, breached —
// the team lead's — and the premium fast channel), each with its count, and the tickets of the
// chosen queue with their clocks; tickets near a deadline are highlighted amber, breached ones
// red. New ticket… opens a ticket for a member (an earlier one of the same member and category
// within 7 days is offered for linking); a row opens the ticket window. Loading the queues
// first records new breaches (the escalation job) when the user handles tickets.
#include "services/actor.h"
#include "services/complaint_service.h"
#include "views/lazy_area.h"

#include <functional>
#include <memory>
#include <wx/panel.h>

class wxListBox;
class wxListCtrl;

namespace md { class Services; }

namespace md::views {

class ComplaintsPanel : public wxPanel, public LazyArea {
public:
    // `on_counts`: told the number of open tickets that are the user's and that are past a deadline
    // each time the queues are read (the navigation shows them).
    using CountsObserver = std::function<void(std::size_t mine, std::size_t breached)>;
    ComplaintsPanel(wxWindow* parent, std::shared_ptr<Services> services, Actor actor, CountsObserver on_counts);

private:
    void load() override;
    void refresh();
    void open_ticket(const std::string& number);
    void new_ticket();

    std::shared_ptr<Services> services_;
    Actor actor_;
    CountsObserver on_counts_;
    wxListBox* queues_ = nullptr;
    wxListCtrl* tickets_ = nullptr;
};

}  // namespace md::views

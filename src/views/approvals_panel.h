#pragma once
// Approvals area: the maker-checker inbox. Three lists (waiting for me, my submissions,
// decided) and the selected request in full, with its field-by-field diff against the
// version in force. Approve and Reject ask for a comment and leave every rule to the core.
// A fourth page lists complaint compensation above the caps, waiting for a decision.
#include "services/actor.h"
#include "services/program_service.h"
#include "views/lazy_area.h"

#include <array>
#include <memory>
#include <optional>
#include <vector>
#include <wx/panel.h>

class wxButton;
class wxListCtrl;
class wxListEvent;
class wxNotebook;
class wxStaticText;
class wxTextCtrl;

namespace md { class Services; }

namespace md::views {

class ApprovalsPanel : public wxPanel, public LazyArea {
public:
    ApprovalsPanel(wxWindow* parent, std::shared_ptr<Services> services, Actor actor);

private:
    enum Inbox { WaitingForMe, MySubmissions, Decided, InboxCount };

    void load() override;
    void reload(std::optional<std::int64_t> keep_selected);
    void fill(Inbox inbox);
    void show_detail(std::optional<std::int64_t> id);
    std::optional<std::int64_t> selected_id() const;
    void decide(bool approve);
    void show_refusal(const wxString& message);

    std::shared_ptr<Services> services_;
    Actor actor_;
    std::array<std::vector<ChangeRequest>, InboxCount> requests_;
    std::optional<ChangeView> shown_;

    wxStaticText* refusal_ = nullptr;
    wxNotebook* inboxes_ = nullptr;
    std::array<wxListCtrl*, InboxCount> lists_{};
    wxStaticText* heading_ = nullptr;
    wxWindow* facts_ = nullptr;        // label and value pairs, rebuilt per request
    wxStaticText* diff_title_ = nullptr;
    wxListCtrl* diff_ = nullptr;
    class SimulationView* simulation_ = nullptr;
    wxButton* approve_ = nullptr;
    wxButton* reject_ = nullptr;
    wxWindow* detail_ = nullptr;
    class CompensationInbox* compensation_ = nullptr;  // the last page, for those who see complaints
};

}  // namespace md::views

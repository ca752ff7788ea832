#pragma once
// The versions of one programme item, oldest first, each with its effective date and the change
// request that made it. Any version can be proposed again as a new change request: that is
// how a change is rolled back, through the same approval as any other.
#include "services/actor.h"
#include "views/program_page.h"

#include <memory>
#include <vector>
#include <wx/dialog.h>

class wxListCtrl;
class wxTextCtrl;

namespace md {
class Services;
struct ConfigVersion;
}  // namespace md

namespace md::views {

class ItemHistoryDialog : public wxDialog {
public:
    ItemHistoryDialog(wxWindow* parent, std::shared_ptr<Services> services, Actor actor, ItemRef item);
    // The change request made by "Propose again", if one was.
    std::optional<std::int64_t> proposed() const { return proposed_; }

private:
    void on_select(long row);
    void on_propose_again();

    std::shared_ptr<Services> services_;
    Actor actor_;
    ItemRef item_;
    std::vector<ConfigVersion> versions_;
    long selected_ = -1;
    std::optional<std::int64_t> proposed_;
    wxListCtrl* list_ = nullptr;
    wxTextCtrl* body_ = nullptr;
    wxButton* again_ = nullptr;
};

}  // namespace md::views

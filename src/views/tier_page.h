#pragma once
// The member window's "Tiers" tab: for each ladder that ranks the member, the tier held and why
// (the qualifying amount, the window, the rule that matched, how far the next tier is, any
// override), the member's overrides with their approval state, and every move up or down.
// Staff request an override here; someone else with the right approves or rejects it here.
#include "services/actor.h"

#include <memory>
#include <string>
#include <wx/panel.h>

class wxButton;
class wxListCtrl;
class wxStaticText;

namespace md { class Services; }

namespace md::views {

class TierPage : public wxPanel {
public:
    TierPage(wxWindow* parent, std::shared_ptr<Services> services, Actor actor, std::string number);
    void reload();

private:
    void on_request_override(wxCommandEvent&);
    void decide_selected(bool approve);
    std::int64_t selected_override() const;

    std::shared_ptr<Services> services_;
    Actor actor_;
    std::string number_;
    wxStaticText* standings_ = nullptr;
    wxListCtrl* overrides_ = nullptr;
    wxListCtrl* history_ = nullptr;
    wxButton* approve_ = nullptr;
    wxButton* reject_ = nullptr;
};

}  // namespace md::views

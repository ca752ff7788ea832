#pragma once
// Complaint policy tab: response and resolution targets per severity for standard and premium
// members (business hours on the desk calendar), when a ticket counts as near its deadline, the
// reopen window, each role's compensation caps and the desk's monthly compensation budget. A
// programme item under approval.
#include "views/program_page.h"

class wxGrid;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace md::views {

class ComplaintPolicyPage : public ProgramPage {
public:
    ComplaintPolicyPage(wxWindow* parent, Proposer& proposer);
    void show(const Program& program) override;
    std::optional<ItemRef> selected_item() const override;

private:
    // The policy as typed; throws ValidationError naming the cell and value.
    ComplaintPolicy read() const;
    void on_propose();

    wxStaticText* none_ = nullptr;
    wxGrid* targets_ = nullptr;  // severity rows × (standard, premium) × (response, resolution)
    wxGrid* caps_ = nullptr;     // role rows × coins and stored value, per ticket and per month
    wxSpinCtrl* near_pct_ = nullptr;
    wxSpinCtrl* reopen_days_ = nullptr;
    wxTextCtrl* budget_ = nullptr;  // yuan a month
    ComplaintPolicy shown_;
};

// Business time as hours and minutes, "H:MM" (a target may run past 24 hours: "27:00" is three
// default working days). Throws ValidationError naming `field`.
std::int64_t parse_business_duration(const std::string& text, const std::string& field);
std::string format_business_duration(std::int64_t minutes);

}  // namespace md::views

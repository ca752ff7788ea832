#pragma once
// Points rule tab: the exchange coin (兑换币) rule and, on screen, how coins are rounded.
#include "views/program_page.h"

class wxCheckListBox;
class wxChoice;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace md::views {

class PointsPage : public ProgramPage {
public:
    PointsPage(wxWindow* parent, Proposer& proposer);
    void show(const Program& program) override;
    std::optional<ItemRef> selected_item() const override;

private:
    PointsRule read_rule() const;
    void show_rounding_rule();
    void on_propose(wxCommandEvent&);

    PointsRule shown_;
    std::vector<std::string> kind_codes_;  // rows of excluded_
    wxTextCtrl* spend_per_coin_ = nullptr;
    wxTextCtrl* entry_threshold_ = nullptr;
    wxTextCtrl* coin_value_ = nullptr;
    wxCheckListBox* excluded_ = nullptr;
    wxChoice* expiry_ = nullptr;
    wxSpinCtrl* expiry_days_ = nullptr;
    wxStaticText* rounding_ = nullptr;
    wxStaticText* none_ = nullptr;
};

}  // namespace md::views

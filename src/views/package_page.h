#pragma once
// Meal packages tab: the catalogue as a tree (periodic; special need by group and sub-group,
// in the interface language) and a form for the chosen package that proposes the edit.
#include "views/program_page.h"

#include <vector>

class wxCheckBox;
class wxChoice;
class wxSpinCtrl;
class wxTextCtrl;
class wxTreeCtrl;
class wxTreeEvent;

namespace md::views {

class PackagePage : public ProgramPage {
public:
    PackagePage(wxWindow* parent, Proposer& proposer);
    void show(const Program& program) override;
    std::optional<ItemRef> selected_item() const override;

private:
    void show_form(const MealPackage& p, bool is_new);
    MealPackage read_form() const;
    void update_enabled();
    void on_tree_selection(wxTreeEvent& event);
    void on_propose(wxCommandEvent&);

    std::vector<MealPackage> items_;
    std::vector<std::string> group_codes_;     // rows of group_
    std::vector<std::string> subgroup_codes_;  // rows of subgroup_
    wxTreeCtrl* tree_ = nullptr;
    wxTextCtrl* code_ = nullptr;
    wxTextCtrl* name_zh_ = nullptr;
    wxTextCtrl* name_en_ = nullptr;
    wxChoice* kind_ = nullptr;
    wxChoice* group_ = nullptr;
    wxChoice* subgroup_ = nullptr;
    wxChoice* cadence_ = nullptr;
    wxSpinCtrl* per_period_ = nullptr;
    wxChoice* term_ = nullptr;
    wxTextCtrl* price_ = nullptr;
    wxTextCtrl* value_owed_ = nullptr;
    wxSpinCtrl* deliveries_ = nullptr;
    wxCheckBox* earns_points_ = nullptr;
    wxCheckBox* counts_toward_tiers_ = nullptr;
};

}  // namespace md::views

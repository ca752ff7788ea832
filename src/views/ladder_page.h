#pragma once
// Tier ladders tab: pick a ladder, edit its settings and tiers, propose the edited ladder.
// The grid holds what the person typed until they propose or discard; a refused proposal
// leaves every edit in place.
#include "views/program_page.h"

#include <vector>

class wxCheckBox;
class wxChoice;
class wxGrid;
class wxGridEvent;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace md::views {

class LadderPage : public ProgramPage {
public:
    LadderPage(wxWindow* parent, Proposer& proposer);
    void show(const Program& program) override;
    std::optional<ItemRef> selected_item() const override;

private:
    void show_ladder(const TierLadder& ladder, bool is_new);
    void show_tier_details(int row);
    void show_alternatives();
    void update_enabled();
    TierLadder read_ladder() const;   // throws ValidationError naming the tier and field
    int selected_row() const;

    void on_choose(wxCommandEvent&);
    void on_new_ladder(wxCommandEvent&);
    void on_add_tier(wxCommandEvent&);
    void on_edit_alternatives(wxCommandEvent&);
    void on_remove_tier(wxCommandEvent&);
    void on_cell_changed(wxGridEvent& event);
    void on_propose(wxCommandEvent&);
    void on_what_if();

    std::vector<TierLadder> ladders_;     // as in force
    int current_ = -1;                    // index in ladders_, -1 = a new ladder
    // Per grid row, the parts not edited in cells.
    std::vector<std::vector<std::string>> benefits_;
    std::vector<std::vector<AlternativeQualification>> alternatives_;

    wxChoice* chooser_ = nullptr;
    wxTextCtrl* code_ = nullptr;
    wxTextCtrl* name_zh_ = nullptr;
    wxTextCtrl* name_en_ = nullptr;
    wxChoice* measure_ = nullptr;
    wxSpinCtrl* measure_months_ = nullptr;
    wxChoice* window_ = nullptr;
    wxSpinCtrl* window_months_ = nullptr;
    wxChoice* downgrade_ = nullptr;
    wxSpinCtrl* grace_days_ = nullptr;
    wxCheckBox* packages_count_ = nullptr;
    wxChoice* member_types_ = nullptr;
    wxGrid* tiers_ = nullptr;
    wxTextCtrl* benefits_text_ = nullptr;
    wxStaticText* alternatives_text_ = nullptr;
    wxStaticText* benefits_label_ = nullptr;
    int benefits_row_ = -1;               // the row the benefits box edits
};

}  // namespace md::views

#pragma once
// Stored-value offers: card denominations and recharge bonuses. Each tab is a list of what is
// in force and a form for the selected row (or a new one) that proposes the edited item.
#include "views/program_page.h"

#include <vector>

class wxCheckBox;
class wxListCtrl;
class wxTextCtrl;

namespace md::views {

class DenominationsPage : public ProgramPage {
public:
    DenominationsPage(wxWindow* parent, Proposer& proposer);
    void show(const Program& program) override;
    std::optional<ItemRef> selected_item() const override;

private:
    void show_form(const Denomination& d, bool is_new);
    void on_propose(wxCommandEvent&);

    std::vector<Denomination> items_;
    wxListCtrl* list_ = nullptr;
    wxTextCtrl* face_value_ = nullptr;
    wxCheckBox* on_sale_ = nullptr;
    wxTextCtrl* bonus_ = nullptr;
};

class BonusesPage : public ProgramPage {
public:
    BonusesPage(wxWindow* parent, Proposer& proposer);
    void show(const Program& program) override;
    std::optional<ItemRef> selected_item() const override;

private:
    void show_form(const RechargeBonus& b, bool is_new);
    RechargeBonus read_form() const;
    void on_propose(wxCommandEvent&);

    std::vector<RechargeBonus> items_;
    wxListCtrl* list_ = nullptr;
    wxTextCtrl* code_ = nullptr;
    wxTextCtrl* name_zh_ = nullptr;
    wxTextCtrl* name_en_ = nullptr;
    wxTextCtrl* pay_ = nullptr;
    wxTextCtrl* receive_ = nullptr;
    wxTextCtrl* valid_from_ = nullptr;
    wxTextCtrl* valid_to_ = nullptr;
};

}  // namespace md::views

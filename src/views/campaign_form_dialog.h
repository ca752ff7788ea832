#pragma once
// Planning a campaign, or changing one: every field of a campaign (names, type, times, the
// recurrence with its rule in words as it is set, whom it is aimed at, coin effects, budget and
// KPI targets) and the change request's reason and start. OK proposes it; the core checks
// everything and a refusal is shown naming the field, with the dialog kept open as typed.
#include "models/program.h"

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <wx/dialog.h>

class wxCheckBox;
class wxCheckListBox;
class wxChoice;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace md::views {

class CampaignFormDialog : public wxDialog {
public:
    // Makes the change request: the campaign as programme JSON, why, from when, kept as draft.
    using Propose = std::function<void(const nlohmann::json& item, const std::string& reason, const Date& effective, bool draft)>;
    // `existing`: the campaign being changed (its code stays), or none for a new one starting on
    // `first_day`.
    CampaignFormDialog(wxWindow* parent, const Program& program, const std::optional<Campaign>& existing,
                       const std::string& owner, const Date& today, const Date& first_day, Propose propose);

    // The campaign as typed, as programme JSON; throws ValidationError naming the field.
    nlohmann::json item() const;

private:
    wxWindow* campaign_page(wxWindow* parent);
    wxWindow* recurrence_page(wxWindow* parent);
    wxWindow* members_page(wxWindow* parent);
    wxWindow* budget_page(wxWindow* parent);
    void fill(const Campaign& c);
    void recurrence_changed();
    Recurrence recurrence() const;  // as typed, for the rule in words (not checked)
    void on_ok(wxCommandEvent&);

    const Program& program_;
    Date today_;
    Propose propose_;
    std::vector<std::string> tier_keys_, state_codes_;  // the check lists' items, in order

    wxTextCtrl *code_ = nullptr, *name_zh_ = nullptr, *name_en_ = nullptr, *owner_ = nullptr;
    wxChoice* type_ = nullptr;
    wxTextCtrl *starts_ = nullptr, *ends_ = nullptr;
    wxChoice *kind_ = nullptr, *month_ = nullptr, *nth_ = nullptr, *weekday_ = nullptr;
    wxSpinCtrl* day_ = nullptr;
    std::vector<wxCheckBox*> weekdays_;  // Monday first
    wxTextCtrl *exceptions_ = nullptr, *until_ = nullptr, *count_ = nullptr;
    wxStaticText* rule_ = nullptr;
    wxCheckListBox *tiers_ = nullptr, *states_ = nullptr;
    wxTextCtrl *tags_ = nullptr, *multiplier_ = nullptr, *referral_ = nullptr, *birthday_ = nullptr;
    wxTextCtrl *activity_ = nullptr, *technology_ = nullptr, *partner_ = nullptr;
    wxTextCtrl *new_members_ = nullptr, *participation_ = nullptr, *redemption_ = nullptr, *repurchase_ = nullptr,
               *cost_per_new_ = nullptr;
    wxTextCtrl *reason_ = nullptr, *effective_ = nullptr;
    wxCheckBox* draft_ = nullptr;
};

}  // namespace md::views

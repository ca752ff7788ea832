#pragma once
// The what-if screen for playing with a draft before proposing it: the item being edited in the
// Program area, replayed over the last N months of real transactions (TierSimulator) against the
// rules in force. Nothing is written; the movers can be saved as CSV.
#include "services/actor.h"

#include <memory>
#include <nlohmann/json.hpp>
#include <wx/dialog.h>

class wxSpinCtrl;

namespace md { class Services; }

namespace md::views {

class SimulationView;

class WhatIfDialog : public wxDialog {
public:
    // `document` is a programme file holding the draft item(s), as `tier simulate --draft` reads.
    WhatIfDialog(wxWindow* parent, std::shared_ptr<Services> services, Actor actor, nlohmann::json document,
                 const wxString& what);

private:
    void run();
    void save_movers();

    std::shared_ptr<Services> services_;
    Actor actor_;
    nlohmann::json document_;
    wxSpinCtrl* months_ = nullptr;
    SimulationView* view_ = nullptr;
    nlohmann::ordered_json last_;  // the shown simulation with every mover, for the CSV
};

}  // namespace md::views

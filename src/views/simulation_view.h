#pragma once
// A what-if simulation shown to people: the period replayed, the money and coin figures under
// the rules in force and under the draft, the tier migration (who moves from which tier to
// which) and the tier mix against the 3 : 5 : 2 target. It shows the JSON the simulator stores
// with a change request, so the approvals inbox and the what-if screen show the same thing.
#include "models/program.h"

#include <nlohmann/json.hpp>
#include <wx/panel.h>

class wxListCtrl;
class wxStaticText;

namespace md::views {

class SimulationView : public wxPanel {
public:
    explicit SimulationView(wxWindow* parent);
    // `names` (the programme in force) turns ladder and tier codes into their names.
    void show(const nlohmann::json& simulation, const Program& names);
    void clear(const wxString& why);

private:
    wxStaticText* summary_ = nullptr;
    wxListCtrl* figures_ = nullptr;    // money and coins: in force, draft, change
    wxListCtrl* migration_ = nullptr;  // ladder, from, to, members
    wxListCtrl* mix_ = nullptr;        // ladder, tier, shares now and under the draft, target
};

}  // namespace md::views

#pragma once
// What the Program area's tabs share: each shows its part of the programme in force and
// hands an edited item to the Proposer, which asks why and from when and submits it.
#include "models/change_request.h"
#include "models/program.h"

#include <nlohmann/json.hpp>
#include <wx/panel.h>

class wxButton;

namespace md::views {

class Proposer {
public:
    virtual ~Proposer() = default;
    // Asks for the reason and date, then submits; true once a change request exists.
    virtual bool propose(ChangeKind kind, const nlohmann::json& item, const wxString& what) = 0;
    // Buttons that propose are disabled with the reason as tooltip for roles that may not;
    // the service refuses them anyway.
    virtual void guard(wxButton* button) const = 0;
};

class ProgramPage : public wxPanel {
public:
    ProgramPage(wxWindow* parent, Proposer& proposer) : wxPanel(parent), proposer_(proposer) {}
    virtual void show(const Program& program) = 0;

protected:
    Proposer& proposer_;
};

// The canonical JSON of a model object, as propose() takes it.
template <class T>
nlohmann::json item_json(const T& item);

}  // namespace md::views

#include "services/program_codec.h"

template <class T>
nlohmann::json md::views::item_json(const T& item) {
    return nlohmann::json::parse(md::to_json(item).dump());
}

#pragma once
// What the Program area's tabs share: each shows its part of the programme in force and
// hands an edited item to the Proposer, which asks why and from when and submits it.
#include "models/change_request.h"
#include "models/program.h"

#include <nlohmann/json.hpp>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <wx/panel.h>

class wxButton;
class wxSizer;

namespace md::views {

// One programme item, as the History and Retire buttons act on it.
struct ItemRef {
    ChangeKind kind;
    std::string key;
    wxString label;  // e.g. "Meal package: 孕妇套餐"
};

class Proposer {
public:
    virtual ~Proposer() = default;
    // Asks for the reason and date, then submits; true once a change request exists.
    virtual bool propose(ChangeKind kind, const nlohmann::json& item, const wxString& what) = 0;
    // Buttons that propose are disabled with the reason as tooltip for roles that may not;
    // the service refuses them anyway.
    virtual void guard(wxButton* button) const = 0;
    // The date whose programme the pages show.
    virtual Date shown_date() const = 0;
    // Replays the last months under the edited item (kinds that move money or status).
    virtual void what_if(ChangeKind kind, const nlohmann::json& item, const wxString& what) = 0;
    virtual void guard_what_if(wxButton* button) const = 0;
    // Seats in force today whose member no longer holds the tier a seat needs: number → why.
    virtual std::map<std::string, std::string> committee_warnings() const = 0;
};

class ProgramPage : public wxPanel {
public:
    ProgramPage(wxWindow* parent, Proposer& proposer) : wxPanel(parent), proposer_(proposer) {}
    virtual void show(const Program& program) = 0;
    // The item the page has selected, for History and Retire; none when nothing is.
    virtual std::optional<ItemRef> selected_item() const { return std::nullopt; }

protected:
    // The "Discard edits" and "Propose change…" row at the foot of a one-item page (the
    // propose button guarded for roles that may not): `discard` shows the item in force again.
    wxSizer* discard_and_propose(std::function<void()> discard, std::function<void()> propose);

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

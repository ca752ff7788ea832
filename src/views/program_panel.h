#pragma once
// Program area: the programme in force on a chosen date, one tab per kind of item. Edits
// never change the programme directly: they become change requests for an approver.
#include "services/actor.h"
#include "views/lazy_area.h"
#include "views/program_page.h"

#include <memory>
#include <vector>
#include <wx/panel.h>

class wxStaticText;
class wxTextCtrl;
class wxNotebook;

namespace md { class Services; }

namespace md::views {

// Which tabs a panel shows: the whole programme (the Program area), or one kind of item for the
// area that is about it (Packages, Committee), with the same proposing, history and retiring.
enum class ProgramScope { Everything, MealPackages, Committee };

class ProgramPanel : public wxPanel, public LazyArea, public Proposer {
public:
    ProgramPanel(wxWindow* parent, std::shared_ptr<Services> services, Actor actor,
                 ProgramScope scope = ProgramScope::Everything);

    bool propose(ChangeKind kind, const nlohmann::json& item, const wxString& what) override;
    void guard(wxButton* button) const override;
    Date shown_date() const override { return shown_; }
    void what_if(ChangeKind kind, const nlohmann::json& item, const wxString& what) override;
    void guard_what_if(wxButton* button) const override;
    std::map<std::string, std::string> committee_warnings() const override;

private:
    void load() override;
    void show_refusal(const wxString& message);
    std::optional<ItemRef> selected_item() const;  // on the current tab
    void on_history();
    void on_retire();
    void tell_submitted(std::int64_t id);

    std::shared_ptr<Services> services_;
    Actor actor_;
    Date shown_;
    wxTextCtrl* as_of_ = nullptr;
    wxStaticText* note_ = nullptr;
    wxNotebook* tabs_ = nullptr;
    std::vector<ProgramPage*> pages_;
};

}  // namespace md::views

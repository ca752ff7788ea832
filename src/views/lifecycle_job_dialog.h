#pragma once
// The lifecycle job in the GUI: pick a day, preview who would move between states (nothing is
// written), then run it; the run log below shows the runs made so far, by anyone.
#include "services/actor.h"

#include <memory>
#include <optional>
#include <wx/dialog.h>

#include "models/timestamps.h"

class wxButton;
class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace md {
class Services;
struct LifecyclePlan;
}  // namespace md

namespace md::views {

class LifecycleJobDialog : public wxDialog {
public:
    LifecycleJobDialog(wxWindow* parent, std::shared_ptr<Services> services, Actor actor);

private:
    std::optional<Date> as_of() const;  // shows the error when the date is not one
    void show_plan(const LifecyclePlan& plan, bool ran);
    void show_runs();
    void on_preview();
    void on_run();

    std::shared_ptr<Services> services_;
    Actor actor_;
    std::optional<Date> previewed_;     // Run runs what was previewed, for that day
    wxTextCtrl* date_ = nullptr;
    wxStaticText* summary_ = nullptr;
    wxListCtrl* moves_ = nullptr;
    wxListCtrl* runs_ = nullptr;
    wxButton* run_ = nullptr;
};

}  // namespace md::views

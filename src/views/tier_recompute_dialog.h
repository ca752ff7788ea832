#pragma once
// Members → Recompute tiers…: evaluates every member's tiers as of a day. Preview counts who
// would move up, down or stay and changes nothing; Run works through the registry in committed
// batches with a progress dialog whose Cancel pauses the run at its last checkpoint; a paused
// or interrupted run is resumed from the run list. The CLI's `tier recompute` / `tier resume`.
#include "services/actor.h"
#include "services/tier_service.h"  // TierRun, RunProgress

#include <functional>
#include <memory>
#include <optional>
#include <vector>
#include <wx/dialog.h>

#include "models/timestamps.h"

class wxButton;
class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace md { class Services; }

namespace md::views {

class TierRecomputeDialog : public wxDialog {
public:
    TierRecomputeDialog(wxWindow* parent, std::shared_ptr<Services> services, Actor actor);

private:
    std::optional<Date> as_of() const;  // shows the error when the date is not one
    void show_runs();
    void on_preview();
    void on_run();
    void on_resume();
    // Runs `work` (a recompute or a resume) under a progress dialog; Cancel pauses it.
    void run_with_progress(const std::function<TierRun(const RunProgress&)>& work, long long members);

    std::shared_ptr<Services> services_;
    Actor actor_;
    std::optional<Date> previewed_;
    long long previewed_members_ = 0;
    std::vector<TierRun> runs_shown_;  // the run list's rows
    wxTextCtrl* date_ = nullptr;
    wxTextCtrl* purpose_ = nullptr;
    wxStaticText* summary_ = nullptr;
    wxListCtrl* counts_ = nullptr;
    wxListCtrl* runs_ = nullptr;
    wxButton* run_ = nullptr;
    wxButton* resume_ = nullptr;
};

}  // namespace md::views

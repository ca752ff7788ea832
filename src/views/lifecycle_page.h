#pragma once
// Lifecycle tab: the inactivity thresholds that make a member dormant and then lapsed
// (domain.md §2). The lifecycle job reads the thresholds in force on the day it evaluates.
#include "views/program_page.h"

class wxSpinCtrl;
class wxStaticText;

namespace md::views {

class LifecyclePage : public ProgramPage {
public:
    LifecyclePage(wxWindow* parent, Proposer& proposer);
    void show(const Program& program) override;
    std::optional<ItemRef> selected_item() const override;

private:
    void explain();
    void on_propose();
    LifecycleRule shown_;
    wxStaticText* none_ = nullptr;
    wxSpinCtrl* dormant_ = nullptr;
    wxSpinCtrl* lapsed_ = nullptr;
    wxStaticText* rule_ = nullptr;
};

}  // namespace md::views

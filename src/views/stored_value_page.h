#pragma once
// Stored value tab: which bucket a purchase (and a meal package) spends first — principal,
// bonus or compensation. A programme item under approval like the others; staff see the
// order in force on every member's Stored value & points tab.
#include "views/program_page.h"

class wxChoice;
class wxStaticText;

namespace md::views {

class StoredValuePage : public ProgramPage {
public:
    StoredValuePage(wxWindow* parent, Proposer& proposer);
    void show(const Program& program) override;
    std::optional<ItemRef> selected_item() const override;

private:
    void explain();
    void on_propose();
    DrawOrder chosen() const;
    StoredValueRule shown_;
    wxStaticText* none_ = nullptr;
    wxChoice* order_ = nullptr;
    wxStaticText* rule_ = nullptr;
};

}  // namespace md::views

#pragma once
// The Cards & Stored Value area: prepaid card batches (create one, with its PIN file and
// printable card sheet; expiring the never-activated cards past their last day), and a card looked
// up by number with its history, blocked, unblocked or closed.
#include "services/actor.h"
#include "views/lazy_area.h"

#include <memory>
#include <wx/panel.h>

class wxButton;
class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace md { class Services; }

namespace md::views {

class CardsPanel : public wxPanel, public LazyArea {
public:
    CardsPanel(wxWindow* parent, std::shared_ptr<Services> services, Actor actor);

private:
    void load() override;
    void reload_batches();
    void look_up();
    void on_new_batch(wxCommandEvent&);
    void on_block(bool block);
    void on_close();
    void on_expire_unused();

    std::shared_ptr<Services> services_;
    Actor actor_;
    wxListCtrl* batches_ = nullptr;
    wxTextCtrl* card_number_ = nullptr;
    wxStaticText* card_facts_ = nullptr;
    wxListCtrl* card_events_ = nullptr;
    wxButton* block_ = nullptr;
    wxButton* unblock_ = nullptr;
    wxButton* close_ = nullptr;
    wxButton* find_ = nullptr;
    std::string shown_card_;
};

}  // namespace md::views

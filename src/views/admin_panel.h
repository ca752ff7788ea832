#pragma once
// Admin area: console users, and backups. Each tab reads the database when first shown.
#include "services/actor.h"
#include "views/lazy_area.h"

#include <functional>
#include <memory>
#include <wx/panel.h>

class wxNotebook;

namespace md { class Services; }

namespace md::views {

class BackupPage;

class AdminPanel : public wxPanel, public LazyArea {
public:
    // reopen: signs in again to the database (after a restore replaced it).
    AdminPanel(wxWindow* parent, std::shared_ptr<Services> services, Actor actor, std::function<void()> reopen);

    // Shows the Backups tab and asks where to write a backup (the reminder's button).
    void back_up_now();

private:
    void load() override;
    void show_tab(int index);

    wxNotebook* tabs_ = nullptr;
    BackupPage* backups_ = nullptr;
};

}  // namespace md::views

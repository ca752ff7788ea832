#pragma once
// Admin area, Backups tab: when the last backup was, the reminder's days, and the two actions.
// A backup is written while everyone goes on working; a restore replaces the whole database, so
// it asks first and then signs everyone in again (this console reopens the database).
#include "services/actor.h"
#include "views/lazy_area.h"

#include <functional>
#include <memory>
#include <wx/panel.h>

class wxButton;
class wxSpinCtrl;
class wxStaticText;

namespace md { class Services; }

namespace md::views {

class BackupPage : public wxPanel, public LazyArea {
public:
    // reopen: called after a restore, to sign in again to the restored database.
    BackupPage(wxWindow* parent, std::shared_ptr<Services> services, Actor actor, std::function<void()> reopen);

    void back_up_now();

private:
    void load() override;
    void restore_from_file();
    void save_reminder();

    std::shared_ptr<Services> services_;
    Actor actor_;
    std::function<void()> reopen_;
    wxStaticText* last_backup_ = nullptr;
    wxStaticText* due_ = nullptr;
    wxSpinCtrl* reminder_days_ = nullptr;
    wxButton* save_reminder_ = nullptr;
    wxButton* back_up_ = nullptr;
    wxButton* restore_ = nullptr;
};

}  // namespace md::views

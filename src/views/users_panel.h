#pragma once
// Admin area: console users. Every change goes through UserService with the version that was
// loaded, so an edit over someone else's newer change is refused instead of silently lost.
#include "models/user.h"
#include "services/actor.h"
#include "views/lazy_area.h"

#include <memory>
#include <optional>
#include <vector>
#include <wx/panel.h>

class wxButton;
class wxListCtrl;
class wxListEvent;
class wxStaticText;

namespace md { class Services; }

namespace md::views {

class UsersPanel : public wxPanel, public LazyArea {
public:
    UsersPanel(wxWindow* parent, std::shared_ptr<Services> services, Actor actor);

private:
    void load() override;
    void reload(const std::string& keep_selected);
    void show_refusal(const wxString& message);
    std::optional<User> selected_user() const;
    void update_buttons();
    int latest_version(const std::string& username, int fallback);

    void on_add(wxCommandEvent&);
    void on_change_role(wxCommandEvent&);
    void on_toggle_active(wxCommandEvent&);
    void on_reset_password(wxCommandEvent&);

    std::shared_ptr<Services> services_;
    Actor actor_;
    std::vector<User> users_;

    wxStaticText* refusal_ = nullptr;
    wxListCtrl* list_ = nullptr;
    wxButton* add_ = nullptr;
    wxButton* change_role_ = nullptr;
    wxButton* toggle_active_ = nullptr;
    wxButton* reset_password_ = nullptr;
    wxButton* refresh_ = nullptr;
};

}  // namespace md::views

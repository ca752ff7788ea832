#include "views/users_panel.h"

#include "models/date_text.h"
#include "models/errors.h"
#include "services/services.h"
#include "views/date_columns.h"
#include "views/error_dialog.h"
#include "views/user_form_dialogs.h"
#include "views/wx_text.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace md::views {
namespace {

enum Column { ColUsername, ColName, ColRole, ColActive, ColLockedUntil, ColVersion };

}  // namespace

UsersPanel::UsersPanel(wxWindow* parent, std::shared_ptr<Services> services, Actor actor)
    : wxPanel(parent), services_(std::move(services)), actor_(std::move(actor)) {
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, _("Console users"));
    title->SetFont(title->GetFont().Bold());
    sizer->Add(title, 0, wxALL, gap);

    refusal_ = new wxStaticText(this, wxID_ANY, wxString());
    sizer->Add(refusal_, 0, wxLEFT | wxRIGHT | wxBOTTOM, gap);

    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->AppendColumn(_("Username"), wxLIST_FORMAT_LEFT, FromDIP(120));
    list_->AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, FromDIP(200));
    list_->AppendColumn(_("Role"), wxLIST_FORMAT_LEFT, FromDIP(160));
    list_->AppendColumn(_("Active"), wxLIST_FORMAT_LEFT, FromDIP(70));
    list_->AppendColumn(_("Locked until"), wxLIST_FORMAT_LEFT, time_column_width(this));
    list_->AppendColumn(_("Version"), wxLIST_FORMAT_RIGHT, FromDIP(70));
    sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT, gap);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    add_ = new wxButton(this, wxID_ANY, _("&Add user…"));
    change_role_ = new wxButton(this, wxID_ANY, _("Change &role…"));
    toggle_active_ = new wxButton(this, wxID_ANY, _("&Disable"));
    reset_password_ = new wxButton(this, wxID_ANY, _("Reset &password…"));
    refresh_ = new wxButton(this, wxID_ANY, _("Refresh"));
    for (wxButton* b : {add_, change_role_, toggle_active_, reset_password_}) buttons->Add(b, 0, wxRIGHT, gap);
    buttons->AddStretchSpacer();
    buttons->Add(refresh_);
    sizer->Add(buttons, 0, wxEXPAND | wxALL, gap);
    SetSizer(sizer);

    add_->Bind(wxEVT_BUTTON, &UsersPanel::on_add, this);
    change_role_->Bind(wxEVT_BUTTON, &UsersPanel::on_change_role, this);
    toggle_active_->Bind(wxEVT_BUTTON, &UsersPanel::on_toggle_active, this);
    reset_password_->Bind(wxEVT_BUTTON, &UsersPanel::on_reset_password, this);
    refresh_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { reload(selected_user() ? selected_user()->username : ""); });
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { update_buttons(); });
    list_->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { update_buttons(); });
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) {
        wxCommandEvent ignored;
        on_change_role(ignored);
    });
    refusal_->Hide();
    update_buttons();
}

void UsersPanel::load() { reload(""); }

void UsersPanel::show_refusal(const wxString& message) {
    refusal_->SetLabel(message);
    refusal_->Wrap(FromDIP(640));
    refusal_->Show();
    for (wxWindow* w : std::initializer_list<wxWindow*>{list_, add_, change_role_, toggle_active_, reset_password_})
        w->Hide();
    Layout();
}

void UsersPanel::reload(const std::string& keep_selected) {
    try {
        users_ = services_->users.list(actor_);
    } catch (const PermissionError& e) {
        // Not an accident to report in a box: this person simply may not see users.
        show_refusal(to_wx(e.what()));
        return;
    } catch (const std::exception& e) {
        show_error(this, e);
        return;
    }
    const Instant now = now_utc();
    list_->Freeze();
    list_->DeleteAllItems();
    for (std::size_t i = 0; i < users_.size(); ++i) {
        const User& user = users_[i];
        const long row = list_->InsertItem(static_cast<long>(i), to_wx(user.username));
        list_->SetItem(row, ColName, to_wx(user.display_name));
        list_->SetItem(row, ColRole, to_wx(role_label(user.role)));
        list_->SetItem(row, ColActive, user.active ? _("Yes") : _("No"));
        list_->SetItem(row, ColLockedUntil,
                       is_locked(user, now) ? to_wx(display_business_time(*user.locked_until)) : wxString());
        list_->SetItem(row, ColVersion, wxString::Format("%d", user.version));
        if (user.username == keep_selected) list_->SetItemState(row, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    }
    list_->Thaw();
    update_buttons();
}

std::optional<User> UsersPanel::selected_user() const {
    const long row = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (row < 0 || static_cast<std::size_t>(row) >= users_.size()) return std::nullopt;
    return users_[static_cast<std::size_t>(row)];
}

void UsersPanel::update_buttons() {
    const std::optional<User> user = selected_user();
    // The buttons follow the permission table; the service still checks every call.
    const bool may_manage = role_may(actor_.role, Action::ManageUsers);
    add_->Enable(may_manage);
    change_role_->Enable(may_manage && user);
    reset_password_->Enable(may_manage && user);
    toggle_active_->Enable(may_manage && user);
    toggle_active_->SetLabel(user && !user->active ? _("&Enable") : _("&Disable"));
    Layout();
}

int UsersPanel::latest_version(const std::string& username, int fallback) {
    try {
        return services_->users.get(actor_, username).version;
    } catch (const std::exception&) {
        return fallback;  // the next Save reports whatever is wrong now
    }
}

void UsersPanel::on_add(wxCommandEvent&) {
    std::string added;
    AddUserDialog dialog(this, [&](const NewUser& user) { added = services_->users.add(actor_, user).username; });
    if (dialog.ShowModal() == wxID_OK) reload(added);
}

void UsersPanel::on_change_role(wxCommandEvent&) {
    const std::optional<User> user = selected_user();
    if (!user || !role_may(actor_.role, Action::ManageUsers)) return;
    int expected_version = user->version;
    ChangeRoleDialog dialog(this, *user, [&](const std::string& role) {
        UserChanges changes;
        changes.role = role;
        try {
            services_->users.update(actor_, user->username, changes, expected_version);
        } catch (const StaleEditError&) {
            expected_version = latest_version(user->username, expected_version);
            throw;
        }
    });
    dialog.ShowModal();
    reload(user->username);
}

void UsersPanel::on_toggle_active(wxCommandEvent&) {
    const std::optional<User> user = selected_user();
    if (!user) return;
    const wxString question =
        user->active ? wxString::Format(_("Disable %s? They can no longer sign in."), to_wx(user->username))
                     : wxString::Format(_("Enable %s again? They can sign in with their password."),
                                        to_wx(user->username));
    if (wxMessageBox(question, user->active ? _("Disable user") : _("Enable user"), wxYES_NO | wxICON_QUESTION,
                     this) != wxYES)
        return;
    UserChanges changes;
    changes.active = !user->active;
    run_or_show_error(this, [&] { services_->users.update(actor_, user->username, changes, user->version); },
                      _("The list now shows their version."));
    reload(user->username);
}

void UsersPanel::on_reset_password(wxCommandEvent&) {
    const std::optional<User> user = selected_user();
    if (!user) return;
    int expected_version = user->version;
    ResetPasswordDialog dialog(this, *user, [&](const std::string& password) {
        try {
            services_->users.reset_password(actor_, user->username, password, expected_version);
        } catch (const StaleEditError&) {
            expected_version = latest_version(user->username, expected_version);
            throw;
        }
    });
    if (dialog.ShowModal() == wxID_OK)
        wxMessageBox(wxString::Format(_("The password of %s was reset."), to_wx(user->username)),
                     _("Reset password"), wxOK | wxICON_INFORMATION, this);
    reload(user->username);
}

}  // namespace md::views

#include "views/admin_panel.h"

#include "views/backup_page.h"
#include "views/users_panel.h"

#include <wx/notebook.h>
#include <wx/sizer.h>

namespace md::views {

AdminPanel::AdminPanel(wxWindow* parent, std::shared_ptr<Services> services, Actor actor, std::function<void()> reopen)
    : wxPanel(parent) {
    tabs_ = new wxNotebook(this, wxID_ANY);
    tabs_->AddPage(new UsersPanel(tabs_, services, actor), _("Users"));
    backups_ = new BackupPage(tabs_, std::move(services), std::move(actor), std::move(reopen));
    tabs_->AddPage(backups_, _("Backups"));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(tabs_, 1, wxEXPAND);
    SetSizer(sizer);
    tabs_->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& event) {
        show_tab(event.GetSelection());
        event.Skip();
    });
}

void AdminPanel::load() { show_tab(tabs_->GetSelection()); }

void AdminPanel::show_tab(int index) {
    if (index < 0) return;
    if (auto* lazy = dynamic_cast<LazyArea*>(tabs_->GetPage(static_cast<std::size_t>(index)))) lazy->show_first_time();
}

void AdminPanel::back_up_now() {
    tabs_->SetSelection(1);  // Backups; the page-changed event loads it
    show_tab(1);
    backups_->back_up_now();
}

}  // namespace md::views

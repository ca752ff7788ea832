#pragma once
// Audit area: the audit trail, read-only, filtered by user, action and business days.
#include "services/actor.h"
#include "views/lazy_area.h"

#include <memory>
#include <wx/panel.h>

class wxStaticText;
class wxTextCtrl;
class wxButton;

namespace md { class Services; struct AuditFilter; }

namespace md::views {

class AuditListCtrl;

class AuditPanel : public wxPanel, public LazyArea {
public:
    AuditPanel(wxWindow* parent, std::shared_ptr<Services> services, Actor actor);

private:
    void load() override;
    AuditFilter read_filter() const;
    void show_refusal(const wxString& message);

    std::shared_ptr<Services> services_;
    Actor actor_;
    wxTextCtrl* user_ = nullptr;
    wxTextCtrl* action_ = nullptr;
    wxTextCtrl* from_ = nullptr;
    wxTextCtrl* to_ = nullptr;
    wxButton* refresh_ = nullptr;
    wxStaticText* summary_ = nullptr;
    AuditListCtrl* list_ = nullptr;
};

}  // namespace md::views

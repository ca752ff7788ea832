#include "views/audit_panel.h"

#include "models/errors.h"
#include "services/services.h"
#include "views/audit_list_ctrl.h"
#include "views/error_dialog.h"
#include "views/wx_text.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace md::views {
namespace {

wxTextCtrl* add_filter(wxWindow* parent, wxSizer* row, const wxString& label, const wxString& hint, int width) {
    row->Add(new wxStaticText(parent, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, parent->FromDIP(4));
    auto* field = new wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition,
                                 parent->FromDIP(wxSize(width, -1)), wxTE_PROCESS_ENTER);
    field->SetHint(hint);
    row->Add(field, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, parent->FromDIP(12));
    return field;
}

std::optional<std::string> optional_text(const wxTextCtrl* field) {
    const wxString text = field->GetValue().Strip(wxString::both);
    if (text.empty()) return std::nullopt;
    return to_utf8(text);
}

}  // namespace

AuditPanel::AuditPanel(wxWindow* parent, std::shared_ptr<Services> services, Actor actor)
    : wxPanel(parent), services_(std::move(services)), actor_(std::move(actor)) {
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, _("Audit trail"));
    title->SetFont(title->GetFont().Bold());
    sizer->Add(title, 0, wxALL, gap);

    auto* filters = new wxBoxSizer(wxHORIZONTAL);
    user_ = add_filter(this, filters, _("User:"), _("any"), 110);
    action_ = add_filter(this, filters, _("Action:"), _("e.g. user."), 110);
    from_ = add_filter(this, filters, _("From:"), "YYYY-MM-DD", 110);
    to_ = add_filter(this, filters, _("To:"), "YYYY-MM-DD", 110);
    refresh_ = new wxButton(this, wxID_ANY, _("Refresh"));
    filters->Add(refresh_, 0, wxALIGN_CENTER_VERTICAL);
    sizer->Add(filters, 0, wxLEFT | wxRIGHT | wxBOTTOM, gap);

    summary_ = new wxStaticText(this, wxID_ANY, wxString());
    sizer->Add(summary_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    list_ = new AuditListCtrl(this);
    sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    SetSizer(sizer);

    refresh_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { load(); });
    for (wxTextCtrl* field : {user_, action_, from_, to_})
        field->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { load(); });
}

AuditFilter AuditPanel::read_filter() const {
    AuditFilter filter;
    filter.actor = optional_text(user_);
    filter.action = optional_text(action_);
    if (auto from = optional_text(from_)) filter.from = parse_date(*from, "from");
    if (auto to = optional_text(to_)) filter.to = parse_date(*to, "to");
    return filter;
}

void AuditPanel::show_refusal(const wxString& message) {
    summary_->SetLabel(message);
    summary_->Wrap(FromDIP(640));
    wxWindow* title = GetChildren().GetFirst()->GetData();
    for (wxWindow* w : GetChildren())
        if (w != summary_ && w != title) w->Hide();
    Layout();
}

void AuditPanel::load() {
    try {
        const AuditFilter filter = read_filter();
        std::vector<AuditRecord> records = services_->audit.list(actor_, filter);
        const std::size_t count = records.size();
        list_->show_records(std::move(records));
        summary_->SetLabel(count >= static_cast<std::size_t>(filter.limit)
                               ? wxString::Format(_("The newest %d records; narrow the filter to see older ones."), static_cast<int>(count))
                               : wxString::Format(_("%d records, newest first."), static_cast<int>(count)));
    } catch (const PermissionError& e) {
        show_refusal(to_wx(e.what()));
    } catch (const std::exception& e) {
        show_error(this, e);
    }
    Layout();
}

}  // namespace md::views

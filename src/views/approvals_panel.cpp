#include "views/approvals_panel.h"

#include "models/date_text.h"
#include "models/errors.h"
#include "services/services.h"
#include "views/change_dialogs.h"
#include "views/compensation_inbox.h"
#include "views/date_columns.h"
#include "views/error_dialog.h"
#include "views/field_path_labels.h"
#include "views/program_labels.h"
#include "views/simulation_view.h"
#include "views/wx_text.h"

#include <algorithm>
#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/settings.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace md::views {
namespace {

enum Column { ColId, ColKind, ColItem, ColStatus, ColEffective, ColBy };

// The item's name from the proposal when it has one ("Individual ladder"), else its key.
wxString item_label(const ChangeRequest& r) {
    wxString key = to_wx(r.item_key);
    if (r.kind == ChangeKind::Denomination) key = short_yuan(Money::parse(r.item_key, "key"));
    if (!r.proposed) return key;
    const nlohmann::json item = nlohmann::json::parse(*r.proposed, nullptr, false);
    if (!item.is_object() || !item.contains("name_en")) return key;
    const wxString name = local_name(item.value("name_zh", ""), item.value("name_en", ""));
    return name.empty() ? key : wxString::Format("%s (%s)", name, key);
}

wxString request_title(const ChangeRequest& r) {
    return wxString::Format(_("Change #%lld — %s: %s"), static_cast<long long>(r.id),
                            label_of(change_kind_labels(), r.kind), item_label(r));
}

}  // namespace

ApprovalsPanel::ApprovalsPanel(wxWindow* parent, std::shared_ptr<Services> services, Actor actor)
    : wxPanel(parent), services_(std::move(services)), actor_(std::move(actor)) {
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    auto* title = new wxStaticText(this, wxID_ANY, _("Change requests"));
    title->SetFont(title->GetFont().Bold());
    top->Add(title, 0, wxALIGN_CENTER_VERTICAL);
    top->AddStretchSpacer();
    auto* refresh = new wxButton(this, wxID_ANY, _("Refresh"));
    top->Add(refresh, 0);
    sizer->Add(top, 0, wxEXPAND | wxALL, gap);
    refusal_ = new wxStaticText(this, wxID_ANY, wxString());
    sizer->Add(refusal_, 0, wxLEFT | wxRIGHT, gap);
    refusal_->Hide();

    // Side by side in a plain sizer: a splitter made before the area has its size puts the sash anywhere.
    auto* panes = new wxBoxSizer(wxHORIZONTAL);
    inboxes_ = new wxNotebook(this, wxID_ANY);
    for (int i = 0; i < InboxCount; ++i) {
        auto* list = new wxListCtrl(inboxes_, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
        list->AppendColumn("#", wxLIST_FORMAT_RIGHT, FromDIP(36));
        list->AppendColumn(_("Kind"), wxLIST_FORMAT_LEFT, FromDIP(88));
        list->AppendColumn(_("Item"), wxLIST_FORMAT_LEFT, FromDIP(126));
        list->AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, FromDIP(80));
        list->AppendColumn(_("Effective"), wxLIST_FORMAT_LEFT, date_column_width(this));
        list->AppendColumn(_("By"), wxLIST_FORMAT_LEFT, FromDIP(64));
        list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { show_detail(selected_id()); });
        lists_[static_cast<std::size_t>(i)] = list;
        inboxes_->AddPage(list, wxString());
    }
    // Compensation above the caps waits here too, for the same approvers (own page, own detail).
    if (role_may(actor_.role, Action::ViewComplaints)) {
        compensation_ = new CompensationInbox(inboxes_, services_, actor_);
        inboxes_->AddPage(compensation_, _("Compensation"));
    }
    inboxes_->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& e) {
        detail_->Show(e.GetSelection() < InboxCount);
        show_detail(selected_id());
        Layout();
        e.Skip();
    });

    auto* detail = new wxPanel(this);
    detail_ = detail;
    auto* d = new wxBoxSizer(wxVERTICAL);
    heading_ = new wxStaticText(detail, wxID_ANY, _("Choose a request on the left."));
    heading_->SetFont(heading_->GetFont().Bold());
    d->Add(heading_, 0, wxALL, gap);
    facts_ = new wxPanel(detail);
    auto* facts_grid = new wxFlexGridSizer(2, FromDIP(3), FromDIP(10));
    facts_grid->AddGrowableCol(1);
    facts_->SetSizer(facts_grid);
    d->Add(facts_, 0, wxEXPAND | wxLEFT | wxRIGHT, gap);
    diff_title_ = new wxStaticText(detail, wxID_ANY, _("Changes, field by field:"));
    d->Add(diff_title_, 0, wxLEFT | wxRIGHT | wxTOP, gap);
    diff_ = new wxListCtrl(detail, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    diff_->AppendColumn(_("Field"), wxLIST_FORMAT_LEFT, FromDIP(260));
    diff_->AppendColumn(_("Before"), wxLIST_FORMAT_LEFT, FromDIP(140));
    diff_->AppendColumn(_("After"), wxLIST_FORMAT_LEFT, FromDIP(140));
    d->Add(diff_, 1, wxEXPAND | wxALL, gap);
    simulation_ = new SimulationView(detail);
    d->Add(simulation_, 2, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    approve_ = new wxButton(detail, wxID_ANY, _("Approve…"));
    reject_ = new wxButton(detail, wxID_ANY, _("Reject…"));
    buttons->AddStretchSpacer();
    buttons->Add(approve_, 0, wxRIGHT, gap);
    buttons->Add(reject_, 0);
    d->Add(buttons, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    detail->SetSizer(d);

    panes->Add(inboxes_, 1, wxEXPAND | wxRIGHT, gap);
    panes->Add(detail, 1, wxEXPAND);
    sizer->Add(panes, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    SetSizer(sizer);

    if (!role_may(actor_.role, Action::DecideChange)) {
        const wxString why = wxString::Format(_("Your role (%s) does not decide change requests; approvers, finance "
                                                "and administrators do."),
                                              to_wx(role_label(actor_.role)));
        approve_->SetToolTip(why);
        reject_->SetToolTip(why);
    }
    refresh->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { reload(selected_id()); });
    approve_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { decide(true); });
    reject_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { decide(false); });
    show_detail(std::nullopt);
}

void ApprovalsPanel::load() {
    // Someone with anything to decide starts there; everyone else starts with their own requests.
    reload(std::nullopt);
    int start = WaitingForMe;
    if (requests_[WaitingForMe].empty() && !requests_[MySubmissions].empty()) start = MySubmissions;
    // Nothing else to decide, but compensation waits for this approver: start there.
    if (requests_[WaitingForMe].empty() && compensation_ && compensation_->has_pending() &&
        role_may(actor_.role, Action::DecideCompensation)) {
        inboxes_->SetSelection(InboxCount);  // fires the page change, which hides the request detail
        return;
    }
    inboxes_->ChangeSelection(static_cast<std::size_t>(start));
    if (!requests_[static_cast<std::size_t>(start)].empty())
        lists_[static_cast<std::size_t>(start)]->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                                              wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    show_detail(selected_id());
}

void ApprovalsPanel::show_refusal(const wxString& message) {
    refusal_->SetLabel(message);
    refusal_->Wrap(FromDIP(640));
    refusal_->Show();
    for (wxWindow* w : GetChildren())
        if (w != refusal_ && dynamic_cast<wxStaticText*>(w) == nullptr && dynamic_cast<wxButton*>(w) == nullptr) w->Hide();
    Layout();
}

void ApprovalsPanel::reload(std::optional<std::int64_t> keep_selected) {
    try {
        requests_[WaitingForMe] = services_->program.waiting_for(actor_);
        ChangeQuery mine;
        mine.created_by = actor_.username;
        requests_[MySubmissions] = services_->program.list(actor_, mine);
        ChangeQuery approved, rejected;
        approved.status = ChangeStatus::Approved;
        rejected.status = ChangeStatus::Rejected;
        requests_[Decided] = services_->program.list(actor_, approved);
        for (ChangeRequest& r : services_->program.list(actor_, rejected)) requests_[Decided].push_back(std::move(r));
    } catch (const PermissionError& e) {
        show_refusal(to_wx(e.what()));
        return;
    } catch (const std::exception& e) {
        show_error(this, e);
        return;
    }
    for (auto& list : requests_)
        std::sort(list.begin(), list.end(), [](const ChangeRequest& a, const ChangeRequest& b) { return a.id > b.id; });
    const wxString names[] = {_("Waiting for me (%zu)"), _("My submissions (%zu)"), _("Decided (%zu)")};
    for (int i = 0; i < InboxCount; ++i) {
        inboxes_->SetPageText(static_cast<std::size_t>(i), wxString::Format(names[i], requests_[static_cast<std::size_t>(i)].size()));
        fill(static_cast<Inbox>(i));
    }
    if (compensation_)
        inboxes_->SetPageText(InboxCount, wxString::Format(_("Compensation (%zu)"), compensation_->reload()));
    // Keep the request that was on screen selected in whichever list shows it.
    if (keep_selected && inboxes_->GetSelection() < InboxCount) {
        wxListCtrl* list = lists_[static_cast<std::size_t>(inboxes_->GetSelection())];
        const auto& rows = requests_[static_cast<std::size_t>(inboxes_->GetSelection())];
        for (std::size_t i = 0; i < rows.size(); ++i)
            if (rows[i].id == *keep_selected) list->SetItemState(static_cast<long>(i), wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    }
    show_detail(keep_selected ? keep_selected : selected_id());
    Layout();
}

void ApprovalsPanel::fill(Inbox inbox) {
    wxListCtrl* list = lists_[inbox];
    const auto& rows = requests_[inbox];
    list->Freeze();
    list->DeleteAllItems();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const ChangeRequest& r = rows[i];
        const long row = list->InsertItem(static_cast<long>(i), wxString::Format("%lld", static_cast<long long>(r.id)));
        list->SetItem(row, ColKind, label_of(change_kind_labels(), r.kind));
        list->SetItem(row, ColItem, item_label(r));
        list->SetItem(row, ColStatus, label_of(change_status_labels(), r.status));
        list->SetItem(row, ColEffective, to_wx(display_date(r.effective_from)));
        list->SetItem(row, ColBy, to_wx(r.created_by));
    }
    list->Thaw();
}

std::optional<std::int64_t> ApprovalsPanel::selected_id() const {
    const int page = inboxes_->GetSelection();
    if (page < 0 || page >= InboxCount) return std::nullopt;
    const long row = lists_[static_cast<std::size_t>(page)]->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    const auto& rows = requests_[static_cast<std::size_t>(page)];
    if (row < 0 || static_cast<std::size_t>(row) >= rows.size()) return std::nullopt;
    return rows[static_cast<std::size_t>(row)].id;
}

void ApprovalsPanel::show_detail(std::optional<std::int64_t> id) {
    shown_.reset();
    diff_->DeleteAllItems();
    if (id) {
        try {
            shown_ = services_->program.show(actor_, *id);
        } catch (const std::exception& e) {
            show_error(this, e);
        }
    }
    if (!shown_) {
        heading_->SetLabel(_("Choose a request on the left."));
        facts_->DestroyChildren();
        diff_title_->SetLabel(_("Changes, field by field:"));
        simulation_->Hide();
        approve_->Disable();
        reject_->Disable();
        detail_->Layout();
        return;
    }
    const ChangeRequest& r = shown_->request;
    heading_->SetLabel(request_title(r));

    facts_->DestroyChildren();
    wxSizer* grid = facts_->GetSizer();
    auto line = [&](const wxString& label, const wxString& value) {
        auto* name = new wxStaticText(facts_, wxID_ANY, label);
        name->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
        grid->Add(name, 0, wxALIGN_TOP);
        auto* text = new wxStaticText(facts_, wxID_ANY, value);
        text->Wrap(FromDIP(360));
        grid->Add(text, 1, wxEXPAND);
    };
    line(_("Status:"), label_of(change_status_labels(), r.status));
    line(_("Effective from:"), to_wx(display_date(r.effective_from)));
    line(_("Reason:"), to_wx(r.reason));
    line(_("Proposed by:"), wxString::Format(_("%s on %s"), to_wx(r.created_by), to_wx(display_business_time(r.created_at))));
    if (r.submitted_at) line(_("Submitted:"), to_wx(display_business_time(*r.submitted_at)));
    line(_("Approvals:"), wxString::Format(_("%d of %d needed (approver role: %s)"), approvals_given(r),
                                           shown_->rule.approvals_needed, to_wx(role_label(shown_->rule.approver_role))));
    wxString decisions;
    for (const ChangeDecision& d : r.decisions)
        decisions += (decisions.empty() ? "" : "\n") +
                     wxString::Format(d.approved ? _("%s approved on %s: “%s”") : _("%s rejected on %s: “%s”"),
                                      to_wx(d.approver), to_wx(display_business_time(d.at)), to_wx(d.comment));
    line(_("Decisions:"), decisions.empty() ? _("none yet") : decisions);

    diff_title_->SetLabel(shown_->in_force_version == 0
                              ? _("Changes, field by field (a new item: nothing in force to compare with):")
                              : wxString::Format(_("Changes, field by field, against version %d in force on %s:"),
                                                 shown_->in_force_version, to_wx(display_date(r.effective_from))));
    if (!r.proposed) {
        const long row = diff_->InsertItem(0, _("(whole item)"));
        diff_->SetItem(row, 1, _("in force"));
        diff_->SetItem(row, 2, _("retired"));
    }
    // Field paths in words, naming tiers and packages by the proposed item's own names.
    const nlohmann::json proposed = r.proposed ? nlohmann::json::parse(*r.proposed, nullptr, false) : nlohmann::json();
    for (std::size_t i = 0; i < shown_->diff.size(); ++i) {
        const FieldChange& c = shown_->diff[i];
        const long row = diff_->InsertItem(static_cast<long>(diff_->GetItemCount()), field_path_label(c.path, proposed));
        diff_->SetItem(row, 1, c.before.empty() ? wxString("—") : to_wx(c.before));
        diff_->SetItem(row, 2, c.after.empty() ? wxString("—") : to_wx(c.after));
    }
    // Values as wide as they are (a time, a list of tiers), never narrower than the header; the
    // list scrolls sideways rather than cutting a value short.
    for (int column = 1; column <= 2; ++column) {
        diff_->SetColumnWidth(column, wxLIST_AUTOSIZE);
        if (diff_->GetColumnWidth(column) < FromDIP(140)) diff_->SetColumnWidth(column, FromDIP(140));
    }
    if (r.proposed && shown_->diff.empty() && r.status == ChangeStatus::Approved &&
        shown_->in_force_version > r.base_version)
        // show() compares with what is in force on the effective date, which is this request now.
        diff_title_->SetLabel(wxString::Format(_("Approved: this request is now version %d, in force from %s."),
                                               shown_->in_force_version, to_wx(display_date(r.effective_from))));
    // A change that moves money or status carries the what-if worked out when it was submitted.
    simulation_->Show(shown_->simulation.has_value());
    if (shown_->simulation)
        run_or_show_error(this, [&] {
            simulation_->show(nlohmann::json::parse(*shown_->simulation),
                              services_->program.rules_in_force(services_->program.today()));
        });
    // Deciding one's own request stays possible on screen: the core refuses it and says why.
    const bool open = r.status == ChangeStatus::Submitted && role_may(actor_.role, Action::DecideChange);
    approve_->Enable(open);
    reject_->Enable(open);
    detail_->Layout();
}

void ApprovalsPanel::decide(bool approve) {
    if (!shown_) return;
    const std::int64_t id = shown_->request.id;
    DecisionDialog dialog(this, approve, request_title(shown_->request),
                          [&](const std::string& comment) { services_->program.decide(actor_, id, approve, comment); });
    dialog.ShowModal();
    reload(id);
}

}  // namespace md::views

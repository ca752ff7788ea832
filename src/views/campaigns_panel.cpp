#include "views/campaigns_panel.h"

#include "models/date_text.h"
#include "models/errors.h"
#include "models/role.h"
#include "models/translate.h"
#include "services/program_codec.h"
#include "services/services.h"
#include "views/campaign_form_dialog.h"
#include "views/campaign_labels.h"
#include "views/campaign_month_view.h"
#include "views/campaign_week_view.h"
#include "views/campaign_window.h"
#include "views/change_dialogs.h"
#include "views/error_dialog.h"
#include "views/heading.h"
#include "views/wx_text.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/ffile.h>
#include <wx/filedlg.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/radiobut.h>
#include <wx/srchctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace md::views {
namespace {

// How far around today the list mode reaches.
constexpr int kListYears = 1;

std::string lower_ascii(std::string text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

wxString when_text(const CalendarCampaign& c) {
    // One day: "10:00–22:00, every month on day 8"; longer: the first occurrence's start and end.
    const Span& next = c.spans.front();
    const bool one_day = (next.to - boost::posix_time::seconds(1)).date() == next.from.date();
    const std::string when = one_day ? display_time(next.from) + "–" + format_instant(next.to).substr(11, 5)
                                     : display_time(next.from) + " – " + display_time(next.to);
    return to_wx(when + ", " + describe(c.campaign.recurrence));
}

}  // namespace

CampaignsPanel::CampaignsPanel(wxWindow* parent, std::shared_ptr<Services> services, Actor actor)
    : wxPanel(parent), services_(std::move(services)), actor_(std::move(actor)) {
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(bold_heading(this, _("Campaign calendar")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(16));
    month_mode_ = new wxRadioButton(this, wxID_ANY, _("Mont&h"), wxDefaultPosition, wxDefaultSize, wxRB_GROUP);
    week_mode_ = new wxRadioButton(this, wxID_ANY, _("&Week"));
    list_mode_ = new wxRadioButton(this, wxID_ANY, _("&List"));
    for (wxRadioButton* r : {month_mode_, week_mode_, list_mode_}) top->Add(r, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(6));
    top->AddSpacer(FromDIP(10));
    previous_ = new wxButton(this, wxID_ANY, _("◀ &Previous"));
    today_ = new wxButton(this, wxID_ANY, _("T&oday"));
    next_ = new wxButton(this, wxID_ANY, _("&Next ▶"));
    title_ = new wxStaticText(this, wxID_ANY, wxString());
    wxFont big = title_->GetFont();
    big.SetPointSize(big.GetPointSize() + 3);
    big.MakeBold();
    title_->SetFont(big);
    top->Add(previous_, 0, wxRIGHT, FromDIP(4));
    top->Add(today_, 0, wxRIGHT, FromDIP(4));
    top->Add(next_, 0, wxRIGHT, FromDIP(16));
    top->Add(title_, 0, wxALIGN_CENTER_VERTICAL);
    sizer->Add(top, 0, wxALL, gap);

    auto* filters = new wxBoxSizer(wxHORIZONTAL);
    type_filter_ = new wxChoice(this, wxID_ANY);
    type_filter_->Append(_("All types"));
    for (const auto& l : campaign_type_labels()) type_filter_->Append(wxGetTranslation(wxString::FromUTF8(l.msgid)));
    type_filter_->SetSelection(0);
    status_filter_ = new wxChoice(this, wxID_ANY);
    status_filter_->Append(_("All statuses"));
    for (const auto& l : campaign_status_labels()) status_filter_->Append(wxGetTranslation(wxString::FromUTF8(l.msgid)));
    status_filter_->SetSelection(0);
    search_ = new wxSearchCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(200, -1)));
    search_->SetDescriptiveText(_("Code, name or owner"));
    filters->Add(type_filter_, 0, wxRIGHT, FromDIP(6));
    filters->Add(status_filter_, 0, wxRIGHT, FromDIP(6));
    filters->Add(search_, 0, wxRIGHT, FromDIP(16));
    auto* add = new wxButton(this, wxID_ANY, _("New c&ampaign…"));
    auto* edit = new wxButton(this, wxID_ANY, _("&Edit…"));
    auto* cancel_button = new wxButton(this, wxID_ANY, _("&Cancel campaign…"));
    auto* ics = new wxButton(this, wxID_ANY, _("E&xport .ics…"));
    for (wxButton* b : {add, edit, cancel_button}) {
        filters->Add(b, 0, wxRIGHT, FromDIP(4));
        if (!may_propose()) {
            b->Disable();
            b->SetToolTip(wxString::Format(_("Your role (%s) may not propose programme changes; marketing and "
                                             "administrators may."),
                                           to_wx(role_label(actor_.role))));
        }
    }
    filters->Add(ics, 0);
    sizer->Add(filters, 0, wxLEFT | wxRIGHT | wxBOTTOM, gap);

    month_view_ = new CampaignMonthView(this);
    week_view_ = new CampaignWeekView(this);
    week_view_->Hide();
    sizer->Add(month_view_, 3, wxEXPAND | wxLEFT | wxRIGHT, gap);
    sizer->Add(week_view_, 3, wxEXPAND | wxLEFT | wxRIGHT, gap);
    conflicts_ = new wxStaticText(this, wxID_ANY, wxString());
    conflicts_->SetForegroundColour(wxColour(190, 30, 30));
    sizer->Add(conflicts_, 0, wxALL, gap);
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 130)), wxLC_REPORT | wxLC_SINGLE_SEL);
    const std::vector<std::pair<wxString, int>> columns = {{_("Code"), 120},  {_("Campaign name"), 170}, {_("Campaign type"), 115},
                                                           {_("Status"), 80}, {_("When"), 285},          {_("Coins"), -60},
                                                           {_("Budget"), -100}, {_("Owner"), 90}};
    for (const auto& [title, width] : columns)
        list_->AppendColumn(title, width < 0 ? wxLIST_FORMAT_RIGHT : wxLIST_FORMAT_LEFT, FromDIP(std::abs(width)));
    sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    SetSizer(sizer);

    for (wxRadioButton* r : {month_mode_, week_mode_, list_mode_})
        r->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { refresh(); });
    previous_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { step(-1); });
    next_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { step(1); });
    today_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        anchor_ = services_->program.today();
        refresh();
    });
    type_filter_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { refresh(); });
    status_filter_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { refresh(); });
    search_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { refresh(); });
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { plan(std::nullopt); });
    edit->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const std::string code = selected_code();
        for (const CalendarCampaign& c : shown_)
            if (c.campaign.code == code) return plan(c.campaign);
        wxMessageBox(_("Select a campaign in the list first."), _("Edit"), wxOK | wxICON_INFORMATION, this);
    });
    cancel_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (const std::string code = selected_code(); !code.empty()) return cancel(code);
        wxMessageBox(_("Select a campaign in the list first."), _("Cancel campaign"), wxOK | wxICON_INFORMATION, this);
    });
    ics->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { export_ics(); });
    for (CampaignCalendarView* view : std::initializer_list<CampaignCalendarView*>{month_view_, week_view_}) {
        view->on_campaign_clicked([this](const std::string& code) {
            select(code);
            open(code);
        });
        view->on_campaign_moved([this](const std::string& code, boost::posix_time::time_duration shift) { move(code, shift); });
    }
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) { open(to_utf8(list_->GetItemText(e.GetIndex()))); });
}

bool CampaignsPanel::may_propose() const { return role_may(actor_.role, Action::ProposeChange); }

CampaignsPanel::Mode CampaignsPanel::mode() const {
    if (week_mode_->GetValue()) return Mode::Week;
    if (list_mode_->GetValue()) return Mode::List;
    return Mode::Month;
}

void CampaignsPanel::load() {
    anchor_ = services_->program.today();
    refresh();
}

void CampaignsPanel::step(int direction) {
    if (mode() == Mode::Week) anchor_ += boost::gregorian::days(7 * direction);
    else anchor_ = Date(anchor_.year(), anchor_.month(), 1) + boost::gregorian::months(direction);
    refresh();
}

std::vector<CalendarCampaign> CampaignsPanel::filtered(std::vector<CalendarCampaign> campaigns) const {
    const int type = type_filter_->GetSelection(), status = status_filter_->GetSelection();
    const std::string words = lower_ascii(to_utf8(search_->GetValue().Strip(wxString::both)));
    std::erase_if(campaigns, [&](const CalendarCampaign& c) {
        if (type > 0 && campaign_type_labels()[static_cast<std::size_t>(type - 1)].value != c.campaign.type) return true;
        if (status > 0 && campaign_status_labels()[static_cast<std::size_t>(status - 1)].value != c.status) return true;
        if (words.empty()) return false;
        for (const std::string& field : {c.campaign.code, c.campaign.name_zh, c.campaign.name_en, c.campaign.owner})
            if (lower_ascii(field).find(words) != std::string::npos) return false;
        return true;
    });
    return campaigns;
}

void CampaignsPanel::refresh() {
    const Mode m = mode();
    const Date today = services_->program.today();
    Date from, to;
    if (m == Mode::Month) {
        from = CampaignMonthView::first_day_shown(anchor_.year(), anchor_.month());
        to = from + boost::gregorian::days(CampaignMonthView::kDaysShown - 1);
        title_->SetLabel(chinese_ui() ? wxString::Format("%d年%d月", static_cast<int>(anchor_.year()), static_cast<int>(anchor_.month()))
                                      : wxString::Format("%s %d", wxDateTime::GetMonthName(wxDateTime::Month(anchor_.month() - 1)),
                                                         static_cast<int>(anchor_.year())));
    } else if (m == Mode::Week) {
        from = CampaignWeekView::monday_of(anchor_);
        to = from + boost::gregorian::days(6);
        title_->SetLabel(to_wx(display_date(from) + " – " + display_date(to)));
    } else {
        from = today - boost::gregorian::years(kListYears);
        to = today + boost::gregorian::years(kListYears);
        title_->SetLabel(to_wx(display_date(from) + " – " + display_date(to)));
    }
    for (wxButton* b : {previous_, today_, next_}) b->Enable(m != Mode::List);

    std::vector<CalendarCampaign> all;
    std::vector<CampaignConflict> conflicts;
    run_or_show_error(this, [&] {
        all = services_->campaigns.calendar(actor_, from, to);
        conflicts = CampaignService::conflicts(all);
    });
    shown_ = filtered(std::move(all));
    month_view_->Show(m == Mode::Month);
    week_view_->Show(m == Mode::Week);
    if (m == Mode::Month) month_view_->show_month(anchor_.year(), anchor_.month(), shown_, conflicts);
    if (m == Mode::Week) week_view_->show_week(from, shown_, conflicts);

    wxString warning;
    for (const CampaignConflict& c : conflicts)
        warning += wxString(warning.empty() ? "" : "\n") + wxString::FromUTF8("⚠ ") +
                   wxString::Format(_("%s and %s meet on %s, aimed at the same members"), to_wx(c.first), to_wx(c.second),
                                    to_wx(display_date(c.day)));
    conflicts_->SetLabel(warning);
    fill_list();
    Layout();
}

void CampaignsPanel::fill_list() {
    list_->DeleteAllItems();
    for (const CalendarCampaign& c : shown_) {
        const long row = list_->InsertItem(list_->GetItemCount(), to_wx(c.campaign.code));
        list_->SetItem(row, 1, local_name(c.campaign.name_zh, c.campaign.name_en));
        list_->SetItem(row, 2, label_of(campaign_type_labels(), c.campaign.type));
        list_->SetItem(row, 3, label_of(campaign_status_labels(), c.status));
        list_->SetItem(row, 4, when_text(c));
        list_->SetItem(row, 5, c.campaign.coin_multiplier_pct == 100
                                   ? wxString()
                                   : wxString::FromUTF8("×") + to_wx(format_multiplier(c.campaign.coin_multiplier_pct)));
        list_->SetItem(row, 6, to_wx(c.campaign.budget.total().to_display()));
        list_->SetItem(row, 7, to_wx(c.campaign.owner));
        list_->SetItemTextColour(row, CampaignCalendarView::type_colour(c.campaign.type));
    }
}

std::string CampaignsPanel::selected_code() const {
    const long row = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    return row < 0 ? std::string() : to_utf8(list_->GetItemText(row));
}

void CampaignsPanel::select(const std::string& code) {
    for (long row = 0; row < list_->GetItemCount(); ++row)
        if (to_utf8(list_->GetItemText(row)) == code) {
            list_->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
            list_->EnsureVisible(row);
        }
}

void CampaignsPanel::open(const std::string& code) {
    CampaignResults results;
    if (!run_or_show_error(this, [&] { results = services_->campaign_results.results(actor_, code); })) return;
    CampaignWindow window(this, results, may_propose());
    const int chosen = window.ShowModal();
    if (chosen == wxID_EDIT) plan(results.campaign.campaign);
    if (chosen == wxID_DELETE) cancel(code);
    if (chosen == wxID_FORWARD &&
        run_or_show_error(this, [&] { services_->program.submit(actor_, results.campaign.change_request); })) {
        tell_submitted(results.campaign.change_request);
    }
}

void CampaignsPanel::plan(const std::optional<Campaign>& existing) {
    Program program;
    if (!run_or_show_error(this, [&] { program = services_->program.program_as_of(actor_, services_->program.today()); })) return;
    const Date today = services_->program.today();
    const Date first_day = std::max(anchor_, today + boost::gregorian::days(1));
    std::int64_t request = 0;
    bool kept_as_draft = false;
    std::vector<CampaignConflict> conflicts;
    CampaignFormDialog dialog(this, program, existing, actor_.username, today, first_day,
                              [&](const nlohmann::json& item, const std::string& reason, const Date& effective, bool draft) {
                                  Proposal p;
                                  p.kind = ChangeKind::Campaign;
                                  p.item = item;
                                  p.reason = reason;
                                  p.effective_from = effective;
                                  p.submit = !draft;
                                  kept_as_draft = draft;
                                  request = services_->program.propose(actor_, p).id;
                                  conflicts = services_->campaigns.conflicts_with(actor_, campaign_from_json(item, "campaign", 100000));
                              });
    if (dialog.ShowModal() != wxID_OK) return;
    wxString text = kept_as_draft
                        ? wxString::Format(_("Change request #%lld is kept as a draft; open the campaign to submit it."),
                                           static_cast<long long>(request))
                        : wxString::Format(_("Change request #%lld was made. An approver decides it in the Approvals area."),
                                           static_cast<long long>(request));
    for (const CampaignConflict& c : conflicts)
        text += "\n" + wxString::FromUTF8("⚠ ") +
                wxString::Format(_("%s and %s meet on %s, aimed at the same members"), to_wx(c.first), to_wx(c.second),
                                 to_wx(display_date(c.day)));
    wxMessageBox(text, kept_as_draft ? _("Draft saved") : _("Change submitted"),
                 wxOK | (conflicts.empty() ? wxICON_INFORMATION : wxICON_WARNING), this);
    refresh();
}

void CampaignsPanel::cancel(const std::string& code) {
    std::int64_t request = 0;
    ProposeDialog dialog(this, wxString::Format(_("Cancel campaign: %s"), to_wx(code)), services_->program.today(),
                         [&](const std::string& reason, const Date& effective) {
                             Proposal p;
                             p.kind = ChangeKind::Campaign;
                             p.retire_key = code;
                             p.reason = reason;
                             p.effective_from = effective;
                             request = services_->program.propose(actor_, p).id;
                         });
    if (dialog.ShowModal() != wxID_OK) return;
    tell_submitted(request);
}

void CampaignsPanel::move(const std::string& code, boost::posix_time::time_duration shift) {
    const CalendarCampaign* found = nullptr;
    for (const CalendarCampaign& c : shown_)
        if (c.campaign.code == code) found = &c;
    if (!found) return;
    if (!may_propose()) {
        wxMessageBox(wxString::Format(_("Your role (%s) may not propose programme changes; marketing and administrators may."),
                                      to_wx(role_label(actor_.role))),
                     _("Move campaign"), wxOK | wxICON_INFORMATION, this);
        return;
    }
    Campaign moved = found->campaign;
    if (moved.recurrence.kind != RecurrenceKind::None) {
        // Moving one bar of a series is ambiguous (that day? the rule?): the rule is changed instead.
        wxMessageBox(wxString::Format(_("%s repeats (%s). Change its days in the form that opens now."), to_wx(code),
                                      to_wx(describe(moved.recurrence))),
                     _("Move campaign"), wxOK | wxICON_INFORMATION, this);
        plan(moved);
        return;
    }
    moved.starts_at += shift;
    moved.ends_at += shift;
    const wxString what = wxString::Format(_("Move campaign %s: %s – %s becomes %s – %s"), to_wx(code),
                                           to_wx(display_time(found->campaign.starts_at)),
                                           to_wx(display_time(found->campaign.ends_at)),
                                           to_wx(display_time(moved.starts_at)),
                                           to_wx(display_time(moved.ends_at)));
    std::int64_t request = 0;
    ProposeDialog dialog(this, what, services_->program.today(), [&](const std::string& reason, const Date& effective) {
        Proposal p;
        p.kind = ChangeKind::Campaign;
        p.item = nlohmann::json::parse(to_json(moved).dump());
        p.reason = reason;
        p.effective_from = effective;
        request = services_->program.propose(actor_, p).id;
    });
    if (dialog.ShowModal() != wxID_OK) return;
    tell_submitted(request);
}

void CampaignsPanel::tell_submitted(std::int64_t request) {
    wxMessageBox(wxString::Format(_("Change request #%lld was made. An approver decides it in the Approvals area."),
                                  static_cast<long long>(request)),
                 _("Change submitted"), wxOK | wxICON_INFORMATION, this);
    refresh();
}

void CampaignsPanel::export_ics() {
    wxFileDialog ask(this, _("Export the campaign calendar"), wxString(), "campaigns.ics", _("iCalendar files (*.ics)|*.ics"),
                     wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (ask.ShowModal() != wxID_OK) return;
    run_or_show_error(this, [&] {
        const std::string doc = services_->campaigns.ics(actor_, std::nullopt);
        wxFFile file(ask.GetPath(), "wb");
        if (!file.IsOpened() || !file.Write(doc.data(), doc.size()) || !file.Close())
            throw StorageError(to_utf8(wxString::Format(_("Could not write %s"), ask.GetPath())));
    });
}

}  // namespace md::views

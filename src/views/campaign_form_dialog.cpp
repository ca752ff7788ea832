#include "views/campaign_form_dialog.h"

#include "models/translate.h"
#include "services/program_codec.h"
#include "views/campaign_labels.h"
#include "views/dialog_buttons.h"
#include "views/error_dialog.h"
#include "views/member_labels.h"
#include "views/wx_text.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <wx/checkbox.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/notebook.h>
#include <wx/panel.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace md::views {
namespace {

std::string text_of(const wxTextCtrl* input) { return to_utf8(input->GetValue().Strip(wxString::both)); }

// A whole number as typed goes to the core as a JSON number; anything else goes as the text, so
// the core's reader refuses it naming the field and the value.
nlohmann::json number_or_text(const std::string& text) {
    std::int64_t n = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (error == std::errc() && end == text.data() + text.size()) return n;
    return text;
}

// "a, b，c、d" or one per line → the entries, Chinese and Latin separators alike.
std::vector<std::string> entries_of(const std::string& text) {
    std::string plain = text;
    for (const char* separator : {"，", "、", "；", ";", "\n"})
        for (std::size_t at; (at = plain.find(separator)) != std::string::npos;) plain.replace(at, std::strlen(separator), ",");
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= plain.size()) {
        const std::size_t comma = std::min(plain.find(',', start), plain.size());
        std::string entry = plain.substr(start, comma - start);
        entry.erase(0, entry.find_first_not_of(" \t"));
        entry.erase(entry.find_last_not_of(" \t") + 1);
        if (!entry.empty()) out.push_back(entry);
        start = comma + 1;
    }
    return out;
}

std::string joined(const std::vector<std::string>& list) {
    std::string out;
    for (const std::string& s : list) out += (out.empty() ? "" : ", ") + s;
    return out;
}

// Boost numbers weekdays from Sunday; the form lists them from Monday.
int boost_weekday(int monday_first) { return (monday_first + 1) % 7; }
int monday_first(int boost_weekday) { return (boost_weekday + 6) % 7; }

// A label and its input, as one row of a two-column grid.
template <class Input>
Input* row(wxWindow* parent, wxFlexGridSizer* grid, const wxString& label, Input* input, const wxString& hint = wxString()) {
    grid->Add(new wxStaticText(parent, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
    if (hint.empty()) {
        grid->Add(input, 1, wxEXPAND);
        return input;
    }
    auto* with_hint = new wxBoxSizer(wxHORIZONTAL);
    with_hint->Add(input, 1, wxEXPAND | wxRIGHT, parent->FromDIP(6));
    auto* text = new wxStaticText(parent, wxID_ANY, hint);
    text->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    with_hint->Add(text, 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(with_hint, 1, wxEXPAND);
    return input;
}

wxFlexGridSizer* form_grid(wxWindow* parent) {
    auto* grid = new wxFlexGridSizer(2, parent->FromDIP(5), parent->FromDIP(8));
    grid->AddGrowableCol(1);
    return grid;
}

wxWindow* padded(wxWindow* page, wxSizer* content) {
    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(content, 1, wxEXPAND | wxALL, page->FromDIP(10));
    page->SetSizer(outer);
    return page;
}

// A page of the form: its grid of fields with a note in words under it.
wxWindow* with_note(wxWindow* page, wxSizer* grid, const wxString& text) {
    auto* note = new wxStaticText(page, wxID_ANY, text);
    note->Wrap(page->FromDIP(440));
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(grid, 0, wxEXPAND);
    column->Add(note, 0, wxTOP, page->FromDIP(10));
    return padded(page, column);
}

}  // namespace

CampaignFormDialog::CampaignFormDialog(wxWindow* parent, const Program& program, const std::optional<Campaign>& existing,
                                       const std::string& owner, const Date& today, const Date& first_day, Propose propose)
    : wxDialog(parent, wxID_ANY, existing ? _("Change campaign") : _("New campaign"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      program_(program), today_(today), propose_(std::move(propose)) {
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* tabs = new wxNotebook(this, wxID_ANY);
    tabs->AddPage(campaign_page(tabs), _("Campaign"));
    tabs->AddPage(recurrence_page(tabs), _("Repeats"));
    tabs->AddPage(members_page(tabs), _("Members and coins"));
    tabs->AddPage(budget_page(tabs), _("Budget and KPI targets"));
    sizer->Add(tabs, 1, wxEXPAND | wxALL, gap);

    auto* request = form_grid(this);
    reason_ = row(this, request, _("Reason (required):"), new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(360, -1))));
    effective_ = row(this, request, _("In force from:"), new wxTextCtrl(this, wxID_ANY, to_wx(format_date(today))), "YYYY-MM-DD");
    draft_ = new wxCheckBox(this, wxID_ANY, _("Keep as a draft (submit for approval later)"));
    request->AddSpacer(0);
    request->Add(draft_, 0);
    sizer->Add(request, 0, wxEXPAND | wxLEFT | wxRIGHT, gap);
    sizer->Add(ok_cancel_buttons(this), 0, wxEXPAND | wxALL, gap);
    SetSizerAndFit(sizer);

    Campaign shown;
    if (existing) {
        shown = *existing;
        code_->Disable();  // the code is the campaign's key: a change keeps it
    } else {
        shown.type = CampaignType::MemberDay;
        shown.starts_at = Instant(first_day, boost::posix_time::hours(10));
        shown.ends_at = Instant(first_day, boost::posix_time::hours(22));
        shown.owner = owner;
    }
    fill(shown);
    (existing ? name_zh_ : code_)->SetFocus();
    Bind(wxEVT_BUTTON, &CampaignFormDialog::on_ok, this, wxID_OK);
}

wxWindow* CampaignFormDialog::campaign_page(wxWindow* parent) {
    auto* page = new wxPanel(parent);
    auto* grid = form_grid(page);
    code_ = row(page, grid, _("Code:"), new wxTextCtrl(page, wxID_ANY), _("a-z, 0-9, _"));
    name_zh_ = row(page, grid, _("Chinese name:"), new wxTextCtrl(page, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(260, -1))));
    name_en_ = row(page, grid, _("English name:"), new wxTextCtrl(page, wxID_ANY));
    type_ = row(page, grid, _("Campaign type:"), new wxChoice(page, wxID_ANY));
    starts_ = row(page, grid, _("Starts:"), new wxTextCtrl(page, wxID_ANY), "YYYY-MM-DD HH:MM");
    ends_ = row(page, grid, _("Ends:"), new wxTextCtrl(page, wxID_ANY), "YYYY-MM-DD HH:MM");
    owner_ = row(page, grid, _("Owner:"), new wxTextCtrl(page, wxID_ANY));
    return with_note(page, grid, _("Times are business time (UTC+8). With a repeat, each occurrence starts at the "
                                    "starting time and lasts as long as the first."));
}

wxWindow* CampaignFormDialog::recurrence_page(wxWindow* parent) {
    auto* page = new wxPanel(parent);
    auto* grid = form_grid(page);
    kind_ = row(page, grid, _("Repeats:"), new wxChoice(page, wxID_ANY));
    day_ = row(page, grid, _("Day of the month:"), new wxSpinCtrl(page, wxID_ANY, "1", wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 1, 31, 1));
    month_ = row(page, grid, _("Month:"), new wxChoice(page, wxID_ANY));
    for (int m = 1; m <= 12; ++m)
        month_->Append(chinese_ui() ? wxString::Format("%d月", m) : wxDateTime::GetMonthName(wxDateTime::Month(m - 1)));
    nth_ = row(page, grid, _("Which:"), new wxChoice(page, wxID_ANY));
    for (const char* n : {tr_noop("first"), tr_noop("second"), tr_noop("third"), tr_noop("fourth"), tr_noop("fifth")})
        nth_->Append(wxGetTranslation(n));
    weekday_ = row(page, grid, _("Weekday:"), new wxChoice(page, wxID_ANY));
    auto* days = new wxBoxSizer(wxHORIZONTAL);
    for (int i = 0; i < 7; ++i) {
        weekday_->Append(weekday_heading(i));
        weekdays_.push_back(new wxCheckBox(page, wxID_ANY, weekday_heading(i)));
        days->Add(weekdays_.back(), 0, wxRIGHT, FromDIP(6));
    }
    grid->Add(new wxStaticText(page, wxID_ANY, _("On:")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(days, 0);
    exceptions_ = row(page, grid, _("Except on:"), new wxTextCtrl(page, wxID_ANY), _("dates, separated by commas"));
    until_ = row(page, grid, _("Until (inclusive):"), new wxTextCtrl(page, wxID_ANY), "YYYY-MM-DD");
    count_ = row(page, grid, _("Or this many times:"), new wxTextCtrl(page, wxID_ANY));
    rule_ = new wxStaticText(page, wxID_ANY, wxString());
    wxFont bold = rule_->GetFont();
    rule_->SetFont(bold.MakeBold());
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(grid, 0, wxEXPAND);
    column->Add(rule_, 0, wxTOP, FromDIP(12));

    fill_choice(kind_, recurrence_kind_labels(), RecurrenceKind::None);
    for (wxWindow* w : std::initializer_list<wxWindow*>{kind_, month_, nth_, weekday_})
        w->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { recurrence_changed(); });
    day_->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent&) { recurrence_changed(); });
    day_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { recurrence_changed(); });  // typed, not stepped
    for (wxCheckBox* box : weekdays_) box->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { recurrence_changed(); });
    for (wxTextCtrl* t : {exceptions_, until_, count_}) t->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { recurrence_changed(); });
    return padded(page, column);
}

wxWindow* CampaignFormDialog::members_page(wxWindow* parent) {
    auto* page = new wxPanel(parent);
    auto* grid = form_grid(page);
    wxArrayString tier_names;
    for (const TierLadder& ladder : program_.ladders)
        for (const Tier& tier : ladder.tiers) {
            tier_keys_.push_back(ladder.code + ":" + tier.code);
            tier_names.Add(local_name(ladder.name_zh, ladder.name_en) + " · " + local_name(tier.name_zh, tier.name_en));
        }
    tiers_ = row(page, grid, _("Tiers:"), new wxCheckListBox(page, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(260, 110)), tier_names));
    wxArrayString state_names;
    for (const auto& l : lifecycle_labels()) {
        state_codes_.push_back(lifecycle_code(l.value));
        state_names.Add(wxGetTranslation(wxString::FromUTF8(l.msgid)));
    }
    states_ = row(page, grid, _("Member states:"), new wxCheckListBox(page, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(260, 90)), state_names));
    tags_ = row(page, grid, _("Tags and clubs:"), new wxTextCtrl(page, wxID_ANY), _("separated by commas"));
    multiplier_ = row(page, grid, _("Coin multiplier (×):"), new wxTextCtrl(page, wxID_ANY),
                      wxString::Format(_("1 = no effect, at most ×%s"),
                                       to_wx(format_multiplier(program_.points ? program_.points->max_multiplier_pct : 500))));
    referral_ = row(page, grid, _("Referral coins (each side):"), new wxTextCtrl(page, wxID_ANY));
    birthday_ = row(page, grid, _("Birthday coins:"), new wxTextCtrl(page, wxID_ANY));
    return with_note(page, grid, _("No tier, state or tag ticked: every member. A member is aimed at when they match "
                                    "every list that has something ticked."));
}

wxWindow* CampaignFormDialog::budget_page(wxWindow* parent) {
    auto* page = new wxPanel(parent);
    auto* grid = form_grid(page);
    activity_ = row(page, grid, _("Activity cost (¥):"), new wxTextCtrl(page, wxID_ANY));
    technology_ = row(page, grid, _("Technology (¥):"), new wxTextCtrl(page, wxID_ANY));
    partner_ = row(page, grid, _("Partner resources (¥):"), new wxTextCtrl(page, wxID_ANY));
    new_members_ = row(page, grid, _("Target new members:"), new wxTextCtrl(page, wxID_ANY));
    participation_ = row(page, grid, _("Target participation (%):"), new wxTextCtrl(page, wxID_ANY));
    redemption_ = row(page, grid, _("Target points redemption (%):"), new wxTextCtrl(page, wxID_ANY));
    repurchase_ = row(page, grid, _("Target repurchase (%):"), new wxTextCtrl(page, wxID_ANY));
    cost_per_new_ = row(page, grid, _("Target cost per new member (¥):"), new wxTextCtrl(page, wxID_ANY));
    return with_note(page, grid, _("Leave a target empty when the campaign has none."));
}

void CampaignFormDialog::fill(const Campaign& c) {
    code_->SetValue(to_wx(c.code));
    name_zh_->SetValue(to_wx(c.name_zh));
    name_en_->SetValue(to_wx(c.name_en));
    fill_choice(type_, campaign_type_labels(), c.type);
    starts_->SetValue(to_wx(format_instant(c.starts_at).substr(0, 16)));
    ends_->SetValue(to_wx(format_instant(c.ends_at).substr(0, 16)));
    owner_->SetValue(to_wx(c.owner));

    const Recurrence& r = c.recurrence;
    fill_choice(kind_, recurrence_kind_labels(), r.kind);
    day_->SetValue(r.day_of_month > 0 ? r.day_of_month : static_cast<int>(c.starts_at.date().day()));
    month_->SetSelection((r.month > 0 ? r.month : static_cast<int>(c.starts_at.date().month())) - 1);
    nth_->SetSelection(r.nth > 0 ? r.nth - 1 : 0);
    const bool has_weekday = r.kind == RecurrenceKind::NthWeekday || r.kind == RecurrenceKind::LastWeekday;
    weekday_->SetSelection(monday_first(has_weekday ? r.weekday : c.starts_at.date().day_of_week().as_number()));
    for (int d : r.weekdays) weekdays_[static_cast<std::size_t>(monday_first(d))]->SetValue(true);
    std::vector<std::string> exceptions;
    for (const Date& d : r.exceptions) exceptions.push_back(format_date(d));
    exceptions_->ChangeValue(to_wx(joined(exceptions)));
    until_->ChangeValue(r.until ? to_wx(format_date(*r.until)) : wxString());
    count_->ChangeValue(r.count ? wxString::Format("%d", *r.count) : wxString());

    for (std::size_t i = 0; i < tier_keys_.size(); ++i)
        tiers_->Check(static_cast<unsigned>(i), std::count(c.target.tiers.begin(), c.target.tiers.end(), tier_keys_[i]) > 0);
    for (std::size_t i = 0; i < state_codes_.size(); ++i)
        states_->Check(static_cast<unsigned>(i), std::count(c.target.states.begin(), c.target.states.end(), state_codes_[i]) > 0);
    tags_->SetValue(to_wx(joined(c.target.tags)));
    multiplier_->SetValue(to_wx(format_multiplier(c.coin_multiplier_pct)));
    referral_->SetValue(c.referral_coins ? wxString::Format("%lld", static_cast<long long>(c.referral_coins)) : wxString());
    birthday_->SetValue(c.birthday_coins ? wxString::Format("%lld", static_cast<long long>(c.birthday_coins)) : wxString());

    activity_->SetValue(to_wx(c.budget.activity.to_string()));
    technology_->SetValue(to_wx(c.budget.technology.to_string()));
    partner_->SetValue(to_wx(c.budget.partner.to_string()));
    auto optional_text = [](const auto& value) { return value ? wxString::Format("%lld", static_cast<long long>(*value)) : wxString(); };
    new_members_->SetValue(optional_text(c.kpis.new_members));
    participation_->SetValue(optional_text(c.kpis.participation_pct));
    redemption_->SetValue(optional_text(c.kpis.redemption_pct));
    repurchase_->SetValue(optional_text(c.kpis.repurchase_pct));
    cost_per_new_->SetValue(c.kpis.cost_per_new_member ? to_wx(c.kpis.cost_per_new_member->to_string()) : wxString());
    recurrence_changed();
}

Recurrence CampaignFormDialog::recurrence() const {
    Recurrence r;
    r.kind = chosen(kind_, recurrence_kind_labels());
    if (r.kind == RecurrenceKind::MonthlyOnDay || r.kind == RecurrenceKind::Yearly) r.day_of_month = day_->GetValue();
    if (r.kind == RecurrenceKind::Yearly) r.month = month_->GetSelection() + 1;
    if (r.kind == RecurrenceKind::NthWeekday) r.nth = nth_->GetSelection() + 1;
    if (r.kind == RecurrenceKind::NthWeekday || r.kind == RecurrenceKind::LastWeekday) r.weekday = boost_weekday(weekday_->GetSelection());
    if (r.kind == RecurrenceKind::Weekly)
        for (int i = 0; i < 7; ++i)
            if (weekdays_[static_cast<std::size_t>(i)]->GetValue()) r.weekdays.push_back(boost_weekday(i));
    try {  // the words are shown for what can be read; the core checks the rest on OK
        for (const std::string& d : entries_of(text_of(exceptions_))) r.exceptions.push_back(parse_date(d, "exceptions"));
        if (!text_of(until_).empty()) r.until = parse_date(text_of(until_), "until");
        if (!text_of(count_).empty()) r.count = std::stoi(text_of(count_));
    } catch (const std::exception&) {
    }
    return r;
}

void CampaignFormDialog::recurrence_changed() {
    const RecurrenceKind kind = chosen(kind_, recurrence_kind_labels());
    day_->Enable(kind == RecurrenceKind::MonthlyOnDay || kind == RecurrenceKind::Yearly);
    month_->Enable(kind == RecurrenceKind::Yearly);
    nth_->Enable(kind == RecurrenceKind::NthWeekday);
    weekday_->Enable(kind == RecurrenceKind::NthWeekday || kind == RecurrenceKind::LastWeekday);
    for (wxCheckBox* box : weekdays_) box->Enable(kind == RecurrenceKind::Weekly);
    const bool repeats = kind != RecurrenceKind::None;
    for (wxTextCtrl* t : {exceptions_, until_, count_}) t->Enable(repeats);
    // The rule in words, as the calendar and the approver will read it (a day past a month's end
    // says it falls on the last day).
    rule_->SetLabel(to_wx(describe(recurrence())));
    rule_->GetParent()->Layout();
}

nlohmann::json CampaignFormDialog::item() const {
    nlohmann::json j;
    j["code"] = text_of(code_);
    j["name_zh"] = text_of(name_zh_);
    j["name_en"] = text_of(name_en_);
    j["type"] = campaign_type_code(chosen(type_, campaign_type_labels()));
    j["starts_at"] = text_of(starts_);
    j["ends_at"] = text_of(ends_);
    j["owner"] = text_of(owner_);

    const Recurrence shape = recurrence();  // the choices; the typed parts go as typed
    nlohmann::json rec = {{"kind", recurrence_kind_code(shape.kind)}};
    if (shape.kind == RecurrenceKind::MonthlyOnDay || shape.kind == RecurrenceKind::Yearly) rec["day_of_month"] = shape.day_of_month;
    if (shape.kind == RecurrenceKind::Yearly) rec["month"] = shape.month;
    if (shape.kind == RecurrenceKind::NthWeekday) rec["nth"] = shape.nth;
    if (shape.kind == RecurrenceKind::NthWeekday || shape.kind == RecurrenceKind::LastWeekday) rec["weekday"] = weekday_code(shape.weekday);
    if (shape.kind == RecurrenceKind::Weekly) {
        rec["weekdays"] = nlohmann::json::array();
        for (int d : shape.weekdays) rec["weekdays"].push_back(weekday_code(d));
    }
    if (shape.kind != RecurrenceKind::None) {
        rec["exceptions"] = entries_of(text_of(exceptions_));
        if (!text_of(until_).empty()) rec["until"] = text_of(until_);
        if (!text_of(count_).empty()) rec["count"] = number_or_text(text_of(count_));
    }
    j["recurrence"] = rec;

    std::vector<std::string> tiers, states;
    for (std::size_t i = 0; i < tier_keys_.size(); ++i)
        if (tiers_->IsChecked(static_cast<unsigned>(i))) tiers.push_back(tier_keys_[i]);
    for (std::size_t i = 0; i < state_codes_.size(); ++i)
        if (states_->IsChecked(static_cast<unsigned>(i))) states.push_back(state_codes_[i]);
    j["target"] = {{"tiers", tiers}, {"states", states}, {"tags", entries_of(text_of(tags_))}};
    const std::string multiplier = text_of(multiplier_);
    j["coin_multiplier"] = multiplier.empty() ? "1" : multiplier;
    if (!text_of(referral_).empty()) j["referral_coins"] = number_or_text(text_of(referral_));
    if (!text_of(birthday_).empty()) j["birthday_coins"] = number_or_text(text_of(birthday_));

    auto money_or_zero = [](const wxTextCtrl* t) { return text_of(t).empty() ? std::string("0") : text_of(t); };
    j["budget"] = {{"activity", money_or_zero(activity_)}, {"technology", money_or_zero(technology_)}, {"partner", money_or_zero(partner_)}};
    nlohmann::json kpis = nlohmann::json::object();
    if (!text_of(new_members_).empty()) kpis["new_members"] = number_or_text(text_of(new_members_));
    if (!text_of(participation_).empty()) kpis["participation_pct"] = number_or_text(text_of(participation_));
    if (!text_of(redemption_).empty()) kpis["redemption_pct"] = number_or_text(text_of(redemption_));
    if (!text_of(repurchase_).empty()) kpis["repurchase_pct"] = number_or_text(text_of(repurchase_));
    if (!text_of(cost_per_new_).empty()) kpis["cost_per_new_member"] = text_of(cost_per_new_);
    j["kpis"] = kpis;
    return j;
}

void CampaignFormDialog::on_ok(wxCommandEvent&) {
    // A refusal is shown and the dialog stays open with everything as typed.
    const bool done = run_or_show_error(this, [&] {
        const Date effective = parse_date(to_utf8(effective_->GetValue().Strip(wxString::both)), "effective_from");
        propose_(item(), to_utf8(reason_->GetValue().Strip(wxString::both)), effective, draft_->GetValue());
    });
    if (done) EndModal(wxID_OK);
}

}  // namespace md::views

#include "views/desk_calendar_page.h"

#include "models/errors.h"
#include "models/recurrence.h"
#include "models/translate.h"
#include "views/error_dialog.h"
#include "views/program_labels.h"
#include "views/wx_text.h"

#include <algorithm>
#include <sstream>
#include <wx/checkbox.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace md::views {
namespace {

constexpr int kWeekOrder[] = {1, 2, 3, 4, 5, 6, 0};  // Monday first, as an office timetable reads

std::string text_of(const wxTextCtrl* field) { return to_utf8(field->GetValue().Strip(wxString::both)); }

wxString lines_of(std::vector<Date> days) {
    std::sort(days.begin(), days.end());
    wxString out;
    for (const Date& d : days) out << to_wx(format_date(d)) << "\n";
    return out;
}

}  // namespace

std::vector<Date> dates_from_lines(const std::string& text, const std::string& field) {
    std::vector<Date> days;
    std::istringstream in(text);
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        const auto first = line.find_first_not_of(" \t\r");
        if (first == std::string::npos) continue;
        const auto last = line.find_last_not_of(" \t\r");
        days.push_back(parse_date(line.substr(first, last - first + 1), subst(tr("{0}, line {1}"), {field, std::to_string(number)})));
    }
    return days;
}

DeskCalendarPage::DeskCalendarPage(wxWindow* parent, Proposer& proposer) : ProgramPage(parent, proposer) {
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    none_ = new wxStaticText(this, wxID_ANY, _("No desk calendar has been approved; the built-in one below is in use."));
    sizer->Add(none_, 0, wxALL, gap);
    auto* row = new wxBoxSizer(wxHORIZONTAL);

    auto* hours_box = new wxStaticBoxSizer(wxVERTICAL, this, _("Opening hours"));
    wxWindow* hours_parent = hours_box->GetStaticBox();
    auto* grid = new wxFlexGridSizer(3, FromDIP(6), FromDIP(8));
    const wxSize time_size = FromDIP(wxSize(70, -1));
    auto time_field = [&](wxWindow* owner) {
        auto* f = new wxTextCtrl(owner, wxID_ANY, wxString(), wxDefaultPosition, time_size);
        f->SetHint("09:00");
        return f;
    };
    for (int weekday : kWeekOrder) {
        DayRow& d = days_[weekday];
        d.open = new wxCheckBox(hours_parent, wxID_ANY, weekday_heading((weekday + 6) % 7));
        d.opens = time_field(hours_parent);
        d.closes = time_field(hours_parent);
        grid->Add(d.open, 0, wxALIGN_CENTER_VERTICAL);
        grid->Add(d.opens, 0);
        grid->Add(d.closes, 0);
        d.open->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { enable_hours(); });
    }
    grid->Add(new wxStaticText(hours_parent, wxID_ANY, _("Worked weekend day (调休)")), 0, wxALIGN_CENTER_VERTICAL);
    working_opens_ = time_field(hours_parent);
    working_closes_ = time_field(hours_parent);
    grid->Add(working_opens_, 0);
    grid->Add(working_closes_, 0);
    hours_box->Add(grid, 0, wxALL, gap);
    row->Add(hours_box, 0, wxEXPAND | wxRIGHT, gap);

    auto dates_box = [&](const wxString& title) {
        auto* box = new wxStaticBoxSizer(wxVERTICAL, this, title);
        auto* field = new wxTextCtrl(box->GetStaticBox(), wxID_ANY, wxString(), wxDefaultPosition,
                                     FromDIP(wxSize(190, 300)), wxTE_MULTILINE);
        box->Add(field, 1, wxEXPAND | wxALL, gap);
        row->Add(box, 0, wxEXPAND | wxRIGHT, gap);
        return field;
    };
    holidays_ = dates_box(_("Holidays (closed)"));
    working_days_ = dates_box(_("Worked weekend days (调休)"));
    sizer->Add(row, 0, wxALL, gap);
    // The notes run the full width below: Chinese text wraps only where there is room, not at spaces.
    for (const wxString& text :
         {_("Opens at the first time, closes at the second (24:00 is midnight). A deadline used up at closing time "
            "falls due then, not at the next opening."),
          _("Holidays and worked weekend days: one date per line, YYYY-MM-DD. Add next year's once the State Council "
            "publishes them; a worked weekend day is open for the 调休 hours.")}) {
        auto* note = new wxStaticText(this, wxID_ANY, text);
        note->Wrap(FromDIP(900));
        sizer->Add(note, 0, wxLEFT | wxRIGHT | wxBOTTOM, gap);
    }
    sizer->AddStretchSpacer();
    sizer->Add(discard_and_propose(
                   [this] {
                       Program p;
                       p.business_calendar = shown_;
                       show(p);
                       none_->Hide();
                   },
                   [this] { on_propose(); }),
               0, wxEXPAND | wxALL, gap);
    SetSizer(sizer);
}

void DeskCalendarPage::show(const Program& program) {
    none_->Show(!program.business_calendar);
    shown_ = program.business_calendar.value_or(default_business_calendar());
    for (int weekday = 0; weekday < 7; ++weekday) {
        const auto& hours = shown_.week[weekday];
        days_[weekday].open->SetValue(hours.has_value());
        const OpeningHours h = hours.value_or(OpeningHours{});
        days_[weekday].opens->ChangeValue(to_wx(format_time_of_day(h.opens)));
        days_[weekday].closes->ChangeValue(to_wx(format_time_of_day(h.closes)));
    }
    working_opens_->ChangeValue(to_wx(format_time_of_day(shown_.working_day_hours.opens)));
    working_closes_->ChangeValue(to_wx(format_time_of_day(shown_.working_day_hours.closes)));
    holidays_->ChangeValue(lines_of(shown_.holidays));
    working_days_->ChangeValue(lines_of(shown_.working_days));
    enable_hours();
    Layout();
}

void DeskCalendarPage::enable_hours() {
    for (DayRow& d : days_) {
        d.opens->Enable(d.open->GetValue());
        d.closes->Enable(d.open->GetValue());
    }
}

BusinessCalendar DeskCalendarPage::read() const {
    BusinessCalendar calendar;
    for (int weekday = 0; weekday < 7; ++weekday) {
        const DayRow& d = days_[weekday];
        if (!d.open->GetValue()) continue;
        const std::string field = "calendar.week." + weekday_code(weekday);
        calendar.week[weekday] = OpeningHours{parse_time_of_day(text_of(d.opens), field + ".opens"),
                                              parse_time_of_day(text_of(d.closes), field + ".closes")};
    }
    calendar.working_day_hours = {parse_time_of_day(text_of(working_opens_), "calendar.working_day_hours.opens"),
                                  parse_time_of_day(text_of(working_closes_), "calendar.working_day_hours.closes")};
    calendar.holidays = dates_from_lines(to_utf8(holidays_->GetValue()), "calendar.holidays");
    calendar.working_days = dates_from_lines(to_utf8(working_days_->GetValue()), "calendar.working_days");
    validate(calendar);
    return calendar;
}

std::optional<ItemRef> DeskCalendarPage::selected_item() const {
    return ItemRef{ChangeKind::BusinessCalendar, "default", _("Complaint desk calendar")};
}

void DeskCalendarPage::on_propose() {
    BusinessCalendar calendar;
    if (!run_or_show_error(this, [&] { calendar = read(); })) return;
    proposer_.propose(ChangeKind::BusinessCalendar, item_json(calendar), _("Complaint desk calendar"));
}

}  // namespace md::views

#pragma once
// Desk calendar tab: the business calendar complaint deadlines count on — opening hours per
// weekday, public holidays, and the weekend days worked in their place (调休). A programme item
// like the others, so a change waits for approval and takes effect on its date.
#include "views/program_page.h"

#include <array>

class wxCheckBox;
class wxStaticText;
class wxTextCtrl;

namespace md::views {

class DeskCalendarPage : public ProgramPage {
public:
    DeskCalendarPage(wxWindow* parent, Proposer& proposer);
    void show(const Program& program) override;
    std::optional<ItemRef> selected_item() const override;

private:
    // The calendar as typed; throws ValidationError naming the field and value.
    BusinessCalendar read() const;
    void on_propose();
    void enable_hours();

    struct DayRow {
        wxCheckBox* open = nullptr;
        wxTextCtrl* opens = nullptr;
        wxTextCtrl* closes = nullptr;
    };
    std::array<DayRow, 7> days_;  // index = weekday, 0 = Sunday
    wxTextCtrl* working_opens_ = nullptr;
    wxTextCtrl* working_closes_ = nullptr;
    wxTextCtrl* holidays_ = nullptr;
    wxTextCtrl* working_days_ = nullptr;
    wxStaticText* none_ = nullptr;
    BusinessCalendar shown_;
};

// One date per line (YYYY-MM-DD; blank lines skipped); errors name the list and the line.
std::vector<Date> dates_from_lines(const std::string& text, const std::string& field);

}  // namespace md::views

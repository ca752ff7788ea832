#pragma once
// The Campaigns area: the campaign calendar a month or a week at a time (bars coloured by type,
// conflicts between campaigns aimed at the same members marked), or every campaign of the two
// years around today as a list; filters by type, status and words narrow all three. The list
// under the calendar names each campaign's type, status, when in words, coin multiplier and
// budget. A click on a bar, or a row activated, opens the campaign's window (budget against
// actual cost, KPI targets against actual figures). New, Edit and Cancel, and dragging a bar to
// other days, make change requests that the approvals area decides.
#include "services/actor.h"
#include "services/campaign_service.h"
#include "views/lazy_area.h"

#include <memory>
#include <wx/panel.h>

class wxButton;
class wxChoice;
class wxListCtrl;
class wxRadioButton;
class wxSearchCtrl;
class wxStaticText;

namespace md { class Services; }

namespace md::views {

class CampaignMonthView;
class CampaignWeekView;

class CampaignsPanel : public wxPanel, public LazyArea {
public:
    CampaignsPanel(wxWindow* parent, std::shared_ptr<Services> services, Actor actor);

private:
    enum class Mode { Month, Week, List };
    void load() override;
    void refresh();
    void step(int direction);
    Mode mode() const;
    // The campaigns the filters let through.
    std::vector<CalendarCampaign> filtered(std::vector<CalendarCampaign> campaigns) const;
    void fill_list();
    std::string selected_code() const;
    void select(const std::string& code);
    void open(const std::string& code);
    void plan(const std::optional<Campaign>& existing);
    void cancel(const std::string& code);
    // A bar dragged: propose the campaign moved by `shift` (one-off campaigns; a repeating one
    // is changed through its rule).
    void move(const std::string& code, boost::posix_time::time_duration shift);
    void export_ics();
    // Says which change request was made, and shows the calendar again.
    void tell_submitted(std::int64_t request);
    bool may_propose() const;

    std::shared_ptr<Services> services_;
    Actor actor_;
    Date anchor_ = Date(2026, 1, 1);  // a day of the month or week shown
    std::vector<CalendarCampaign> shown_;
    wxStaticText* title_ = nullptr;
    wxRadioButton *month_mode_ = nullptr, *week_mode_ = nullptr, *list_mode_ = nullptr;
    wxChoice *type_filter_ = nullptr, *status_filter_ = nullptr;
    wxSearchCtrl* search_ = nullptr;
    wxButton *previous_ = nullptr, *today_ = nullptr, *next_ = nullptr;
    CampaignMonthView* month_view_ = nullptr;
    CampaignWeekView* week_view_ = nullptr;
    wxListCtrl* list_ = nullptr;
    wxStaticText* conflicts_ = nullptr;
};

}  // namespace md::views

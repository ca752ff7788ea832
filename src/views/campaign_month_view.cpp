#include "views/campaign_month_view.h"

#include "models/translate.h"
#include "views/program_labels.h"
#include "views/wx_text.h"

#include <wx/dcbuffer.h>
#include <wx/settings.h>

namespace md::views {
namespace {

constexpr int kWeeks = 6;
constexpr int kBarsPerDay = 3;  // more than this shows "+N"

wxString weekday_heading(int column) {  // Monday first, as Chinese calendars print
    static const char* const names[] = {tr_noop("Mon"), tr_noop("Tue"), tr_noop("Wed"), tr_noop("Thu"),
                                        tr_noop("Fri"), tr_noop("Sat"), tr_noop("Sun")};
    return wxGetTranslation(names[column]);
}

}  // namespace

CampaignMonthView::CampaignMonthView(wxWindow* parent)
    : wxWindow(parent, wxID_ANY, wxDefaultPosition, parent->FromDIP(wxSize(700, 420)), wxFULL_REPAINT_ON_RESIZE) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    Bind(wxEVT_PAINT, &CampaignMonthView::paint, this);
    Bind(wxEVT_LEFT_DOWN, &CampaignMonthView::click, this);
}

wxColour CampaignMonthView::type_colour(CampaignType type) {
    switch (type) {
    case CampaignType::MemberDay: return wxColour(52, 120, 198);
    case CampaignType::Birthday: return wxColour(214, 84, 140);
    case CampaignType::FlashSale: return wxColour(230, 126, 34);
    case CampaignType::DoublePoints: return wxColour(46, 154, 90);
    case CampaignType::Referral: return wxColour(137, 82, 190);
    case CampaignType::ClubEvent: return wxColour(22, 150, 150);
    case CampaignType::PartnerEvent: return wxColour(150, 100, 60);
    case CampaignType::StoryContest: return wxColour(90, 110, 150);
    case CampaignType::Other: break;
    }
    return wxColour(120, 120, 120);
}

void CampaignMonthView::show_month(int year, int month, std::vector<CalendarCampaign> campaigns,
                                   const std::vector<CampaignConflict>& conflicts) {
    year_ = year;
    month_ = month;
    campaigns_ = std::move(campaigns);
    conflict_days_.clear();
    // A day is marked when both campaigns of a conflict run on it.
    for (const CampaignConflict& c : conflicts) {
        const CalendarCampaign *a = nullptr, *b = nullptr;
        for (const CalendarCampaign& cc : campaigns_) {
            if (cc.campaign.code == c.first) a = &cc;
            if (cc.campaign.code == c.second) b = &cc;
        }
        if (!a || !b) continue;
        for (Date d = first_shown(); d < first_shown() + boost::gregorian::days(kDaysShown); d += boost::gregorian::days(1))
            if (runs_on(*a, d) && runs_on(*b, d)) conflict_days_.insert(d);
    }
    Refresh();
}

Date CampaignMonthView::first_day_shown(int year, int month) {
    const Date first(year, month, 1);
    const int from_monday = (first.day_of_week().as_number() + 6) % 7;
    return first - boost::gregorian::days(from_monday);
}

bool CampaignMonthView::runs_on(const CalendarCampaign& c, const Date& day) const {
    const Instant start(day), end = Instant(day) + boost::posix_time::hours(24);
    for (const Span& s : c.spans)
        if (s.from < end && start < s.to) return true;
    return false;
}

void CampaignMonthView::paint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    const wxColour background = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW);
    const wxColour text = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
    const wxColour grey = wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT);
    dc.SetBackground(wxBrush(background));
    dc.Clear();
    bars_.clear();

    const wxSize size = GetClientSize();
    const int header = FromDIP(22);
    const int cell_w = size.x / 7, cell_h = (size.y - header) / kWeeks;
    dc.SetFont(GetFont());
    for (int col = 0; col < 7; ++col) {
        dc.SetTextForeground(col >= 5 ? wxColour(190, 60, 60) : text);
        dc.DrawText(weekday_heading(col), col * cell_w + FromDIP(6), FromDIP(3));
    }
    const int bar_h = FromDIP(17);
    const Date today = to_business_time(now_utc()).date();
    Date day = first_shown();
    for (int week = 0; week < kWeeks; ++week)
        for (int col = 0; col < 7; ++col, day += boost::gregorian::days(1)) {
            const wxRect cell(col * cell_w, header + week * cell_h, cell_w, cell_h);
            const bool in_month = day.month() == month_;
            const bool conflict = conflict_days_.count(day) > 0;
            dc.SetPen(conflict ? wxPen(wxColour(210, 40, 40), FromDIP(2)) : wxPen(wxColour(210, 210, 210)));
            dc.SetBrush(wxBrush(day == today ? wxColour(255, 250, 220) : background));
            dc.DrawRectangle(wxRect(cell).Deflate(conflict ? 1 : 0));
            dc.SetTextForeground(in_month ? text : grey);
            dc.DrawText(wxString::Format("%d", static_cast<int>(day.day())), cell.x + FromDIP(5), cell.y + FromDIP(2));
            if (conflict) {
                dc.SetTextForeground(wxColour(210, 40, 40));
                dc.DrawText(wxString::FromUTF8("⚠"), cell.GetRight() - FromDIP(18), cell.y + FromDIP(2));
            }
            int shown = 0, hidden = 0;
            for (const CalendarCampaign& c : campaigns_) {
                if (!runs_on(c, day)) continue;
                if (shown == kBarsPerDay) {
                    ++hidden;
                    continue;
                }
                const wxRect bar(cell.x + FromDIP(3), cell.y + FromDIP(20) + shown * (bar_h + FromDIP(2)), cell.width - FromDIP(6), bar_h);
                // Waiting campaigns (draft, submitted) are drawn pale: planned, not launched.
                wxColour colour = type_colour(c.campaign.type);
                const bool waiting = c.status == CampaignStatus::Draft || c.status == CampaignStatus::Submitted;
                if (waiting) colour = colour.ChangeLightness(160);
                dc.SetPen(*wxTRANSPARENT_PEN);
                dc.SetBrush(wxBrush(colour));
                dc.DrawRoundedRectangle(bar, FromDIP(3));
                dc.SetTextForeground(waiting ? text : *wxWHITE);
                const wxString name = local_name(c.campaign.name_zh, c.campaign.name_en);
                dc.SetClippingRegion(bar);
                dc.DrawText(name, bar.x + FromDIP(4), bar.y + (bar_h - dc.GetCharHeight()) / 2);
                dc.DestroyClippingRegion();
                bars_.push_back({bar, c.campaign.code});
                ++shown;
            }
            if (hidden > 0) {
                dc.SetTextForeground(grey);
                dc.DrawText(wxString::Format(_("+%d more"), hidden), cell.x + FromDIP(5),
                            cell.y + FromDIP(20) + shown * (bar_h + FromDIP(2)));
            }
        }
}

void CampaignMonthView::click(wxMouseEvent& event) {
    for (const Bar& b : bars_)
        if (b.rect.Contains(event.GetPosition())) {
            if (clicked_) clicked_(b.code);
            return;
        }
}

}  // namespace md::views

#include "views/campaign_calendar_view.h"

#include "views/program_labels.h"

#include <wx/dcbuffer.h>
#include <wx/settings.h>

namespace md::views {
namespace {
// A press that moves less than this is a click, not a drag.
constexpr int kDragThreshold = 5;
}  // namespace

CampaignCalendarView::CampaignCalendarView(wxWindow* parent, const wxSize& size)
    : wxWindow(parent, wxID_ANY, wxDefaultPosition, size, wxFULL_REPAINT_ON_RESIZE) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    Bind(wxEVT_PAINT, &CampaignCalendarView::paint, this);
    Bind(wxEVT_LEFT_DOWN, &CampaignCalendarView::press, this);
    Bind(wxEVT_MOTION, &CampaignCalendarView::drag, this);
    Bind(wxEVT_LEFT_UP, &CampaignCalendarView::release, this);
    Bind(wxEVT_MOUSE_CAPTURE_LOST, [this](wxMouseCaptureLostEvent&) {
        pressed_.reset();
        dragging_ = false;
        Refresh();
    });
}

wxColour CampaignCalendarView::type_colour(CampaignType type) {
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

void CampaignCalendarView::show_days(const Date& first, int days, std::vector<CalendarCampaign> campaigns,
                                     const std::vector<CampaignConflict>& conflicts) {
    first_ = first;
    days_ = days;
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
        for (Date d = first_; d < first_ + boost::gregorian::days(days_); d += boost::gregorian::days(1))
            if (runs_on(*a, d) && runs_on(*b, d)) conflict_days_.insert(d);
    }
    Refresh();
}

bool CampaignCalendarView::runs_on(const CalendarCampaign& c, const Date& day) const {
    const Instant start(day), end = Instant(day) + boost::posix_time::hours(24);
    for (const Span& s : c.spans)
        if (s.from < end && start < s.to) return true;
    return false;
}

void CampaignCalendarView::draw_bar(wxDC& dc, const wxRect& bar, const CalendarCampaign& c) {
    // Waiting campaigns (draft, submitted) are drawn pale: planned, not launched.
    // Cancelled ones are grey: they no longer have any effect.
    wxColour colour = c.status == CampaignStatus::Cancelled ? wxColour(215, 215, 215) : type_colour(c.campaign.type);
    if (waiting(c)) colour = colour.ChangeLightness(160);
    dc.SetPen(*wxTRANSPARENT_PEN);
    dc.SetBrush(wxBrush(colour));
    dc.DrawRoundedRectangle(bar, FromDIP(3));
    const bool dark_text = waiting(c) || c.status == CampaignStatus::Cancelled;
    dc.SetTextForeground(dark_text ? wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT) : *wxWHITE);
    dc.SetClippingRegion(bar);
    // A bar's name is centred; a tall block (the week view) has it at the top.
    const int text_y = bar.height > 2 * dc.GetCharHeight() ? bar.y + FromDIP(2) : bar.y + (bar.height - dc.GetCharHeight()) / 2;
    dc.DrawText(local_name(c.campaign.name_zh, c.campaign.name_en), bar.x + FromDIP(4), text_y);
    dc.DestroyClippingRegion();
    bars_.push_back({bar, c.campaign.code});
}

void CampaignCalendarView::paint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW)));
    dc.Clear();
    dc.SetFont(GetFont());
    bars_.clear();
    draw(dc);
    if (dragging_ && pressed_) {
        // Where the bar would go: its outline follows the pointer.
        wxRect ghost = pressed_->rect;
        ghost.Offset(pointer_at_ - press_at_);
        dc.SetBrush(*wxTRANSPARENT_BRUSH);
        dc.SetPen(wxPen(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT), FromDIP(2), wxPENSTYLE_SHORT_DASH));
        dc.DrawRoundedRectangle(ghost, FromDIP(3));
    }
}

const CampaignCalendarView::Bar* CampaignCalendarView::bar_at(const wxPoint& at) const {
    for (const Bar& b : bars_)
        if (b.rect.Contains(at)) return &b;
    return nullptr;
}

void CampaignCalendarView::press(wxMouseEvent& event) {
    SetFocus();
    const Bar* bar = bar_at(event.GetPosition());
    if (!bar) return;
    pressed_ = *bar;
    press_at_ = pointer_at_ = event.GetPosition();
    dragging_ = false;
    if (!HasCapture()) CaptureMouse();
}

void CampaignCalendarView::drag(wxMouseEvent& event) {
    if (!pressed_ || !event.LeftIsDown()) return;
    pointer_at_ = event.GetPosition();
    const wxPoint moved = pointer_at_ - press_at_;
    if (!dragging_ && std::abs(moved.x) + std::abs(moved.y) >= FromDIP(kDragThreshold)) dragging_ = true;
    if (dragging_) Refresh();
}

void CampaignCalendarView::release(wxMouseEvent& event) {
    if (HasCapture()) ReleaseMouse();
    if (!pressed_) return;
    const Bar bar = *pressed_;
    const bool was_dragging = dragging_;
    pressed_.reset();
    dragging_ = false;
    Refresh();
    if (!was_dragging) {
        if (clicked_) clicked_(bar.code);
        return;
    }
    const Shift shift = shift_between(press_at_, event.GetPosition());
    if (!shift.is_zero() && moved_) moved_(bar.code, shift);
}

}  // namespace md::views

#include "views/complaint_labels.h"

#include "models/translate.h"

namespace md::views {

const std::vector<Labelled<ComplaintChannel>>& complaint_channel_labels() {
    static const std::vector<Labelled<ComplaintChannel>> t = {
        {ComplaintChannel::Phone, tr_noop("Phone")}, {ComplaintChannel::Store, tr_noop("Store")},
        {ComplaintChannel::App, tr_noop("App")},     {ComplaintChannel::WeChat, tr_noop("WeChat")},
        {ComplaintChannel::Email, tr_noop("E-mail")},
    };
    return t;
}

const std::vector<Labelled<ComplaintCategory>>& complaint_category_labels() {
    static const std::vector<Labelled<ComplaintCategory>> t = {
        {ComplaintCategory::ProductQuality, tr_noop("Product quality")},
        {ComplaintCategory::Delivery, tr_noop("Delivery")},
        {ComplaintCategory::StoredValue, tr_noop("Stored value / card")},
        {ComplaintCategory::Points, tr_noop("Points")},
        {ComplaintCategory::StaffAttitude, tr_noop("Staff attitude")},
        {ComplaintCategory::Package, tr_noop("Meal package")},
        {ComplaintCategory::Other, tr_noop("Other")},
    };
    return t;
}

const std::vector<Labelled<ComplaintSeverity>>& complaint_severity_labels() {
    static const std::vector<Labelled<ComplaintSeverity>> t = {
        {ComplaintSeverity::Low, tr_noop("Low")},
        {ComplaintSeverity::Normal, tr_noop("Normal")},
        {ComplaintSeverity::High, tr_noop("High")},
        {ComplaintSeverity::Critical, tr_noop("Critical")},
    };
    return t;
}

const std::vector<Labelled<ComplaintStatus>>& complaint_status_labels() {
    static const std::vector<Labelled<ComplaintStatus>> t = {
        {ComplaintStatus::New, tr_noop("New")},
        {ComplaintStatus::Assigned, tr_noop("Assigned")},
        {ComplaintStatus::InProgress, tr_noop("In progress")},
        {ComplaintStatus::WaitingCustomer, tr_noop("Waiting for customer")},
        {ComplaintStatus::Resolved, tr_noop("Resolved")},
        {ComplaintStatus::Closed, tr_noop("Closed")},
        {ComplaintStatus::Reopened, tr_noop("Reopened")},
    };
    return t;
}

const std::vector<Labelled<ComplaintQueue>>& complaint_queue_labels() {
    static const std::vector<Labelled<ComplaintQueue>> t = {
        {ComplaintQueue::Mine, tr_noop("Mine")},
        {ComplaintQueue::Team, tr_noop("My team's")},
        {ComplaintQueue::Unassigned, tr_noop("Unassigned")},
        {ComplaintQueue::NearDeadline, tr_noop("Near the deadline")},
        {ComplaintQueue::Breached, tr_noop("Breached (team lead)")},
        {ComplaintQueue::Premium, tr_noop("Premium fast channel")},
        {ComplaintQueue::All, tr_noop("All open")},
    };
    return t;
}

const std::vector<Labelled<DeadlineState>>& deadline_state_labels() {
    static const std::vector<Labelled<DeadlineState>> t = {
        {DeadlineState::OnTrack, tr_noop("On track")},
        {DeadlineState::Near, tr_noop("Near")},
        {DeadlineState::Breached, tr_noop("Breached")},
    };
    return t;
}

}  // namespace md::views

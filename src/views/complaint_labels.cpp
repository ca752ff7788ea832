#include "views/complaint_labels.h"

#include "models/translate.h"
#include "reports/complaint_words.h"

namespace md::views {

const std::vector<Labelled<ComplaintChannel>>& complaint_channel_labels() {
    static const std::vector<Labelled<ComplaintChannel>> t = {
        {ComplaintChannel::Phone, tr_noop("Phone")}, {ComplaintChannel::Store, tr_noop("Store")},
        {ComplaintChannel::App, tr_noop("App")},     {ComplaintChannel::WeChat, tr_noop("WeChat")},
        {ComplaintChannel::Email, tr_noop("E-mail")},
    };
    return t;
}

// The report's tables, so a category reads the same on screen and on paper.
const std::vector<Labelled<ComplaintCategory>>& complaint_category_labels() {
    static const std::vector<Labelled<ComplaintCategory>> t = [] {
        std::vector<Labelled<ComplaintCategory>> labels;
        for (const auto& [category, msgid] : report::complaint_category_msgids()) labels.push_back({category, msgid});
        return labels;
    }();
    return t;
}

const std::vector<Labelled<ComplaintSeverity>>& complaint_severity_labels() {
    static const std::vector<Labelled<ComplaintSeverity>> t = [] {
        std::vector<Labelled<ComplaintSeverity>> labels;
        for (const auto& [severity, msgid] : report::complaint_severity_msgids()) labels.push_back({severity, msgid});
        return labels;
    }();
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

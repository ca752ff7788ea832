#include "models/complaint.h"

#include "models/errors.h"
#include "models/translate.h"

#include <algorithm>

namespace md {
namespace {

const char* const kChannels[] = {"phone", "store", "app", "wechat", "email"};
const char* const kCategories[] = {"product_quality", "delivery", "stored_value", "points", "staff_attitude", "package", "other"};
const char* const kSeverities[] = {"low", "normal", "high", "critical"};
const char* const kStatuses[] = {"new", "assigned", "in_progress", "waiting_customer", "resolved", "closed", "reopened"};

template <typename Enum, std::size_t N>
Enum parse_code(const char* const (&codes)[N], const std::string& code, const std::string& field) {
    for (std::size_t i = 0; i < N; ++i)
        if (code == codes[i]) return Enum(i);
    std::string known;
    for (const char* c : codes) known += (known.empty() ? "" : ", ") + std::string(c);
    throw ValidationError(field, code, subst(tr("{0}: \"{1}\" is not one of {2}"), {field, code, known}));
}

template <typename Enum, std::size_t N>
std::vector<Enum> every(const char* const (&)[N]) {
    std::vector<Enum> all;
    for (std::size_t i = 0; i < N; ++i) all.push_back(Enum(i));
    return all;
}

std::string codes_of(const std::vector<ComplaintStatus>& statuses) {
    std::string text;
    for (ComplaintStatus s : statuses) text += (text.empty() ? "" : ", ") + complaint_status_code(s);
    return text;
}

std::size_t utf8_length(const std::string& text) {
    return std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

}  // namespace

std::string complaint_channel_code(ComplaintChannel channel) { return kChannels[static_cast<int>(channel)]; }
ComplaintChannel parse_complaint_channel(const std::string& code, const std::string& field) {
    return parse_code<ComplaintChannel>(kChannels, code, field);
}
const std::vector<ComplaintChannel>& all_complaint_channels() {
    static const std::vector<ComplaintChannel> all = every<ComplaintChannel>(kChannels);
    return all;
}

std::string complaint_category_code(ComplaintCategory category) { return kCategories[static_cast<int>(category)]; }
ComplaintCategory parse_complaint_category(const std::string& code, const std::string& field) {
    return parse_code<ComplaintCategory>(kCategories, code, field);
}
const std::vector<ComplaintCategory>& all_complaint_categories() {
    static const std::vector<ComplaintCategory> all = every<ComplaintCategory>(kCategories);
    return all;
}

std::string complaint_severity_code(ComplaintSeverity severity) { return kSeverities[static_cast<int>(severity)]; }
ComplaintSeverity parse_complaint_severity(const std::string& code, const std::string& field) {
    return parse_code<ComplaintSeverity>(kSeverities, code, field);
}
const std::vector<ComplaintSeverity>& all_complaint_severities() {
    static const std::vector<ComplaintSeverity> all = every<ComplaintSeverity>(kSeverities);
    return all;
}

std::string complaint_status_code(ComplaintStatus status) { return kStatuses[static_cast<int>(status)]; }
ComplaintStatus parse_complaint_status(const std::string& code, const std::string& field) {
    return parse_code<ComplaintStatus>(kStatuses, code, field);
}
const std::vector<ComplaintStatus>& all_complaint_statuses() {
    static const std::vector<ComplaintStatus> all = every<ComplaintStatus>(kStatuses);
    return all;
}

const std::vector<ComplaintStatus>& next_statuses(ComplaintStatus from) {
    using S = ComplaintStatus;
    // The transition table, one row per status (see the header for the flow in words).
    static const std::vector<S> table[] = {
        /* new              */ {S::Assigned},
        /* assigned         */ {S::InProgress, S::WaitingCustomer, S::Resolved},
        /* in_progress      */ {S::WaitingCustomer, S::Resolved},
        /* waiting_customer */ {S::InProgress, S::Resolved},
        /* resolved         */ {S::Closed, S::Reopened},
        /* closed           */ {S::Reopened},
        /* reopened         */ {S::Assigned, S::InProgress, S::WaitingCustomer, S::Resolved},
    };
    return table[static_cast<int>(from)];
}

bool transition_allowed(ComplaintStatus from, ComplaintStatus to) {
    const auto& next = next_statuses(from);
    return std::find(next.begin(), next.end(), to) != next.end();
}

void check_transition(ComplaintStatus from, ComplaintStatus to) {
    if (transition_allowed(from, to)) return;
    const std::string from_code = complaint_status_code(from), to_code = complaint_status_code(to);
    if (from == to)
        throw ValidationError("complaint.status", from_code + " → " + to_code,
                              subst(tr("complaint.status: the ticket is already {0}"), {from_code}));
    throw ValidationError("complaint.status", from_code + " → " + to_code,
                          subst(tr("complaint.status: a ticket that is {0} cannot become {1}; it may become {2}"),
                                {from_code, to_code, codes_of(next_statuses(from))}));
}

bool within_reopen_window(const Instant& closed_at, const Instant& at, int window_days) {
    return at <= closed_at + boost::gregorian::days(window_days);
}

void check_reopen_window(const Instant& closed_at, const Instant& at, int window_days) {
    if (within_reopen_window(closed_at, at, window_days)) return;
    const Instant last = closed_at + boost::gregorian::days(window_days);
    throw ValidationError("complaint.reopen", format_instant(at),
                          subst(tr("complaint.reopen: the ticket was closed at {0} and may be reopened within {1} days, "
                                   "until {2}; it is now {3}"),
                                {format_instant(closed_at), std::to_string(window_days), format_instant(last),
                                 format_instant(at)}));
}

void check_may_compensate(ComplaintStatus status) {
    if (status != ComplaintStatus::Closed) return;
    throw ValidationError("complaint.status", complaint_status_code(status),
                          tr("complaint.status: the ticket is closed; reopen it before granting compensation"));
}

void validate_satisfaction(int score) {
    if (score < 1 || score > 5)
        throw ValidationError("complaint.satisfaction", std::to_string(score),
                              subst(tr("{0}: {1} is not between {2} and {3}"),
                                    {"complaint.satisfaction", std::to_string(score), "1", "5"}));
}

bool offered_for_linking(const ComplaintOpening& earlier, const ComplaintOpening& newer) {
    return earlier.member_id == newer.member_id && earlier.category == newer.category &&
           earlier.opened_at <= newer.opened_at && earlier.opened_at >= duplicate_window_start(newer.opened_at);
}

Instant duplicate_window_start(const Instant& opened_at) { return opened_at - boost::gregorian::days(kDuplicateWindowDays); }

void validate(const Complaint& c) {
    if (c.subject.find_first_not_of(" \t\r\n") == std::string::npos)
        throw ValidationError("complaint.subject", c.subject, tr("complaint.subject: a subject is required"));
    if (const std::size_t length = utf8_length(c.subject); length > kSubjectMaxChars)
        throw ValidationError("complaint.subject", c.subject,
                              subst(tr("complaint.subject: {0} characters; at most {1}"),
                                    {std::to_string(length), std::to_string(kSubjectMaxChars)}));
    if (c.status != ComplaintStatus::New && c.owner.empty())
        throw ValidationError("complaint.owner", "",
                              subst(tr("complaint.owner: a ticket that is {0} needs an owner"),
                                    {complaint_status_code(c.status)}));
    if (c.satisfaction) validate_satisfaction(*c.satisfaction);
}

void check_may_close(const Complaint& c) {
    check_transition(c.status, ComplaintStatus::Closed);
    if (c.resolution_note.find_first_not_of(" \t\r\n") == std::string::npos)
        throw ValidationError("complaint.resolution_note", "",
                              tr("complaint.resolution_note: a ticket is closed with a note saying how it was resolved"));
}

}  // namespace md

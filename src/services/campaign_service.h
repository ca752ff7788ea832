#pragma once
// The campaign calendar: campaigns in force (approved: waiting, running or finished), those
// still in the approval workflow (draft, submitted) and those cancelled (retired), their occurrences in a window, the
// conflicts between them, and the iCalendar export. Proposing, launching (approving) and
// cancelling (retiring) go through ProgramService like every programme item.
#include "services/audit_trail.h"
#include "services/program_service.h"

#include <optional>
#include <string>
#include <vector>

namespace md {

// Cancelled: retired by an approved request; it no longer has any effect and meets no one.
enum class CampaignStatus { Draft, Submitted, Approved, Running, Finished, Cancelled };
std::string campaign_status_code(CampaignStatus s);  // "draft", "submitted", "approved", "running", "finished", "cancelled"

struct CalendarCampaign {
    Campaign campaign;
    CampaignStatus status = CampaignStatus::Draft;
    std::int64_t change_request = 0;  // the request it waits in (draft, submitted), else 0
    std::vector<Span> spans;          // occurrences within the window asked for (business time)
};

// Two campaigns running at the same time for members both can reach.
struct CampaignConflict {
    std::string first, second;  // codes, in calendar order
    Date day;                   // the first day they meet in the window
};

class CampaignService {
public:
    CampaignService(Database& db, Clock clock, ProgramService& program)
        : db_(db), clock_(clock), audit_(db, clock), program_(program) {}

    // Campaigns with an occurrence in [from, to], in force today or waiting in a request.
    std::vector<CalendarCampaign> calendar(const Actor& actor, const Date& from, const Date& to);
    CalendarCampaign show(const Actor& actor, const std::string& code);
    // The pairs among `campaigns` (cancelled ones left out) whose spans overlap and whose targets can meet.
    static std::vector<CampaignConflict> conflicts(const std::vector<CalendarCampaign>& campaigns);
    // The campaigns a proposed one (new or changed) would run into over the year from its start.
    std::vector<CampaignConflict> conflicts_with(const Actor& actor, const Campaign& proposed);
    // An iCalendar document (RFC 5545) of the campaigns in force, or of one: each a VEVENT with
    // its RRULE and EXDATEs, times in UTC.
    std::string ics(const Actor& actor, const std::optional<std::string>& code);

private:
    std::vector<CalendarCampaign> everything(const Actor& actor);
    Database& db_;
    Clock clock_;
    AuditTrail audit_;
    ProgramService& program_;
};

}  // namespace md

#pragma once
// Advisory committee roster (issue 9, report 8), printable: the seats in force on the as-of day
// (brand advisory committee, domain.md §8) with the member's name, role, term and the days left,
// and whether the member still holds the tier a seat needs. Eligibility is judged on the tiers
// held today (ProgramService::committee_warnings), which the report says when the day is not today.
#include "reports/document.h"
#include "services/actor.h"

namespace md { class Services; }

namespace md::report {

Document committee_roster_report(Services& services, const Actor& actor, const Date& as_of);

}  // namespace md::report

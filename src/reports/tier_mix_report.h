#pragma once
// Tier mix (issue 9, report 4): for each ladder in force, how many members held each tier at the
// end of the as-of day, their share of the ladder's tiered members against the programme's
// 3 : 5 : 2 target (domain.md §3; ladders of three tiers), and the moves into and out of each
// tier in the period. From tier_history, so a past day shows the mix as it was.
//
// Rounding: a share is members × 10,000 ÷ the ladder's tiered members in basis points, rounded
// half up; the difference is share − target. Shares of a ladder may so add up to 9,999–10,001.
#include "reports/document.h"
#include "services/actor.h"

namespace md { class Services; }

namespace md::report {

Document tier_mix_report(Services& services, const Actor& actor, const Date& as_of, const Date& from);

}  // namespace md::report

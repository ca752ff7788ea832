#pragma once
// Campaign ROI (issue 9, report 6): each launched campaign with a day in the period, its budget
// against the actual cost, participants, new members and cost per new member, sales and the
// incremental sales, and its KPI targets against the actual figures. The figures are the
// campaign window's (services/campaign_results.h, where each is defined), as of the period's
// last day, over every day the campaign has run up to it.
#include "reports/document.h"
#include "services/actor.h"

namespace md { class Services; }

namespace md::report {

Document campaign_roi_report(Services& services, const Actor& actor, const Date& as_of, const Date& from);

}  // namespace md::report

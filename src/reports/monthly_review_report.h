#pragma once
// The monthly member activity review (issue 9, report 9; domain.md §10): the month to the report's
// day at a glance — member KPIs against the month before with their chart, the tier mix against
// 3 : 5 : 2 with its charts, what is owed to members, the campaigns' return and the complaint
// desk's figures. It is put together from the other reports' builders, so each figure is the one
// its own report gives; their definitions are printed there.
#include "reports/document.h"
#include "reports/report_progress.h"
#include "services/actor.h"

namespace md { class Services; }

namespace md::report {

Document monthly_review_report(Services& services, const Actor& actor, const Date& as_of, const ReportProgress& progress = {});

}  // namespace md::report

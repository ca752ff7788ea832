#pragma once
// Member KPIs for a period (issue 9, report 5; domain.md §10), beside the previous period: new
// members and growth, active rate, retention and churn, repurchase rate, purchase frequency,
// average order value, sales and the coin redemption rate. The definitions are printed with the
// figures (a section of their own after the tables) and written down in the .cpp.
#include "reports/document.h"
#include "services/actor.h"

namespace md { class Services; }

namespace md::report {

// The period before [from, to] that the report compares with: the previous calendar month when
// the period is a whole month; the same days of the previous month when it is month-to-date;
// otherwise as many days, just before.
std::pair<Date, Date> previous_period(const Date& from, const Date& to);

Document member_kpi_report(Services& services, const Actor& actor, const Date& as_of, const Date& from);

}  // namespace md::report

#pragma once
// Complaints for a period (issue 9, report 7): tickets opened by category and severity, the
// response and resolution deadlines met, missed and still running, breaches, compensation granted
// against the policy's monthly budget, and the satisfaction scores. Clocks are read as they stood
// at the end of the period's last day, on the calendar and policy in force today.
#include "reports/document.h"
#include "services/actor.h"

namespace md { class Services; }

namespace md::report {

// The budget of the days from `from` to `to`: each month's budget × its days in the period ÷ its
// days, to the fen, half up, month by month.
Money budget_for(const Money& per_month, const Date& from, const Date& to);

Document complaint_report(Services& services, const Actor& actor, const Date& as_of, const Date& from);

}  // namespace md::report

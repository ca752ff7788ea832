#pragma once
// Prepaid liability as of a day (issue 9, report 1): what the company owed its members at the
// end of that day — stored value (paid principal, bonus, compensation), meal-package goods not
// yet delivered, and coins at their redemption value — with the period's movements reconciled
// line by line (opening balance + each entry type = closing balance) and the stored value aged
// by each account's last stored-value activity (0–90, 91–180, 181–365, more than 365 days).
// Every figure is a sum of ledger entries by business day: a past day ignores later entries.
#include "reports/document.h"
#include "reports/report_progress.h"
#include "services/actor.h"

namespace md { class Services; }

namespace md::report {

// `from` ≤ `as_of`: the reconciliation runs from the start of `from` to the end of `as_of`.
Document liability_report(Services& services, const Actor& actor, const Date& as_of, const Date& from,
                          const ReportProgress& progress = {});

}  // namespace md::report

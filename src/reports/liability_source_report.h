#pragma once
// Prepaid liability by source (issue 9, report 1's splits by issue month and by card batch and
// denomination): the paid and bonus stored value owed at the end of a day, attributed to the
// loads it is left from. Attribution is the breakage estimate's (breakage_cohorts.h): each
// account spends its oldest loads first and a refund gives back the last fen spent, so each fen
// still owed belongs to one load, of one month and one source (a card batch, or no card). The
// totals equal the liability report's principal plus bonus at the same day.
//
// A report of its own, beside `liability`, because it reads every stored-value line in account
// order (about as long as the breakage estimate), where the liability report is one sequential pass.
#include "reports/document.h"
#include "reports/report_progress.h"
#include "services/actor.h"

namespace md { class Services; }

namespace md::report {

Document liability_source_report(Services& services, const Actor& actor, const Date& as_of, const ReportProgress& progress = {});

}  // namespace md::report

#pragma once
// Breakage estimate (issue 9, report 2): stored value that members are expected never to
// redeem, estimated from how earlier issue-month cohorts were redeemed, and the part of it
// recognised as revenue in a period in proportion to the redemptions made, with the journal
// entry for finance. The definitions are written in breakage_cohorts.h (cohorts, FIFO, refunds),
// breakage_method.h (the rate, the recognition and their rounding) and on the report itself.
//
// `breakage` is the whole report; `breakage_journal` is only the journal lines (date, account
// code, account name, debit, credit, memo), for importing into the accounts.
#include "models/translate.h"
#include "reports/breakage_cohorts.h"
#include "reports/document.h"
#include "reports/report_progress.h"
#include "services/actor.h"

namespace md { class Services; }

namespace md::report {

// The two accounts of the breakage entry: the only place their codes are written (codes of the
// Chinese chart of accounts: 2203 advances from customers, 6051 other operating revenue).
struct JournalAccount {
    const char* code;
    const char* name;  // msgid (tr_noop): translated when shown
};
inline constexpr JournalAccount kStoredValueLiabilityAccount{"2203", tr_noop("Prepaid stored-value liability")};
inline constexpr JournalAccount kBreakageRevenueAccount{"6051", tr_noop("Breakage revenue")};

// Every paid and bonus line to the end of `as_of`, read from one snapshot and attributed by a
// CohortLedger (cutoff: its second day); `progress` hears every 100,000 lines and may cancel.
// The breakage estimate and the liability by source both stand on it.
CohortFigures read_cohorts(Services& services, const Date& as_of, const Date& cutoff, const ReportProgress& progress);

// `from` ≤ `as_of`: breakage recognised from the start of `from` to the end of `as_of`.
// `progress` hears every 100,000 lines read (the one long read) and may cancel.
Document breakage_report(Services& services, const Actor& actor, const Date& as_of, const Date& from,
                         const ReportProgress& progress = {});
Document breakage_journal_report(Services& services, const Actor& actor, const Date& as_of, const Date& from,
                                 const ReportProgress& progress = {});

}  // namespace md::report

#pragma once
// Card batch reconciliation (issue 9, report 3): for each prepaid card batch made by the end of
// a day, its cards by state at that moment — in stock, sold, activated, blocked, closed, expired —
// and the period's sales, activations, blocks, closures and expiries. Cards sold but not yet
// activated were paid for and their value is not in any account yet, so their face value is
// given beside them: finance owes it on top of the ledger's stored value.
#include "reports/document.h"
#include "services/actor.h"

namespace md { class Services; }

namespace md::report {

Document card_batch_report(Services& services, const Actor& actor, const Date& as_of, const Date& from);

}  // namespace md::report

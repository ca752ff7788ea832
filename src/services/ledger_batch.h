#pragma once
// A batch of recharges and purchases from a CSV file (a till's day, a bulk top-up): every row is
// checked before anything is written, then all rows post in ONE transaction, so the batch is in
// the ledger whole or not at all, even if the process dies half-way. Each row is an ordinary
// recharge or purchase (its own checks, idempotency key and audit line, as a savepoint of the
// batch), plus one audit line for the file. Posting the same file again changes nothing: every
// row's key answers its first result.
#include "services/audit_trail.h"
#include "services/csv_reader.h"
#include "services/ledger_service.h"

#include <string>
#include <vector>

namespace md {

struct LedgerBatchResult {
    long long rows = 0;      // data rows in the file
    long long posted = 0;    // rows that posted now
    long long repeated = 0;  // rows whose key had posted before (nothing changed)
    Money recharged;         // cash of the recharge rows
    Money purchased;         // list price of the purchase rows
    std::int64_t first_txn = 0, last_txn = 0;
    std::vector<ImportProblem> problems;  // a non-empty list: nothing was written
    bool written = false;
};

class LedgerBatch {
public:
    LedgerBatch(Database& db, Clock clock, LedgerService& ledger) : db_(db), audit_(db, clock), ledger_(ledger) {}

    // Columns (header names): kind (recharge or purchase), member, amount (yuan: cash paid for a
    // recharge, list price for a purchase), stored_value (purchases only; empty = all of it from
    // stored value) and key (required, unique in the file). A problem in any row is reported with
    // its row, column and value and nothing is written; a row the ledger refuses (an unknown
    // member, too little stored value) undoes the whole batch and names its row. A dry run
    // posts everything and rolls back.
    LedgerBatchResult post_csv(const Actor& actor, const std::string& bytes, const std::string& file_name, bool dry_run);

private:
    Database& db_;
    AuditTrail audit_;
    LedgerService& ledger_;
};

}  // namespace md

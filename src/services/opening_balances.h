#pragma once
// Opening balances (期初余额): what members held in the system MemberDesk replaces, carried over
// once from a CSV file. One row per member: stored value by bucket, coins and the day those
// coins expire. The whole file is checked first and every problem reported with its row,
// column and value; one problem refuses the whole file. The writing is one transaction with
// one opening_balance transaction per member and one audit line for the file. A member's
// opening balance is carried over once: a second file naming them is refused (conflict).
#include "services/audit_trail.h"
#include "services/csv_reader.h"
#include "services/program_service.h"

#include <string>
#include <vector>

namespace md {

struct OpeningImportResult {
    long long rows = 0;                 // data rows in the file
    long long posted = 0;               // members given an opening balance (0 for a dry run)
    StoredValue value;                  // totals of the file, by bucket
    std::int64_t coins = 0;
    std::vector<ImportProblem> problems;
    bool written = false;
};

class OpeningBalanceImport {
public:
    OpeningBalanceImport(Database& db, Clock clock, ProgramService& program)
        : db_(db), clock_(clock), audit_(db, clock), program_(program) {}

    // Columns (header names, English or Chinese): member (会员号), principal (本金), bonus (赠送),
    // compensation (补偿), coins (兑换币), coins_expire_on (兑换币到期日). Only member is
    // required; an empty amount is zero. Coins without an expiry day expire as the points rule
    // in force says. ValidationError for the file as a whole (empty, unknown column, no
    // member column); ConflictError when a member already has an opening balance.
    OpeningImportResult import_csv(const Actor& actor, const std::string& bytes, const std::string& file_name,
                                   bool dry_run);

private:
    Database& db_;
    Clock clock_;
    AuditTrail audit_;
    ProgramService& program_;
};

}  // namespace md

#pragma once
// Importing a member base from another system's CSV export. The whole file is read and
// checked before anything is written: every problem is reported with its row (the line in
// the file), column, value and reason. By default one problem refuses the whole file; with
// skip_invalid the good rows go in and the bad ones come back for fixing. Duplicates are
// problems too: the same mobile (and, if asked, the same e-mail) twice in the file or
// already in the registry. The writing is one transaction: a cancel or a failure leaves the
// database as it was.
#include "services/audit_trail.h"
#include "services/csv_reader.h"
#include "services/text_encoding.h"

#include <atomic>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace md {

struct MemberImportOptions {
    TextEncoding encoding = TextEncoding::Auto;
    std::string file_name;                      // for the history and the audit trail
    std::string source;                         // a saved mapping's name; "" = none
    std::map<std::string, std::string> mapping; // header → field, given now (saved under source)
    bool dry_run = false;
    bool skip_invalid = false;
    bool dedupe_email = false;
    std::function<void(long long done, long long total)> progress;  // called every few thousand rows
    const std::atomic<bool>* cancel = nullptr;  // set from another thread (GUI) or a signal (CLI)
};

struct MemberImportResult {
    TextEncoding encoding = TextEncoding::Utf8;
    std::vector<std::string> header;
    std::map<std::string, std::string> mapping;  // header → field, as used
    std::vector<std::string> ignored_columns;
    long long rows = 0;                          // data rows in the file
    long long imported = 0;
    std::vector<ImportProblem> problems;
    std::vector<CsvRecord> rejected;             // the rows with problems, as read
    bool written = false;                        // false: dry run, or refused because of problems
};

// The member fields an import can fill, and the header names it knows for each without a mapping.
const std::vector<std::string>& importable_fields();
std::string default_field_for(const std::string& header);  // "" when unknown

class MemberImportService {
public:
    MemberImportService(Database& db, Clock clock) : db_(db), clock_(clock), audit_(db, clock) {}

    // ValidationError for problems of the file as a whole (empty, not text, bad encoding,
    // no name column, an unknown field in the mapping); row problems are in the result.
    MemberImportResult import_csv(const Actor& actor, const std::string& bytes, const MemberImportOptions& options);

private:
    Database& db_;
    Clock clock_;
    AuditTrail audit_;
};

// The problem report (CSV: row, column, value, reason) and the rejected rows (the header
// plus a "reason" column), both as UTF-8 with a BOM so Excel opens them in Chinese.
std::string problems_csv(const MemberImportResult& result);
std::string rejected_csv(const MemberImportResult& result);

}  // namespace md

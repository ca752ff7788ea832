// `txn batch FILE`: recharges and purchases from a CSV file, posted in one transaction (all or
// nothing). Checked whole first; one bad row refuses the file (exit 2) and nothing is written.
#include "cli/commands.h"
#include "cli/file_io.h"
#include "cli/file_refusal.h"
#include "models/errors.h"

#include <cstdio>
#include <memory>

namespace md::cli {

void register_ledger_batch_command(CLI::App& txn, CliContext& ctx) {
    struct Args {
        std::string file, report;
        bool dry_run = false;
    };
    auto a = std::make_shared<Args>();
    CLI::App* cmd = txn.add_subcommand(
        "batch", "Recharges and purchases from a CSV file (kind, member, amount, stored_value, key), all or nothing");
    cmd->add_option("file", a->file, "The CSV file (UTF-8 or GBK)")->required();
    cmd->add_flag("--dry-run", a->dry_run, "Check every row against the ledger, then write nothing");
    cmd->add_option("--report", a->report, "Write the problems to this CSV (row, column, value, reason)");
    cmd->callback([&ctx, a] {
        const std::string bytes = read_file(a->file);
        const Actor& actor = ctx.actor();
        const LedgerBatchResult r = ctx.services().ledger_batches.post_csv(actor, bytes, file_name_of(a->file), a->dry_run);
        if (!a->report.empty()) write_file(a->report, problems_csv(r.problems));
        if (!r.problems.empty()) refuse_file_for_problems(ctx, r.problems, "batch");
        const nlohmann::json j = {{"file", a->file},
                                  {"rows", r.rows},
                                  {"posted", r.posted},
                                  {"repeated", r.repeated},
                                  {"written", r.written},
                                  {"dry_run", a->dry_run},
                                  {"recharged", r.recharged.to_string()},
                                  {"purchased", r.purchased.to_string()},
                                  {"first_txn", r.first_txn},
                                  {"last_txn", r.last_txn}};
        ctx.print(j, std::to_string(r.rows) + " rows: " +
                         (r.written ? std::to_string(r.posted) + " posted, " + std::to_string(r.repeated) +
                                          " already posted before (same key)"
                                    : std::string("checked, nothing written (dry run)")) +
                         "; recharged ¥" + r.recharged.to_string() + ", purchases ¥" + r.purchased.to_string() +
                         (r.first_txn ? " (T" + std::to_string(r.first_txn) + "–T" + std::to_string(r.last_txn) + ")" : ""));
    });
}

}  // namespace md::cli

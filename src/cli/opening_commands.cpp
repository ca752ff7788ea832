// `account import-opening FILE`: opening balances carried over from the system MemberDesk
// replaces. Checked whole; one problem refuses the file (exit 2) and nothing is written.
#include "cli/commands.h"
#include "cli/file_io.h"
#include "cli/file_refusal.h"
#include "models/errors.h"

#include <cstdio>
#include <memory>

namespace md::cli {

void register_opening_import_command(CLI::App& account, CliContext& ctx) {
    struct Args {
        std::string file, report;
        bool dry_run = false;
    };
    auto a = std::make_shared<Args>();
    CLI::App* cmd = account.add_subcommand(
        "import-opening", "Opening balances from a CSV file (member, principal, bonus, compensation, coins, "
                          "coins_expire_on); once per member, all or nothing");
    cmd->add_option("file", a->file, "The CSV file (UTF-8 or GBK)")->required();
    cmd->add_flag("--dry-run", a->dry_run, "Check only: write nothing");
    cmd->add_option("--report", a->report, "Write the problems to this CSV (row, column, value, reason)");
    cmd->callback([&ctx, a] {
        const std::string bytes = read_file(a->file);
        const Actor& actor = ctx.actor();
        const OpeningImportResult r = ctx.services().openings.import_csv(actor, bytes, file_name_of(a->file), a->dry_run);
        if (!a->report.empty()) write_file(a->report, problems_csv(r.problems));
        if (!r.problems.empty()) refuse_file_for_problems(ctx, r.problems, "opening balances");
        const nlohmann::json j = {{"file", a->file},
                                  {"rows", r.rows},
                                  {"posted", r.posted},
                                  {"written", r.written},
                                  {"dry_run", a->dry_run},
                                  {"principal", r.value.principal.to_string()},
                                  {"bonus", r.value.bonus.to_string()},
                                  {"compensation", r.value.compensation.to_string()},
                                  {"coins", r.coins}};
        ctx.print(j, std::to_string(r.rows) + " rows: " +
                         (r.written ? std::to_string(r.posted) + " opening balances posted"
                                    : std::string("checked, nothing written (dry run)")) +
                         "; principal ¥" + r.value.principal.to_string() + ", bonus ¥" + r.value.bonus.to_string() +
                         ", compensation ¥" + r.value.compensation.to_string() + ", coins " + std::to_string(r.coins));
    });
}

}  // namespace md::cli

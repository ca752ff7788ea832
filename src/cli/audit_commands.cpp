#include "cli/commands.h"
#include "cli/json_output.h"
#include "models/errors.h"
#include "models/translate.h"
#include "reports/audit_report.h"
#include "reports/csv_renderer.h"
#include "reports/text_renderer.h"

#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

namespace md::cli {

void register_audit_commands(CLI::App& app, CliContext& ctx) {
    CLI::App* audit = app.add_subcommand("audit", "The audit trail (admin, auditor)");
    audit->require_subcommand(1);

    struct ListOptions {
        std::string actor, action, from, to, format = "text", output;
        int limit = 1000;
    };
    auto o = std::make_shared<ListOptions>();
    CLI::App* list = audit->add_subcommand("list", "List audit records, newest first");
    list->add_option("--actor", o->actor, "Only this user's records");
    list->add_option("--action", o->action, "Only this action (e.g. user.add), or a prefix ending in '.' (user.)");
    list->add_option("--from", o->from, "From this business day (YYYY-MM-DD, inclusive)");
    list->add_option("--to", o->to, "To this business day (YYYY-MM-DD, inclusive)");
    list->add_option("--limit", o->limit, "At most this many records (default 1000)");
    list->add_option("--format", o->format, "text or csv")->check(CLI::IsMember({"text", "csv"}));
    list->add_option("-o,--output", o->output, "Write to this file instead of standard output");
    list->callback([&ctx, o] {
        AuditFilter f;
        if (!o->actor.empty()) f.actor = o->actor;
        if (!o->action.empty()) f.action = o->action;
        if (!o->from.empty()) f.from = parse_date(o->from, "from");
        if (!o->to.empty()) f.to = parse_date(o->to, "to");
        f.limit = o->limit;
        const auto records = ctx.services().audit.list(ctx.actor(), f);

        std::ostringstream rendered;
        const report::Table table = report::audit_table(records);
        if (o->format == "csv") report::write_csv(table, rendered);
        else report::write_text(table, rendered);
        if (!o->output.empty()) {
            std::ofstream file(o->output, std::ios::binary);
            file << rendered.str();
            if (!file.good()) throw StorageError("output: cannot write \"" + o->output + "\"");
        }
        nlohmann::json j = nlohmann::json::array();
        for (const AuditRecord& r : records) j.push_back(to_json(r));
        if (o->output.empty()) ctx.print(j, rendered.str());
        else ctx.print({{"records", records.size()}, {"output", o->output}},
                       std::to_string(records.size()) + " records written to " + o->output);
    });

    audit->add_subcommand("verify", "Check the audit trail's hash chain: every record, every link and the head")
        ->callback([&ctx] {
            const AuditChainCheck check = ctx.services().audit.verify(ctx.actor());
            nlohmann::json j = {{"chained", check.chained},
                                {"unchained", check.unchained},
                                {"head_hash", check.head_hash},
                                {"problems", check.problems}};
            if (!check.problems.empty()) {
                // Every problem on standard error, the first in the error line; exit code 6 as db check.
                for (const std::string& p : check.problems) std::cerr << p << "\n";
                throw StorageError(subst(tr("audit verify: {0} problem(s); the first: {1}"),
                                         {std::to_string(check.problems.size()), check.problems.front()}));
            }
            std::string text = subst(tr("The audit trail is intact: {0} records chained, head hash {1}."),
                                     {std::to_string(check.chained), check.head_hash});
            if (check.unchained > 0)
                text += "\n" + subst(tr("{0} older records were written before the chain began and are not covered."),
                                     {std::to_string(check.unchained)});
            ctx.print(j, text);
        });
}

}  // namespace md::cli

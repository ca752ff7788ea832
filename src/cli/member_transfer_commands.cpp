// `member export` (and `member import`): whole member bases in and out of files.
#include "cli/commands.h"
#include "cli/file_io.h"
#include "cli/json_output.h"
#include "models/errors.h"
#include "reports/member_export.h"
#include "services/member_import.h"

#include <atomic>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <unistd.h>

namespace md::cli {
namespace {

std::string extension_of(const std::string& path) {
    const auto dot = path.find_last_of('.');
    if (dot == std::string::npos) return "";
    std::string ext = path.substr(dot + 1);
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

// Ctrl+C during an import: the import notices between rows and rolls back.
std::atomic<bool> g_cancel{false};
extern "C" void on_interrupt(int) { g_cancel = true; }

std::map<std::string, std::string> parse_mapping(const std::string& text) {
    std::map<std::string, std::string> mapping;
    std::string pair;
    std::istringstream in(text);
    while (std::getline(in, pair, ',')) {
        const auto eq = pair.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == pair.size())
            throw ValidationError("map", pair, "map: \"" + pair + "\" is not COLUMN=field");
        mapping[pair.substr(0, eq)] = pair.substr(eq + 1);
    }
    return mapping;
}

}  // namespace

void register_member_import_command(CLI::App& member, CliContext& ctx) {
    struct ImportArgs {
        std::string file, encoding = "auto", source, map, report, rejects;
        bool dry_run = false, skip_invalid = false, dedupe_email = false;
    };
    auto a = std::make_shared<ImportArgs>();
    CLI::App* cmd = member.add_subcommand("import", "Members from a CSV file (UTF-8 or GBK), checked whole before writing");
    cmd->add_option("file", a->file, "The CSV file")->required();
    cmd->add_option("--encoding", a->encoding, "auto (default), utf-8 or gbk");
    cmd->add_option("--source", a->source, "Name of the source system: its column mapping is saved and reused");
    cmd->add_option("--map", a->map, "Column mapping, e.g. 姓名=name,手机号=mobile (saved under --source)");
    cmd->add_flag("--dry-run", a->dry_run, "Check only: write nothing, report the problems");
    cmd->add_option("--report", a->report, "Write the problems to this CSV (row, column, value, reason)");
    cmd->add_flag("--skip-invalid", a->skip_invalid, "Import the good rows; the bad ones go to --rejects");
    cmd->add_option("--rejects", a->rejects, "Write the rejected rows here, with a reason column, to fix and re-import");
    cmd->add_flag("--dedupe-email", a->dedupe_email, "Also treat the same e-mail as the same person");
    cmd->callback([&ctx, a] {
        MemberImportOptions o;
        o.encoding = parse_text_encoding(a->encoding, "encoding");
        o.file_name = file_name_of(a->file);
        o.source = a->source;
        if (!a->map.empty()) o.mapping = parse_mapping(a->map);
        o.dry_run = a->dry_run;
        o.skip_invalid = a->skip_invalid;
        o.dedupe_email = a->dedupe_email;
        // A progress line only for a person at a terminal; scripts and logs get the summary.
        const bool tell = !ctx.json && isatty(STDERR_FILENO);
        o.progress = [tell](long long done, long long total) {
            if (tell) std::fprintf(stderr, "\r%lld of %lld rows…", done, total);
        };
        o.cancel = &g_cancel;
        std::signal(SIGINT, on_interrupt);
        const std::string bytes = read_file(a->file);
        const Actor& actor = ctx.actor();
        const MemberImportResult r = ctx.services().imports.import_csv(actor, bytes, o);
        if (tell) std::fprintf(stderr, "\r%*s\r", 40, "");
        if (!a->report.empty()) write_file(a->report, problems_csv(r));
        if (!a->rejects.empty() && !r.rejected.empty()) write_file(a->rejects, rejected_csv(r));
        nlohmann::json problems = nlohmann::json::array();
        for (const ImportProblem& p : r.problems)
            problems.push_back({{"row", p.row}, {"column", p.column}, {"value", p.value}, {"reason", p.reason}});
        nlohmann::json j = {{"file", a->file},           {"encoding", text_encoding_name(r.encoding)},
                            {"rows", r.rows},            {"imported", r.imported},
                            {"rejected", r.rejected.size()}, {"written", r.written},
                            {"dry_run", a->dry_run},     {"mapping", r.mapping},
                            {"ignored_columns", r.ignored_columns}, {"problems", problems}};
        std::string text;
        for (std::size_t i = 0; i < r.problems.size() && i < 20; ++i)
            text += "row " + std::to_string(r.problems[i].row) + (r.problems[i].column.empty() ? "" : ", " + r.problems[i].column) +
                    ": " + r.problems[i].reason + "\n";
        if (r.problems.size() > 20) text += "… and " + std::to_string(r.problems.size() - 20) + " more (--report FILE lists all)\n";
        const std::string summary = std::to_string(r.rows) + " rows (" + text_encoding_name(r.encoding) + "): " +
                                    std::to_string(r.imported) + " imported, " + std::to_string(r.rejected.size()) + " rejected";
        if (!r.problems.empty() && !r.written && !a->skip_invalid && !a->dry_run) {
            // Refused as a whole: the message names the first problem; exit code 2 (invalid input).
            // One JSON document on standard output: the error (main prints it); the full list
            // goes to --report.
            const ImportProblem& first = r.problems.front();
            throw ValidationError(first.column, first.value,
                                  "import refused, nothing was written: " + std::to_string(r.problems.size()) +
                                      " problem(s); the first: row " + std::to_string(first.row) +
                                      (first.column.empty() ? "" : ", column " + first.column) + ", value \"" +
                                      first.value + "\": " + first.reason +
                                      " (--report FILE lists them all; --skip-invalid imports the good rows)");
        }
        if (a->dry_run && !r.problems.empty()) {
            if (!ctx.json) std::fputs(text.c_str(), stderr);
            throw ValidationError("file", a->file,
                                  "dry run: " + std::to_string(r.problems.size()) + " problem(s) in " + a->file +
                                      ", nothing written" + (a->report.empty() ? "" : " (listed in " + a->report + ")"));
        }
        ctx.print(j, text + (a->dry_run ? "Dry run, nothing written. " : "") + summary);
    });
}

void register_member_export_command(CLI::App& member, CliContext& ctx) {
    struct ExportOptions {
        std::string file, format;
        bool unmask = false;
    };
    auto eo = std::make_shared<ExportOptions>();
    CLI::App* cmd = member.add_subcommand("export", "Every member to a CSV (UTF-8 with BOM) or XLSX file");
    cmd->add_option("file", eo->file, "Output file (.csv or .xlsx)")->required();
    cmd->add_option("--format", eo->format, "csv or xlsx (default: from the file name)")
        ->check(CLI::IsMember({"csv", "xlsx"}));
    cmd->add_flag("--unmask", eo->unmask, "Full mobile numbers and e-mails (needs the permission; audited)");
    cmd->callback([&ctx, eo] {
        const std::string format = eo->format.empty() ? extension_of(eo->file) : eo->format;
        if (format != "csv" && format != "xlsx")
            throw ValidationError("format", format,
                                  "format: \"" + format + "\" is neither csv nor xlsx (name the file .csv or .xlsx, or pass --format)");
        const Actor& actor = ctx.actor();
        long long count = 0;
        if (format == "csv") {
            std::ofstream out(eo->file, std::ios::binary | std::ios::trunc);
            if (!out) throw StorageError("output: cannot create \"" + eo->file + "\"");
            const auto writer = report::csv_table_writer(out, report::Header::Keys);
            count = report::export_members(ctx.services().members, actor, eo->unmask, *writer);
        } else {
            const auto writer = report::xlsx_table_writer(eo->file, "members", report::Header::Keys);
            count = report::export_members(ctx.services().members, actor, eo->unmask, *writer);
        }
        ctx.print({{"members", count}, {"output", eo->file}, {"format", format}, {"masked", !eo->unmask}},
                  std::to_string(count) + " members written to " + eo->file +
                      (eo->unmask ? " (full contact data)" : " (contact data masked)"));
    });
}

}  // namespace md::cli

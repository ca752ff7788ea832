// `member export` (and `member import`): whole member bases in and out of files.
#include "cli/commands.h"
#include "cli/json_output.h"
#include "models/errors.h"
#include "reports/member_export.h"

#include <fstream>
#include <memory>

namespace md::cli {
namespace {

std::string extension_of(const std::string& path) {
    const auto dot = path.find_last_of('.');
    if (dot == std::string::npos) return "";
    std::string ext = path.substr(dot + 1);
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

}  // namespace

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

#include "cli/commands.h"
#include "cli/file_io.h"
#include "models/errors.h"
#include "services/json_reader.h"
#include "services/program_codec.h"

#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

namespace md::cli {
nlohmann::json read_json_argument(const std::string& path) { return parse_json_text(read_file(path), path); }


void register_program_commands(CLI::App& app, CliContext& ctx) {
    CLI::App* program = app.add_subcommand("program", "The programme in force: export, import (through change requests)");
    program->require_subcommand(1);

    struct ExportOptions { std::string file, as_of; };
    auto ex = std::make_shared<ExportOptions>();
    CLI::App* export_cmd = program->add_subcommand("export", "Write the programme in force as JSON (to FILE or standard output)");
    export_cmd->add_option("file", ex->file, "Output file (default: standard output)");
    export_cmd->add_option("--as-of", ex->as_of, "The programme in force on this day (YYYY-MM-DD, default today)");
    export_cmd->callback([&ctx, ex] {
        const Actor& actor = ctx.actor();
        ProgramService& s = ctx.services().program;
        const Date as_of = ex->as_of.empty() ? s.today() : parse_date(ex->as_of, "as-of");
        const std::string text = program_to_json(s.program_as_of(actor, as_of), as_of).dump(2) + "\n";
        if (ex->file.empty() || ex->file == "-") {
            std::cout << text;
            return;
        }
        std::ofstream out(ex->file, std::ios::binary);
        out << text;
        if (!out.good()) throw StorageError("output: cannot write \"" + ex->file + "\"");
        ctx.print({{"output", ex->file}, {"as_of", format_date(as_of)}}, "Programme as of " + format_date(as_of) + " written to " + ex->file);
    });

    struct HistoryOptions { std::string kind, key; };
    auto ho = std::make_shared<HistoryOptions>();
    CLI::App* history = program->add_subcommand("history", "Every approved version of one item, oldest first");
    history->add_option("kind", ho->kind, "ladder, points, denomination, bonus, package, committee or lifecycle")->required();
    history->add_option("key", ho->key, "Item key: ladder code, default (points, lifecycle), face value, code or member number")->required();
    history->callback([&ctx, ho] {
        const ChangeKind kind = parse_change_kind(ho->kind, "kind");
        nlohmann::json j = nlohmann::json::array();
        std::string text;
        for (const ConfigVersion& v : ctx.services().program.history(ctx.actor(), kind, ho->key)) {
            j.push_back({{"version", v.version},
                         {"effective_from", format_date(v.effective_from)},
                         {"change_id", v.change_id},
                         {"retired", !v.body},
                         {"item", v.body ? nlohmann::json::parse(*v.body) : nlohmann::json(nullptr)}});
            text += "version " + std::to_string(v.version) + "  from " + format_date(v.effective_from) + "  change #" +
                    std::to_string(v.change_id) + (v.body ? "" : "  (retired)") + "\n";
        }
        if (j.empty()) throw NotFoundError(ho->kind + " \"" + ho->key + "\" has no approved version");
        ctx.print(j, text);
    });

    struct ImportOptions { std::string file, reason, effective; };
    auto im = std::make_shared<ImportOptions>();
    CLI::App* import_cmd = program->add_subcommand("import", "Propose a programme file as change requests (one per changed item)");
    import_cmd->add_option("file", im->file, "Programme JSON (as written by program export)")->required();
    import_cmd->add_option("--reason", im->reason, "Why (required)")->required();
    import_cmd->add_option("--effective", im->effective, "In force from this day once approved (default today)");
    import_cmd->callback([&ctx, im] {
        const Actor& actor = ctx.actor();
        ProgramService& s = ctx.services().program;
        const nlohmann::json doc = read_json_argument(im->file);
        const Date effective = im->effective.empty() ? s.today() : parse_date(im->effective, "effective");
        const ImportResult r = s.import_program(actor, doc, im->reason, effective);
        std::string ids;
        for (auto id : r.change_ids) ids += (ids.empty() ? "" : ", ") + std::to_string(id);
        ctx.print({{"change_ids", r.change_ids}, {"unchanged", r.unchanged}},
                  std::to_string(r.change_ids.size()) + " change requests submitted" +
                      (ids.empty() ? "" : " (" + ids + ")") + "; " + std::to_string(r.unchanged) + " items unchanged");
    });
}

}  // namespace md::cli

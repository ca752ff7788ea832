// `report list` and `report NAME --as-of DATE [--from DATE] [--to DATE] --format pdf|xlsx|csv|html
// -o FILE [--lang zh_CN]`: one subcommand per report of the catalog, all built by the one report engine.
#include "cli/commands.h"
#include "cli/report_language.h"
#include "models/errors.h"
#include "reports/document_renderers.h"
#include "reports/report_catalog.h"

#include <filesystem>
#include <memory>

namespace md::cli {

void register_report_commands(CLI::App& app, CliContext& ctx) {
    CLI::App* report = app.add_subcommand("report", "Reports to PDF, XLSX, CSV or HTML (finance, managers)");
    report->require_subcommand(1);

    report->add_subcommand("list", "The reports there are")->callback([&ctx] {
        nlohmann::json list = nlohmann::json::array();
        std::string text;
        for (const report::ReportInfo& r : report::report_catalog()) {
            list.push_back({{"name", r.name}, {"title", r.title}, {"summary", r.summary}});
            text += r.name + "  " + r.title + "\n    " + r.summary + "\n";
        }
        ctx.print(list, text.substr(0, text.size() - 1));
    });

    struct Options {
        std::string as_of, from, to, format, output, lang;
    };
    for (const report::ReportInfo& info : report::report_catalog()) {
        auto o = std::make_shared<Options>();
        CLI::App* cmd = report->add_subcommand(info.name, info.title);
        cmd->add_option("--as-of", o->as_of, "The day whose end the report describes (YYYY-MM-DD)")->required();
        cmd->add_option("--from", o->from, "The period's first day (default: the as-of day's month)");
        cmd->add_option("--to", o->to, "The period's last day (default: the as-of day)");
        cmd->add_option("--format", o->format, "pdf, xlsx, csv or html")->required();
        cmd->add_option("-o,--output", o->output, "The file to write")->required();
        cmd->add_option("--lang", o->lang, "The report's language: en (default) or zh_CN");
        const std::string name = info.name;
        cmd->callback([&ctx, o, name] {
            const report::Format format = report::parse_format(o->format, "format");
            use_report_language(o->lang);
            report::ReportParams p;
            p.as_of = parse_date(o->as_of, "as_of");
            if (!o->from.empty()) p.from = parse_date(o->from, "from");
            if (!o->to.empty()) p.to = parse_date(o->to, "to");
            const report::Document document = report::build_report(ctx.services(), ctx.actor(), name, p);
            report::render(document, format, o->output);
            const auto bytes = static_cast<std::int64_t>(std::filesystem::file_size(o->output));
            ctx.print({{"report", name}, {"format", o->format}, {"output", o->output}, {"bytes", bytes}},
                      "wrote " + o->output + " (" + o->format + ", " + std::to_string(bytes) + " bytes)");
        });
    }
}

}  // namespace md::cli

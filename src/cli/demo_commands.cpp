#include "cli/commands.h"
#include "cli/file_io.h"
#include "models/errors.h"
#include "services/demo_generator.h"

#include <cstdio>
#include <fstream>
#include <unistd.h>

namespace md::cli {
namespace {

nlohmann::json users_json(const std::vector<DemoUser>& people, std::string& text) {
    nlohmann::json users = nlohmann::json::array();
    text += "Sign in as:\n";
    for (const DemoUser& p : people) {
        users.push_back({{"username", p.username}, {"display_name", p.display_name}, {"role", p.role},
                         {"password", p.password}});
        text += "  " + p.username + std::string(12 - std::min<std::size_t>(11, p.username.size()), ' ') + "password " +
                p.password + "   (" + p.role + ")\n";
    }
    return users;
}

struct GenerateArgs {
    long long members = 1000;
    int months = 24;
    std::uint64_t seed = 1;
    std::string to;
    std::string members_csv;
    int batch = 2000;
};

void register_generate(CLI::App& demo, CliContext& ctx) {
    auto a = std::make_shared<GenerateArgs>();
    CLI::App* cmd = demo.add_subcommand(
        "generate", "Create a demo database with a generated member base and its history (for benchmarks and training)");
    cmd->add_option("--members", a->members, "How many members (default 1000)");
    cmd->add_option("--months", a->months, "How many months of history, ending --to (default 24)");
    cmd->add_option("--seed", a->seed, "The same seed and --to give the same data (default 1)");
    cmd->add_option("--to", a->to, "The history's last day, YYYY-MM-DD (default today)");
    cmd->add_option("--members-csv", a->members_csv, "Also write the member file, as `member import` reads it");
    cmd->add_option("--batch", a->batch, "Service calls per transaction (default 2000)");
    cmd->callback([&ctx, a] {
        DemoGenerateOptions o;
        o.members = a->members;
        o.months = a->months;
        o.seed = a->seed;
        o.last_day = a->to.empty() ? to_business_time(now_utc()).date() : parse_date(a->to, "to");
        o.calls_per_transaction = std::max(1, a->batch);
        std::ofstream csv;
        if (!a->members_csv.empty()) {
            csv.open(a->members_csv, std::ios::binary | std::ios::trunc);
            if (!csv) throw ValidationError("members-csv", a->members_csv, "members-csv: cannot write " + a->members_csv);
            o.members_csv = [&csv](const std::string& text) { csv << text; };
        }
        const bool tell = !ctx.json && isatty(STDERR_FILENO);
        o.progress = [tell](const std::string& stage, long long done, long long total) {
            if (tell) std::fprintf(stderr, "\r%-10s %lld of %lld…   ", stage.c_str(), done, total);
        };
        Services& s = ctx.services(OpenMode::CreateIfMissing);
        const DemoGenerateResult r = generate_demo(s.database(), o);
        if (tell) std::fprintf(stderr, "\r%*s\r", 50, "");
        std::string text = "Demo database ready at " + s.database().url().display + "\n" + "History " +
                           format_date(r.first_day) + " to " + format_date(r.last_day) + ": " +
                           std::to_string(r.members) + " members, " + std::to_string(r.postings) + " postings, " +
                           std::to_string(r.cards) + " cards activated, " + std::to_string(r.complaints) +
                           " complaints, " + std::to_string(r.campaigns) + " campaigns\n";
        if (r.refused > 0)
            text += "Refused by the rules: " + std::to_string(r.refused) + " (the first: " + r.first_refusal + ")\n";
        nlohmann::json users = users_json(r.users, text);
        ctx.print({{"database", s.database().url().display},
                   {"from", format_date(r.first_day)},
                   {"to", format_date(r.last_day)},
                   {"members", r.members},
                   {"postings", r.postings},
                   {"refused", r.refused},
                   {"first_refusal", r.first_refusal},
                   {"cards", r.cards},
                   {"complaints", r.complaints},
                   {"campaigns", r.campaigns},
                   {"users", users}},
                  text);
    });
}

}  // namespace

void register_demo_commands(CLI::App& app, CliContext& ctx) {
    CLI::App* demo = app.add_subcommand("demo", "Demo data");
    demo->require_subcommand(1);
    demo->add_subcommand("seed", "Create a demo database: one user per role, and the demo programme")
        ->callback([&ctx] {
            Services& s = ctx.services(OpenMode::CreateIfMissing);
            const auto people = s.demo.seed();
            std::string text = "Demo database ready at " + s.database().url().display + "\n";
            nlohmann::json users = users_json(people, text);
            ctx.print({{"database", s.database().url().display}, {"users", users}}, text);
        });
    register_generate(*demo, ctx);
}

}  // namespace md::cli

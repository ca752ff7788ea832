#include "cli/commands.h"

namespace md::cli {

void register_demo_commands(CLI::App& app, CliContext& ctx) {
    CLI::App* demo = app.add_subcommand("demo", "Demo data");
    demo->require_subcommand(1);
    demo->add_subcommand("seed", "Create a demo database: one user per role, and the demo programme")
        ->callback([&ctx] {
            Services& s = ctx.services(OpenMode::CreateIfMissing);
            const auto people = s.demo.seed();
            nlohmann::json users = nlohmann::json::array();
            std::string text = "Demo database ready at " + s.database().url().display + "\nSign in as:\n";
            for (const DemoUser& p : people) {
                users.push_back({{"username", p.username}, {"display_name", p.display_name}, {"role", p.role},
                                 {"password", p.password}});
                text += "  " + p.username + std::string(12 - std::min<std::size_t>(11, p.username.size()), ' ') +
                        "password " + p.password + "   (" + p.role + ")\n";
            }
            ctx.print({{"database", s.database().url().display}, {"users", users}}, text);
        });
}

}  // namespace md::cli

#include "cli/commands.h"
#include "cli/json_output.h"
#include "cli/password_input.h"
#include "reports/text_renderer.h"
#include "services/password_hasher.h"

#include <memory>
#include <sstream>

namespace md::cli {
namespace {

std::string user_line(const User& u) {
    return u.username + (u.display_name.empty() ? "" : " (" + u.display_name + ")") + ", role " + role_code(u.role) + (u.active ? "" : ", disabled") +
           ", version " + std::to_string(u.version);
}

// The new user's password: MEMBERDESK_NEW_PASSWORD, a prompt on a terminal, or a generated
// one that is printed once (so scripts can create users without a secret in their source).
std::pair<std::string, bool> new_password() {
    if (auto given = read_password("MEMBERDESK_NEW_PASSWORD", "Password for the user: ", true)) return {*given, false};
    return {random_password(), true};
}

struct EditOptions {
    std::string username;
    std::optional<int> expect_version;
};

void add_edit_options(CLI::App* cmd, EditOptions& o) {
    cmd->add_option("username", o.username, "User name")->required();
    cmd->add_option("--expect-version", o.expect_version,
                    "Refuse (exit 4) if the user changed since this version");
}

}  // namespace

void register_user_commands(CLI::App& app, CliContext& ctx) {
    CLI::App* user = app.add_subcommand("user", "Console users and their roles");
    user->require_subcommand(1);

    user->add_subcommand("list", "List users")->callback([&ctx] {
        auto users = ctx.services().users.list(ctx.actor());
        nlohmann::json j = nlohmann::json::array();
        std::ostringstream text;
        for (const User& u : users) {
            j.push_back(to_json(u));
            text << user_line(u) << '\n';
        }
        ctx.print(j, text.str());
    });

    auto shown = std::make_shared<std::string>();
    CLI::App* show = user->add_subcommand("show", "Show one user");
    show->add_option("username", *shown, "User name")->required();
    show->callback([&ctx, shown] {
        const User u = ctx.services().users.get(ctx.actor(), *shown);
        ctx.print(to_json(u), user_line(u));
    });

    struct AddOptions { std::string username, role, display_name; };
    auto add_opts = std::make_shared<AddOptions>();
    CLI::App* add = user->add_subcommand("add", "Add a user (password from MEMBERDESK_NEW_PASSWORD, else generated)");
    add->add_option("username", add_opts->username, "User name: lower-case letters, digits, . _ -")->required();
    add->add_option("--role", add_opts->role, "admin, marketing, approver, service, finance or auditor")->required();
    add->add_option("--name", add_opts->display_name, "Name shown to people");
    add->callback([&ctx, add_opts] {
        const Actor& actor = ctx.actor();
        auto [password, generated] = new_password();
        const User u = ctx.services().users.add(actor, {add_opts->username, add_opts->display_name, add_opts->role, password});
        nlohmann::json j = to_json(u);
        if (generated) j["password"] = password;
        ctx.print(j, "Added " + user_line(u) + (generated ? "\nPassword (shown once): " + password : ""));
    });

    struct RoleOptions : EditOptions { std::string role; };
    auto role_opts = std::make_shared<RoleOptions>();
    CLI::App* set_role = user->add_subcommand("set-role", "Change a user's role");
    add_edit_options(set_role, *role_opts);
    set_role->add_option("role", role_opts->role, "New role")->required();
    set_role->callback([&ctx, role_opts] {
        UserChanges c;
        c.role = role_opts->role;
        const User u = ctx.services().users.update(ctx.actor(), role_opts->username, c, role_opts->expect_version);
        ctx.print(to_json(u), "Saved " + user_line(u));
    });

    struct NameOptions : EditOptions { std::string display_name; };
    auto name_opts = std::make_shared<NameOptions>();
    CLI::App* set_name = user->add_subcommand("set-name", "Change the name shown for a user");
    add_edit_options(set_name, *name_opts);
    set_name->add_option("name", name_opts->display_name, "New display name")->required();
    set_name->callback([&ctx, name_opts] {
        UserChanges c;
        c.display_name = name_opts->display_name;
        const User u = ctx.services().users.update(ctx.actor(), name_opts->username, c, name_opts->expect_version);
        ctx.print(to_json(u), "Saved " + user_line(u));
    });

    for (const bool enable : {false, true}) {
        auto opts = std::make_shared<EditOptions>();
        CLI::App* cmd = user->add_subcommand(enable ? "enable" : "disable",
                                             enable ? "Let a disabled user sign in again" : "Stop a user from signing in");
        add_edit_options(cmd, *opts);
        cmd->callback([&ctx, opts, enable] {
            UserChanges c;
            c.active = enable;
            const User u = ctx.services().users.update(ctx.actor(), opts->username, c, opts->expect_version);
            ctx.print(to_json(u), "Saved " + user_line(u));
        });
    }

    auto reset_opts = std::make_shared<EditOptions>();
    CLI::App* reset = user->add_subcommand("reset-password",
                                           "Set a new password (MEMBERDESK_NEW_PASSWORD, else generated) and unlock");
    add_edit_options(reset, *reset_opts);
    reset->callback([&ctx, reset_opts] {
        const Actor& actor = ctx.actor();
        auto [password, generated] = new_password();
        const User u = ctx.services().users.reset_password(actor, reset_opts->username, password, reset_opts->expect_version);
        nlohmann::json j = to_json(u);
        if (generated) j["password"] = password;
        ctx.print(j, "Password reset for " + u.username + (generated ? "\nNew password (shown once): " + password : ""));
    });
}

}  // namespace md::cli

#include "services/user_service.h"

#include "db/user_repository.h"
#include "models/errors.h"
#include "models/translate.h"
#include "services/password_hasher.h"

#include <nlohmann/json.hpp>

namespace md {
namespace {

const char* kEntity = "user";

long long active_admins(UserRepository& repo) {
    long long n = 0;
    for (const User& u : repo.list())
        if (u.active && u.role == Role::Admin) ++n;
    return n;
}

}  // namespace

std::string user_audit_json(const User& u) {
    nlohmann::json j = {
        {"username", u.username}, {"display_name", u.display_name}, {"role", role_code(u.role)},
        {"active", u.active},     {"version", u.version},
    };
    return j.dump();
}

User UserService::load(const std::string& username) {
    auto user = UserRepository(db_).find_by_username(username);
    if (!user) throw NotFoundError(subst(tr("user: there is no user \"{0}\""), {username}));
    return *user;
}

std::vector<User> UserService::list(const Actor& actor) {
    audit_.require(actor, Action::ViewUsers, kEntity);
    return UserRepository(db_).list();
}

User UserService::get(const Actor& actor, const std::string& username) {
    audit_.require(actor, Action::ViewUsers, kEntity, username);
    return load(username);
}

User UserService::add(const Actor& actor, const NewUser& input) {
    audit_.require(actor, Action::ManageUsers, kEntity, input.username);
    validate_username(input.username);
    validate_display_name(input.display_name);
    const Role role = require_role(input.role);
    validate_new_password(input.password);

    User user;
    user.username = input.username;
    user.display_name = input.display_name;
    user.role = role;
    user.password_hash = hash_password(input.password);
    user.created_at = user.updated_at = clock_();
    user.updated_by = actor.username;

    Transaction tx(db_);
    UserRepository repo(db_);
    if (repo.find_by_username(user.username))
        throw ConflictError(subst(tr("user: \"{0}\" already exists"), {user.username}));
    user.id = repo.insert(user);
    audit_.record(actor.username, "user.add", kEntity, user.username, "", user_audit_json(user));
    tx.commit();
    return user;
}

User UserService::save(const Actor& actor, const std::string& action, const User& before, User after,
                       std::optional<int> expected_version, const std::string& detail) {
    UserRepository repo(db_);
    Transaction tx(db_);
    // Read again inside the transaction: the version check and the write see the same row.
    const User stored = load(before.username);
    const int version = expected_version.value_or(stored.version);
    if (stored.version != version)
        throw StaleEditError(subst(tr("user \"{0}\" was changed by {1} at {2} (version {3}; you edited version "
                                      "{4}): reload it and make your change again"),
                                   {stored.username, stored.updated_by, format_business_time(stored.updated_at),
                                    std::to_string(stored.version), std::to_string(version)}),
                             stored.updated_by, format_business_time(stored.updated_at));
    if (before.role == Role::Admin && before.active && (after.role != Role::Admin || !after.active) &&
        active_admins(repo) <= 1)
        throw ConflictError(subst(tr("user \"{0}\" is the last active administrator and must stay one"),
                                  {before.username}));
    after.version = version;
    after.updated_at = clock_();
    after.updated_by = actor.username;
    if (!repo.update_if_version(after))
        throw ConflictError(subst(tr("user \"{0}\" was changed by someone else just now: reload it"),
                                  {before.username}));
    after.version = version + 1;
    audit_.record(actor.username, action, kEntity, after.username, user_audit_json(stored), user_audit_json(after),
                  detail);
    tx.commit();
    return after;
}

User UserService::update(const Actor& actor, const std::string& username, const UserChanges& changes,
                         std::optional<int> expected_version) {
    audit_.require(actor, Action::ManageUsers, kEntity, username);
    if (changes.display_name) validate_display_name(*changes.display_name);
    std::optional<Role> role;
    if (changes.role) role = require_role(*changes.role);

    const User before = load(username);
    User after = before;
    if (changes.display_name) after.display_name = *changes.display_name;
    if (role) after.role = *role;
    if (changes.active) after.active = *changes.active;
    if (changes.active && !*changes.active && username == actor.username)
        throw ConflictError(tr("user: you cannot disable your own account"));
    std::string action = "user.update";
    if (changes.active && !changes.role && !changes.display_name) action = *changes.active ? "user.enable" : "user.disable";
    else if (changes.role && !changes.active && !changes.display_name) action = "user.set_role";
    return save(actor, action, before, after, expected_version, "");
}

User UserService::reset_password(const Actor& actor, const std::string& username, const std::string& new_password,
                                 std::optional<int> expected_version) {
    audit_.require(actor, Action::ManageUsers, kEntity, username);
    validate_new_password(new_password);
    const User before = load(username);
    User after = before;
    after.password_hash = hash_password(new_password);
    User saved = save(actor, "user.reset_password", before, after, expected_version,
                      tr("password reset; any lock cleared"));
    UserRepository(db_).record_sign_in_result(saved.id, 0, std::nullopt);
    return saved;
}

}  // namespace md

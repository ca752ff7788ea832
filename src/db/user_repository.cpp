#include "db/user_repository.h"

#include "models/errors.h"

namespace md {
namespace {

const char* kColumns =
    "SELECT id, username, display_name, role, active, password_hash, failed_sign_ins, locked_until,"
    " created_at, updated_at, updated_by, version FROM users";

std::optional<Instant> optional_instant(const std::string& text, soci::indicator ind) {
    if (ind != soci::i_ok || text.empty()) return std::nullopt;
    return parse_instant(text);
}

}  // namespace

std::vector<User> UserRepository::select(const std::string& where, const std::string& key) {
    return db_.guarded("reading users", [&] {
        std::vector<User> users;
        long long id = 0;
        std::string username, display_name, role, hash, locked_until, created_at, updated_at, updated_by;
        int active = 1, failed = 0, version = 1;
        soci::indicator locked_ind = soci::i_null;
        soci::statement st(db_.sql());
        st.exchange(soci::into(id));
        st.exchange(soci::into(username));
        st.exchange(soci::into(display_name));
        st.exchange(soci::into(role));
        st.exchange(soci::into(active));
        st.exchange(soci::into(hash));
        st.exchange(soci::into(failed));
        st.exchange(soci::into(locked_until, locked_ind));
        st.exchange(soci::into(created_at));
        st.exchange(soci::into(updated_at));
        st.exchange(soci::into(updated_by));
        st.exchange(soci::into(version));
        std::string bound_key = key;
        if (!where.empty()) st.exchange(soci::use(bound_key));
        st.alloc();
        st.prepare(std::string(kColumns) + (where.empty() ? "" : " WHERE " + where) + " ORDER BY username");
        st.define_and_bind();
        st.execute(false);
        while (st.fetch()) {
            User u;
            u.id = id;
            u.username = username;
            u.display_name = display_name;
            u.role = parse_role(role).value_or(Role::Auditor);  // an unknown stored role grants the least
            u.active = active != 0;
            u.password_hash = hash;
            u.failed_sign_ins = failed;
            u.locked_until = optional_instant(locked_until, locked_ind);
            u.created_at = parse_instant(created_at);
            u.updated_at = parse_instant(updated_at);
            u.updated_by = updated_by;
            u.version = version;
            users.push_back(std::move(u));
        }
        return users;
    });
}

std::optional<User> UserRepository::find_by_username(const std::string& username) {
    auto found = select("username = :key", username);
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::optional<User> UserRepository::find_by_id(std::int64_t id) {
    auto found = select("id = :key", std::to_string(id));
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::vector<User> UserRepository::list() { return select("", ""); }

long long UserRepository::count() {
    return db_.guarded("counting users", [&] {
        long long n = 0;
        db_.sql() << "SELECT COUNT(*) FROM users", soci::into(n);
        return n;
    });
}

std::int64_t UserRepository::insert(const User& u) {
    return db_.guarded("adding a user", [&] {
        long long id = 0;
        const std::string role = role_code(u.role);
        const int active = u.active ? 1 : 0;
        const std::string created = format_instant(u.created_at), updated = format_instant(u.updated_at);
        db_.sql() << "INSERT INTO users (username, display_name, role, active, password_hash, failed_sign_ins,"
                     " created_at, updated_at, updated_by, version)"
                     " VALUES (:u, :d, :r, :a, :h, 0, :c, :m, :b, 1) RETURNING id",
            soci::use(u.username), soci::use(u.display_name), soci::use(role), soci::use(active),
            soci::use(u.password_hash), soci::use(created), soci::use(updated), soci::use(u.updated_by),
            soci::into(id);
        return static_cast<std::int64_t>(id);
    });
}

bool UserRepository::update_if_version(const User& u) {
    return db_.guarded("saving a user", [&] {
        const std::string role = role_code(u.role);
        const int active = u.active ? 1 : 0;
        const std::string updated = format_instant(u.updated_at);
        const long long id = u.id;
        const int version = u.version;
        soci::statement st = (db_.sql().prepare << "UPDATE users SET display_name = :d, role = :r, active = :a,"
                                                   " password_hash = :h, updated_at = :m, updated_by = :b,"
                                                   " version = version + 1"
                                                   " WHERE id = :id AND version = :v",
                              soci::use(u.display_name), soci::use(role), soci::use(active),
                              soci::use(u.password_hash), soci::use(updated), soci::use(u.updated_by),
                              soci::use(id), soci::use(version));
        st.execute(true);
        return st.get_affected_rows() == 1;
    });
}

void UserRepository::record_sign_in_result(std::int64_t id, int failed_sign_ins,
                                           const std::optional<Instant>& locked_until) {
    db_.guarded("recording a sign-in", [&] {
        const long long key = id;
        std::string until = locked_until ? format_instant(*locked_until) : std::string();
        soci::indicator ind = locked_until ? soci::i_ok : soci::i_null;
        db_.sql() << "UPDATE users SET failed_sign_ins = :f, locked_until = :l WHERE id = :id",
            soci::use(failed_sign_ins), soci::use(until, ind), soci::use(key);
    });
}

}  // namespace md

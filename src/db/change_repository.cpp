#include "db/change_repository.h"

#include "models/errors.h"

namespace md {
namespace {

std::optional<Instant> maybe_instant(const std::string& text, soci::indicator ind) {
    if (ind != soci::i_ok || text.empty()) return std::nullopt;
    return parse_instant(text);
}

// PostgreSQL DATE columns read back as "YYYY-MM-DD"; SQLite stores that text already.
Date stored_date(const std::string& text) { return parse_date(text.substr(0, 10), "stored date"); }

}  // namespace

std::int64_t ChangeRepository::insert(const ChangeRequest& r) {
    return db_.guarded("saving a change request", [&] {
        long long id = 0;
        const std::string kind = change_kind_code(r.kind), status = change_status_code(r.status);
        const std::string proposed = r.proposed.value_or("");
        soci::indicator proposed_ind = r.proposed ? soci::i_ok : soci::i_null;
        const std::string effective = format_date(r.effective_from), created = format_instant(r.created_at);
        const std::string submitted = r.submitted_at ? format_instant(*r.submitted_at) : "";
        soci::indicator submitted_ind = r.submitted_at ? soci::i_ok : soci::i_null;
        db_.sql() << "INSERT INTO change_requests (kind, item_key, proposed, base_version, reason, effective_from,"
                     " status, created_by, created_at, submitted_at, version)"
                     " VALUES (:k, :key, :p, :b, :r, :e, :s, :c, :ca, :sa, 1) RETURNING id",
            soci::use(kind), soci::use(r.item_key), soci::use(proposed, proposed_ind), soci::use(r.base_version),
            soci::use(r.reason), soci::use(effective), soci::use(status), soci::use(r.created_by), soci::use(created),
            soci::use(submitted, submitted_ind), soci::into(id);
        return static_cast<std::int64_t>(id);
    });
}

std::vector<ChangeDecision> ChangeRepository::decisions(std::int64_t change_id) {
    std::vector<ChangeDecision> out;
    std::string approver, comment, at;
    int approved = 0;
    const long long id = change_id;
    soci::statement st = (db_.sql().prepare << "SELECT approver, approved, comment, at FROM change_decisions"
                                               " WHERE change_id = :id ORDER BY id",
                          soci::into(approver), soci::into(approved), soci::into(comment), soci::into(at),
                          soci::use(id));
    st.execute(false);
    while (st.fetch()) out.push_back({approver, approved != 0, comment, parse_instant(at)});
    return out;
}

std::vector<ChangeRequest> ChangeRepository::list(const ChangeQuery& q) {
    std::vector<std::string> params;
    std::string where;
    auto add = [&](const std::string& column, const std::string& value) {
        where += (where.empty() ? " WHERE " : " AND ") + column + " = :p" + std::to_string(params.size());
        params.push_back(value);
    };
    if (q.status) add("status", change_status_code(*q.status));
    if (q.created_by) add("created_by", *q.created_by);
    return select(where, params, q.limit);
}

std::optional<ChangeRequest> ChangeRepository::find(std::int64_t id) {
    auto found = select(" WHERE id = :p0", {std::to_string(id)}, 1);
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::vector<ChangeRequest> ChangeRepository::select(const std::string& where, std::vector<std::string> params,
                                                    int limit) {
    return db_.guarded("reading change requests", [&] {
        long long id = 0;
        std::string kind, key, proposed, reason, effective, status, created_by, created_at, submitted_at;
        int base_version = 0, version = 1;
        soci::indicator proposed_ind = soci::i_null, submitted_ind = soci::i_null;
        soci::statement st(db_.sql());
        st.exchange(soci::into(id));
        st.exchange(soci::into(kind));
        st.exchange(soci::into(key));
        st.exchange(soci::into(proposed, proposed_ind));
        st.exchange(soci::into(base_version));
        st.exchange(soci::into(reason));
        st.exchange(soci::into(effective));
        st.exchange(soci::into(status));
        st.exchange(soci::into(created_by));
        st.exchange(soci::into(created_at));
        st.exchange(soci::into(submitted_at, submitted_ind));
        st.exchange(soci::into(version));
        for (std::string& p : params) st.exchange(soci::use(p));
        st.alloc();
        st.prepare("SELECT id, kind, item_key, proposed, base_version, reason, effective_from, status, created_by,"
                   " created_at, submitted_at, version FROM change_requests" + where +
                   " ORDER BY id DESC LIMIT " + std::to_string(limit));
        st.define_and_bind();
        st.execute(false);
        std::vector<ChangeRequest> out;
        while (st.fetch()) {
            ChangeRequest r;
            r.id = id;
            r.kind = parse_change_kind(kind, "kind");
            r.item_key = key;
            if (proposed_ind == soci::i_ok) r.proposed = proposed;
            r.base_version = base_version;
            r.reason = reason;
            r.effective_from = stored_date(effective);
            r.status = parse_change_status(status);
            r.created_by = created_by;
            r.created_at = parse_instant(created_at);
            r.submitted_at = maybe_instant(submitted_at, submitted_ind);
            r.version = version;
            out.push_back(std::move(r));
        }
        for (ChangeRequest& r : out) r.decisions = decisions(r.id);
        return out;
    });
}

bool ChangeRepository::update_status_if_version(const ChangeRequest& r, const std::optional<Instant>& decided_at) {
    return db_.guarded("saving a change request", [&] {
        const std::string status = change_status_code(r.status);
        const std::string submitted = r.submitted_at ? format_instant(*r.submitted_at) : "";
        soci::indicator submitted_ind = r.submitted_at ? soci::i_ok : soci::i_null;
        const std::string decided = decided_at ? format_instant(*decided_at) : "";
        soci::indicator decided_ind = decided_at ? soci::i_ok : soci::i_null;
        const long long id = r.id;
        const int version = r.version;
        soci::statement st = (db_.sql().prepare << "UPDATE change_requests SET status = :s, submitted_at = :sa,"
                                                   " decided_at = :da, version = version + 1"
                                                   " WHERE id = :id AND version = :v",
                              soci::use(status), soci::use(submitted, submitted_ind), soci::use(decided, decided_ind),
                              soci::use(id), soci::use(version));
        st.execute(true);
        return st.get_affected_rows() == 1;
    });
}

void ChangeRepository::add_decision(std::int64_t change_id, const ChangeDecision& d) {
    db_.guarded("recording a decision", [&] {
        const long long id = change_id;
        const int approved = d.approved ? 1 : 0;
        const std::string at = format_instant(d.at);
        db_.sql() << "INSERT INTO change_decisions (change_id, approver, approved, comment, at)"
                     " VALUES (:id, :a, :ok, :c, :at)",
            soci::use(id), soci::use(d.approver), soci::use(approved), soci::use(d.comment), soci::use(at);
    });
}

std::vector<ApprovalRule> ChangeRepository::approval_rules() {
    return db_.guarded("reading approval rules", [&] {
        std::vector<ApprovalRule> out;
        std::string kind, role;
        int needed = 1;
        soci::statement st = (db_.sql().prepare << "SELECT kind, approver_role, approvals_needed FROM approval_rules"
                                                   " ORDER BY kind",
                              soci::into(kind), soci::into(role), soci::into(needed));
        st.execute(false);
        while (st.fetch())
            out.push_back({parse_change_kind(kind, "kind"), parse_role(role).value_or(Role::Approver), needed});
        return out;
    });
}

ApprovalRule ChangeRepository::approval_rule(ChangeKind kind) {
    for (const ApprovalRule& r : approval_rules())
        if (r.kind == kind) return r;
    return ApprovalRule{kind, Role::Approver, 1};
}

void ChangeRepository::save_approval_rule(const ApprovalRule& rule, const std::string& updated_by) {
    db_.guarded("saving an approval rule", [&] {
        const std::string kind = change_kind_code(rule.kind), role = role_code(rule.approver_role);
        db_.sql() << "UPDATE approval_rules SET approver_role = :r, approvals_needed = :n, updated_by = :u,"
                     " version = version + 1 WHERE kind = :k",
            soci::use(role), soci::use(rule.approvals_needed), soci::use(updated_by), soci::use(kind);
    });
}

int ChangeRepository::latest_version(ChangeKind kind, const std::string& key) {
    return db_.guarded("reading item versions", [&] {
        int version = 0;
        soci::indicator ind = soci::i_null;
        const std::string k = change_kind_code(kind);
        db_.sql() << "SELECT MAX(version) FROM config_versions WHERE kind = :k AND item_key = :key", soci::use(k),
            soci::use(key), soci::into(version, ind);
        return ind == soci::i_ok ? version : 0;
    });
}

void ChangeRepository::insert_version(const ConfigVersion& v) {
    db_.guarded("saving an item version", [&] {
        const std::string kind = change_kind_code(v.kind), effective = format_date(v.effective_from),
                          approved = format_instant(v.approved_at), body = v.body.value_or("");
        soci::indicator body_ind = v.body ? soci::i_ok : soci::i_null;
        const long long change_id = v.change_id;
        db_.sql() << "INSERT INTO config_versions (kind, item_key, version, effective_from, body, change_id, approved_at)"
                     " VALUES (:k, :key, :v, :e, :b, :c, :a)",
            soci::use(kind), soci::use(v.item_key), soci::use(v.version), soci::use(effective), soci::use(body, body_ind),
            soci::use(change_id), soci::use(approved);
    });
}

std::vector<ConfigVersion> ChangeRepository::select_versions(const std::string& where,
                                                             const std::vector<std::string>& params_in) {
    return db_.guarded("reading item versions", [&] {
        std::vector<std::string> params = params_in;
        std::string kind, key, effective, body, approved;
        int version = 0;
        long long change_id = 0;
        soci::indicator body_ind = soci::i_null;
        soci::statement st(db_.sql());
        st.exchange(soci::into(kind));
        st.exchange(soci::into(key));
        st.exchange(soci::into(version));
        st.exchange(soci::into(effective));
        st.exchange(soci::into(body, body_ind));
        st.exchange(soci::into(change_id));
        st.exchange(soci::into(approved));
        for (std::string& p : params) st.exchange(soci::use(p));
        st.alloc();
        st.prepare("SELECT v.kind, v.item_key, v.version, v.effective_from, v.body, v.change_id, v.approved_at"
                   " FROM config_versions v" + where + " ORDER BY v.kind, v.item_key, v.version");
        st.define_and_bind();
        st.execute(false);
        std::vector<ConfigVersion> out;
        while (st.fetch()) {
            ConfigVersion v;
            v.kind = parse_change_kind(kind, "kind");
            v.item_key = key;
            v.version = version;
            v.effective_from = stored_date(effective);
            if (body_ind == soci::i_ok) v.body = body;
            v.change_id = change_id;
            v.approved_at = parse_instant(approved);
            out.push_back(std::move(v));
        }
        return out;
    });
}

std::vector<ConfigVersion> ChangeRepository::in_force(const Date& as_of, std::optional<ChangeKind> kind) {
    // The latest approved version among those already effective: a later approval wins
    // even if an earlier one becomes effective after it.
    std::string where =
        " WHERE v.effective_from <= :p0 AND v.version = (SELECT MAX(w.version) FROM config_versions w"
        " WHERE w.kind = v.kind AND w.item_key = v.item_key AND w.effective_from <= :p1)";
    std::vector<std::string> params = {format_date(as_of), format_date(as_of)};
    if (kind) {
        where += " AND v.kind = :p2";
        params.push_back(change_kind_code(*kind));
    }
    return select_versions(where, params);
}

std::vector<ConfigVersion> ChangeRepository::history(ChangeKind kind, const std::string& key) {
    return select_versions(" WHERE v.kind = :p0 AND v.item_key = :p1", {change_kind_code(kind), key});
}

void ChangeRepository::set_simulation(std::int64_t change_id, const std::string& json) {
    db_.guarded("saving a change simulation", [&] {
        const long long id = change_id;
        db_.sql() << "UPDATE change_requests SET simulation = :s WHERE id = :id", soci::use(json), soci::use(id);
    });
}

std::optional<std::string> ChangeRepository::simulation(std::int64_t change_id) {
    return db_.guarded("reading a change simulation", [&]() -> std::optional<std::string> {
        const long long id = change_id;
        std::string json;
        soci::indicator ind = soci::i_null;
        db_.sql() << "SELECT simulation FROM change_requests WHERE id = :id", soci::use(id), soci::into(json, ind);
        if (ind != soci::i_ok || json.empty()) return std::nullopt;
        return json;
    });
}

}  // namespace md

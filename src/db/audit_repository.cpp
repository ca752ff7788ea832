#include "db/audit_repository.h"

namespace md {

namespace {

AuditChainHead read_head(Database& db, const char* lock) {
    AuditChainHead head;
    long long first = 1, last = 0;
    db.sql() << std::string("SELECT first_id, last_id, hash FROM audit_chain WHERE id = 1") + lock, soci::into(first),
        soci::into(last), soci::into(head.hash);
    head.first_id = first;
    head.last_id = last;
    return head;
}

}  // namespace

AuditChainHead AuditRepository::lock_chain_head() {
    return db_.guarded("reading the audit chain", [&] {
        return read_head(db_, db_.backend() == Backend::Postgres ? " FOR UPDATE" : "");
    });
}

AuditChainHead AuditRepository::chain_head() {
    return db_.guarded("reading the audit chain", [&] { return read_head(db_, ""); });
}

std::int64_t AuditRepository::insert(const AuditRecord& r, const std::string* prev_hash, const std::string* hash) {
    return db_.guarded("writing the audit trail", [&] {
        long long id = 0;
        const std::string at = format_instant(r.at), outcome = outcome_code(r.outcome);
        soci::indicator before_ind = r.before.empty() ? soci::i_null : soci::i_ok;
        soci::indicator after_ind = r.after.empty() ? soci::i_null : soci::i_ok;
        const bool linked = prev_hash != nullptr;
        soci::statement st(db_.sql());
        for (const std::string* value : {&at, &r.actor, &r.action, &r.entity, &r.entity_id, &outcome})
            st.exchange(soci::use(*value));
        st.exchange(soci::use(r.before, before_ind));
        st.exchange(soci::use(r.after, after_ind));
        st.exchange(soci::use(r.detail));
        if (linked) {
            st.exchange(soci::use(*prev_hash));
            st.exchange(soci::use(*hash));
        }
        st.exchange(soci::into(id));
        st.alloc();
        st.prepare(std::string("INSERT INTO audit_log (at, actor, action, entity, entity_id, outcome, before_value,"
                               " after_value, detail") +
                   (linked ? ", prev_hash, hash" : "") +
                   ") VALUES (:at, :actor, :action, :entity, :eid, :outcome, :before, :after, :detail" +
                   (linked ? ", :prev, :hash" : "") + ") RETURNING id");
        st.define_and_bind();
        st.execute(true);
        if (linked)
            db_.sql() << "UPDATE audit_chain SET last_id = :id, hash = :hash WHERE id = 1", soci::use(id), soci::use(*hash);
        return static_cast<std::int64_t>(id);
    });
}

std::int64_t AuditRepository::append(const AuditRecord& r, const std::string& prev_hash, const std::string& hash) {
    return insert(r, &prev_hash, &hash);
}

std::int64_t AuditRepository::append_unchained(const AuditRecord& r) { return insert(r, nullptr, nullptr); }

bool AuditRepository::has_chain() {
    return db_.guarded("reading the audit chain", [&] {
        long long tables = 0;
        if (db_.backend() == Backend::Sqlite)
            db_.sql() << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'audit_chain'", soci::into(tables);
        else
            db_.sql() << "SELECT COUNT(*) FROM pg_class WHERE relname = 'audit_chain'"
                         " AND relnamespace = current_schema()::regnamespace",
                soci::into(tables);
        return tables > 0;
    });
}

void AuditRepository::for_each_from(std::int64_t first_id, const std::function<void(const StoredAuditRecord&)>& each) {
    db_.guarded("reading the audit trail", [&] {
        long long id = 0, from = first_id;
        std::string at, outcome, before, after, prev, hash;
        soci::indicator before_ind = soci::i_null, after_ind = soci::i_null, prev_ind = soci::i_null,
                        hash_ind = soci::i_null;
        StoredAuditRecord s;
        AuditRecord& r = s.record;
        soci::statement st = (db_.sql().prepare << "SELECT id, at, actor, action, entity, entity_id, outcome, before_value,"
                                                   " after_value, detail, prev_hash, hash FROM audit_log"
                                                   " WHERE id >= :from ORDER BY id",
                              soci::use(from), soci::into(id), soci::into(at), soci::into(r.actor), soci::into(r.action),
                              soci::into(r.entity), soci::into(r.entity_id), soci::into(outcome),
                              soci::into(before, before_ind), soci::into(after, after_ind), soci::into(r.detail),
                              soci::into(prev, prev_ind), soci::into(hash, hash_ind));
        st.execute(false);
        while (st.fetch()) {
            r.id = id;
            try {
                r.at = parse_instant(at);
            } catch (const std::exception&) {
                r.at = Instant();  // an unreadable time cannot match the hash: verify names the record
            }
            r.outcome = parse_outcome(outcome);
            r.before = before_ind == soci::i_ok ? before : "";
            r.after = after_ind == soci::i_ok ? after : "";
            s.prev_hash = prev_ind == soci::i_ok ? prev : "";
            s.has_hash = hash_ind == soci::i_ok;
            s.hash = s.has_hash ? hash : "";
            each(s);
        }
    });
}

long long AuditRepository::count_before(std::int64_t id) {
    return db_.guarded("counting audit records", [&] {
        long long n = 0, below = id;
        db_.sql() << "SELECT COUNT(*) FROM audit_log WHERE id < :id", soci::use(below), soci::into(n);
        return n;
    });
}

std::vector<AuditRecord> AuditRepository::list(const AuditFilter& filter, const std::optional<Instant>& from_utc,
                                               const std::optional<Instant>& to_utc_exclusive) {
    return db_.guarded("reading the audit trail", [&] {
        // Only the conditions asked for are in the query, each with its own bound value.
        std::vector<std::string> params;
        std::string where;
        auto add = [&](const std::string& condition, const std::string& value) {
            where += (where.empty() ? " WHERE " : " AND ") + condition;
            params.push_back(value);
        };
        if (filter.actor) add("actor = :p" + std::to_string(params.size()), *filter.actor);
        if (filter.action) {
            const std::string& a = *filter.action;
            if (!a.empty() && a.back() == '.')
                add("substr(action, 1, " + std::to_string(a.size()) + ") = :p" + std::to_string(params.size()), a);
            else
                add("action = :p" + std::to_string(params.size()), a);
        }
        if (from_utc) add("at >= :p" + std::to_string(params.size()), format_instant(*from_utc));
        if (to_utc_exclusive) add("at < :p" + std::to_string(params.size()), format_instant(*to_utc_exclusive));

        long long id = 0;
        std::string at, actor, action, entity, entity_id, outcome, before, after, detail;
        soci::indicator before_ind = soci::i_null, after_ind = soci::i_null;
        soci::statement st(db_.sql());
        st.exchange(soci::into(id));
        st.exchange(soci::into(at));
        st.exchange(soci::into(actor));
        st.exchange(soci::into(action));
        st.exchange(soci::into(entity));
        st.exchange(soci::into(entity_id));
        st.exchange(soci::into(outcome));
        st.exchange(soci::into(before, before_ind));
        st.exchange(soci::into(after, after_ind));
        st.exchange(soci::into(detail));
        for (std::string& p : params) st.exchange(soci::use(p));
        st.alloc();
        st.prepare("SELECT id, at, actor, action, entity, entity_id, outcome, before_value, after_value, detail"
                   " FROM audit_log" + where + " ORDER BY id DESC LIMIT " + std::to_string(filter.limit));
        st.define_and_bind();
        st.execute(false);
        std::vector<AuditRecord> out;
        while (st.fetch()) {
            AuditRecord r;
            r.id = id;
            r.at = parse_instant(at);
            r.actor = actor;
            r.action = action;
            r.entity = entity;
            r.entity_id = entity_id;
            r.outcome = parse_outcome(outcome);
            r.before = before_ind == soci::i_ok ? before : "";
            r.after = after_ind == soci::i_ok ? after : "";
            r.detail = detail;
            out.push_back(std::move(r));
        }
        return out;
    });
}

}  // namespace md

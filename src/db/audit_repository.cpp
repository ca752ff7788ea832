#include "db/audit_repository.h"

namespace md {

std::int64_t AuditRepository::append(const AuditRecord& r) {
    return db_.guarded("writing the audit trail", [&] {
        long long id = 0;
        const std::string at = format_instant(r.at), outcome = outcome_code(r.outcome);
        soci::indicator before_ind = r.before.empty() ? soci::i_null : soci::i_ok;
        soci::indicator after_ind = r.after.empty() ? soci::i_null : soci::i_ok;
        db_.sql() << "INSERT INTO audit_log (at, actor, action, entity, entity_id, outcome, before_value,"
                     " after_value, detail) VALUES (:at, :actor, :action, :entity, :eid, :outcome, :before,"
                     " :after, :detail) RETURNING id",
            soci::use(at), soci::use(r.actor), soci::use(r.action), soci::use(r.entity), soci::use(r.entity_id),
            soci::use(outcome), soci::use(r.before, before_ind), soci::use(r.after, after_ind),
            soci::use(r.detail), soci::into(id);
        return static_cast<std::int64_t>(id);
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

#include "db/lifecycle_repository.h"

#include "db/stored_dates.h"

namespace md {

void LifecycleRepository::for_each_member(const std::function<void(const MemberActivity&)>& each) {
    db_.guarded("reading member activity", [&] {
        long long id = 0;
        std::string state, created, recharge, purchase, last;
        soci::indicator recharge_ind, purchase_ind, last_ind;
        soci::statement st =
            (db_.sql().prepare << "SELECT id, state, created_at, first_recharge_on, first_purchase_on, last_activity_on"
                                  " FROM members ORDER BY id",
             soci::into(id), soci::into(state), soci::into(created), soci::into(recharge, recharge_ind),
             soci::into(purchase, purchase_ind), soci::into(last, last_ind));
        st.execute(false);
        MemberActivity a;
        while (st.fetch()) {
            a.member_id = id;
            a.state = parse_lifecycle(state, "state");
            // Registration counts in the business day it happened (created_at is UTC).
            a.facts.registered_on = to_business_time(parse_instant(created)).date();
            a.facts.first_recharge_on = optional_stored_date(recharge, recharge_ind, "first_recharge_on");
            a.facts.first_purchase_on = optional_stored_date(purchase, purchase_ind, "first_purchase_on");
            a.facts.last_activity_on = optional_stored_date(last, last_ind, "last_activity_on");
            each(a);
        }
    });
}

void LifecycleRepository::apply(const std::vector<LifecycleMove>& moves, const std::string& reason,
                                const std::string& actor, const Instant& at) {
    db_.guarded("changing lifecycle states", [&] {
        long long id = 0;
        std::string from, to;
        const std::string when = format_instant(at);
        soci::statement update = (db_.sql().prepare << "UPDATE members SET state = :s, version = version + 1,"
                                                       " updated_at = :at, updated_by = :by WHERE id = :id",
                                  soci::use(to), soci::use(when), soci::use(actor), soci::use(id));
        soci::statement history =
            (db_.sql().prepare << "INSERT INTO member_state_history (member_id, from_state, to_state, at, reason, actor)"
                                  " VALUES (:m, :f, :t, :at, :r, :a)",
             soci::use(id), soci::use(from), soci::use(to), soci::use(when), soci::use(reason), soci::use(actor));
        // Prepared once, executed per member: the statements are reused, not re-parsed.
        for (const LifecycleMove& m : moves) {
            id = m.member_id;
            from = lifecycle_code(m.from);
            to = lifecycle_code(m.to);
            update.execute(true);
            history.execute(true);
        }
    });
}

std::int64_t LifecycleRepository::add_run(const LifecycleRun& r) {
    return db_.guarded("logging a lifecycle run", [&] {
        const std::string as_of = format_date(r.as_of), at = format_instant(r.run_at);
        long long id = 0;
        db_.sql() << "INSERT INTO lifecycle_runs (as_of, dormant_after_days, lapsed_after_days, evaluated, changed,"
                     " moves, run_by, run_at) VALUES (:d, :dormant, :lapsed, :e, :c, :m, :by, :at) RETURNING id",
            soci::use(as_of), soci::use(r.rule.dormant_after_days), soci::use(r.rule.lapsed_after_days),
            soci::use(r.evaluated), soci::use(r.changed), soci::use(r.moves_json), soci::use(r.run_by), soci::use(at),
            soci::into(id);
        return static_cast<std::int64_t>(id);
    });
}

std::vector<LifecycleRun> LifecycleRepository::runs(int limit) {
    return db_.guarded("reading lifecycle runs", [&] {
        std::vector<LifecycleRun> out;
        LifecycleRun r;
        long long id = 0;
        std::string as_of, at;
        soci::statement st =
            (db_.sql().prepare << "SELECT id, as_of, dormant_after_days, lapsed_after_days, evaluated, changed, moves,"
                                  " run_by, run_at FROM lifecycle_runs ORDER BY id DESC LIMIT " +
                                      std::to_string(limit),
             soci::into(id), soci::into(as_of), soci::into(r.rule.dormant_after_days),
             soci::into(r.rule.lapsed_after_days), soci::into(r.evaluated), soci::into(r.changed),
             soci::into(r.moves_json), soci::into(r.run_by), soci::into(at));
        st.execute(false);
        while (st.fetch()) {
            r.id = id;
            r.as_of = stored_date(as_of, "as_of");
            r.run_at = parse_instant(at);
            out.push_back(r);
        }
        return out;
    });
}

void LifecycleRepository::record_activity(std::int64_t member_id, ActivityKind kind, const Date& on) {
    db_.guarded("recording member activity", [&] {
        const long long id = member_id;
        const std::string day = format_date(on);
        const char* first = kind == ActivityKind::Recharge ? "first_recharge_on" : "first_purchase_on";
        // Dates compare as ISO text on SQLite and as dates on PostgreSQL; both order correctly.
        db_.sql() << std::string("UPDATE members SET ") + first + " = CASE WHEN " + first + " IS NULL OR " + first +
                         " > :d1 THEN :d2 ELSE " + first +
                         " END, last_activity_on = CASE WHEN last_activity_on IS NULL OR last_activity_on < :d3"
                         " THEN :d4 ELSE last_activity_on END WHERE id = :id",
            soci::use(day), soci::use(day), soci::use(day), soci::use(day), soci::use(id);
    });
}

}  // namespace md

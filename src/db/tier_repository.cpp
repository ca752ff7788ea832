#include "db/tier_repository.h"

#include "db/stored_dates.h"

namespace md {
namespace {

// The recompute reads millions of days: a direct digit read of "YYYY-MM-DD" (what both backends
// give back) instead of the general parser, which stays the fallback for anything else.
Date fast_day(const std::string& text) {
    if (text.size() >= 10 && text[4] == '-' && text[7] == '-') {
        auto num = [&](std::size_t at, std::size_t n) {
            int v = 0;
            for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (text[i] - '0');
            return v;
        };
        return Date(static_cast<unsigned short>(num(0, 4)), static_cast<unsigned short>(num(5, 2)),
                    static_cast<unsigned short>(num(8, 2)));
    }
    return stored_date(text, "day");
}

// A fact's amount as the engine reads it: fen, or whole coins as yuan units.
Money fact_amount(FactKind kind, long long amount) {
    return kind == FactKind::Coins ? Money::from_yuan(amount) : Money::from_fen(amount);
}

Date joined_day(const std::string& created_at) { return to_business_time(parse_instant(created_at)).date(); }

const char* kOverrideColumns =
    "SELECT o.id, o.member_id, m.number, o.ladder, o.tier, o.reason, o.starts, o.expires, o.state, o.requested_by,"
    " o.requested_at, COALESCE(o.decided_by, ''), o.comment FROM tier_overrides o JOIN members m ON m.id = o.member_id ";

std::vector<StoredOverride> read_overrides(Database& db, const std::string& where, long long value, bool with_value) {
    std::vector<StoredOverride> out;
    long long id = 0, member = 0;
    std::string number, ladder, tier, reason, starts, expires, state, by, at, decided, comment;
    soci::statement st = with_value
                             ? (db.sql().prepare << std::string(kOverrideColumns) + where, soci::use(value), soci::into(id),
                                soci::into(member), soci::into(number), soci::into(ladder), soci::into(tier),
                                soci::into(reason), soci::into(starts), soci::into(expires), soci::into(state),
                                soci::into(by), soci::into(at), soci::into(decided), soci::into(comment))
                             : (db.sql().prepare << std::string(kOverrideColumns) + where, soci::into(id),
                                soci::into(member), soci::into(number), soci::into(ladder), soci::into(tier),
                                soci::into(reason), soci::into(starts), soci::into(expires), soci::into(state),
                                soci::into(by), soci::into(at), soci::into(decided), soci::into(comment));
    st.execute(false);
    while (st.fetch()) {
        StoredOverride s;
        s.override = TierOverride{id, ladder, tier, reason, stored_date(starts, "starts"), stored_date(expires, "expires"), by};
        s.member_id = member;
        s.member_number = number;
        s.state = state;
        s.requested_at = parse_instant(at);
        s.decided_by = decided;
        s.comment = comment;
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace

void TierRepository::add_fact(std::int64_t member_id, const Movement& movement, std::int64_t request_id) {
    db_.guarded("recording a qualifying movement", [&] {
        const TierFact& fact = movement.fact;
        const long long member = member_id, request = request_id, list_price = movement.list_price.fen();
        const long long amount = fact.kind == FactKind::Coins ? fact.amount.fen() / 100 : fact.amount.fen();
        const std::string day = format_date(fact.day), kind = fact_kind_code(fact.kind),
                          source = movement_source_code(movement.source);
        soci::indicator request_ind = request_id ? soci::i_ok : soci::i_null;
        soci::indicator price_ind = movement.source == MovementSource::Purchase ? soci::i_ok : soci::i_null;
        db_.sql() << "INSERT INTO tier_facts (member_id, day, kind, amount, source, list_price, request_id)"
                     " VALUES (:m, :d, :k, :a, :s, :p, :r)",
            soci::use(member), soci::use(day), soci::use(kind), soci::use(amount), soci::use(source),
            soci::use(list_price, price_ind), soci::use(request, request_ind);
    });
}

MemberHistory TierRepository::history_of(std::int64_t member_id) {
    return db_.guarded("reading qualifying movements", [&] {
        MemberHistory h;
        const long long member = member_id;
        std::string created;
        db_.sql() << "SELECT created_at, member_type FROM members WHERE id = :m", soci::use(member), soci::into(created),
            soci::into(h.member_type);
        if (!db_.sql().got_data()) return h;
        h.joined = joined_day(created);
        std::string day, kind;
        long long amount = 0;
        soci::statement st = (db_.sql().prepare << "SELECT day, kind, amount FROM tier_facts WHERE member_id = :m"
                                                   " ORDER BY day, id",
                              soci::use(member), soci::into(day), soci::into(kind), soci::into(amount));
        st.execute(false);
        while (st.fetch()) {
            const FactKind k = parse_fact_kind(kind);
            h.facts.push_back({fast_day(day), k, fact_amount(k, amount)});
        }
        return h;
    });
}

std::int64_t TierRepository::batch_end(std::int64_t after, int limit) {
    return db_.guarded("reading members", [&]() -> std::int64_t {
        long long from = after, upto = 0;
        soci::indicator ind = soci::i_null;
        db_.sql() << "SELECT MAX(id) FROM (SELECT id FROM members WHERE id > :a ORDER BY id LIMIT :n) batch",
            soci::use(from), soci::use(limit), soci::into(upto, ind);
        return ind == soci::i_ok ? upto : 0;
    });
}

void TierRepository::for_each_member(std::int64_t after, std::int64_t through, const Date& day_through,
                                     const std::function<void(const MemberFacts&)>& visit) {
    db_.guarded("reading qualifying movements", [&] {
        const long long from = after, upto = through;
        const std::string last_day = format_date(day_through);
        long long id = 0, amount = 0;
        std::string created, type, day, kind;
        soci::indicator day_ind = soci::i_null, kind_ind = soci::i_null, amount_ind = soci::i_null;
        soci::statement st =
            (db_.sql().prepare << "SELECT m.id, m.created_at, m.member_type, f.day, f.kind, f.amount FROM members m"
                                  " LEFT JOIN tier_facts f ON f.member_id = m.id AND f.day <= :t"
                                  " WHERE m.id > :a AND m.id <= :u ORDER BY m.id, f.day, f.id",
             soci::use(last_day), soci::use(from), soci::use(upto), soci::into(id), soci::into(created), soci::into(type),
             soci::into(day, day_ind), soci::into(kind, kind_ind), soci::into(amount, amount_ind));
        st.execute(false);
        MemberFacts current;
        while (st.fetch()) {
            if (id != current.member_id) {
                if (current.member_id) visit(current);
                current.member_id = id;
                current.history.joined = joined_day(created);
                current.history.member_type = type;
                current.history.facts.clear();
            }
            if (day_ind == soci::i_ok) {
                const FactKind k = parse_fact_kind(kind);
                current.history.facts.push_back({fast_day(day), k, fact_amount(k, amount)});
            }
        }
        if (current.member_id) visit(current);
    });
}

void TierRepository::for_each_member_to_replay(const Date& from, const Date& through,
                                              const std::function<void(const ReplayInput&)>& visit) {
    db_.guarded("reading movements to replay", [&] {
        const std::string last = format_date(through);
        long long id = 0, amount = 0, price = 0;
        std::string number, created, type, day, kind, source, since;
        soci::indicator day_ind = soci::i_null, kind_ind = soci::i_null, amount_ind = soci::i_null,
                        source_ind = soci::i_null, price_ind = soci::i_null, since_ind = soci::i_null;
        soci::statement st =
            (db_.sql().prepare << "SELECT m.id, m.number, m.created_at, m.member_type, a.coin_member_since, f.day, f.kind, f.amount,"
                                  " f.source, f.list_price FROM members m"
                                  " LEFT JOIN accounts a ON a.member_id = m.id AND a.is_open = 1"
                                  " LEFT JOIN tier_facts f ON f.member_id = m.id AND f.day <= :t"
                                  " ORDER BY m.id, f.day, f.id",
             soci::use(last), soci::into(id), soci::into(number), soci::into(created), soci::into(type),
             soci::into(since, since_ind),
             soci::into(day, day_ind), soci::into(kind, kind_ind), soci::into(amount, amount_ind),
             soci::into(source, source_ind), soci::into(price, price_ind));
        st.execute(false);
        ReplayInput current;
        while (st.fetch()) {
            if (id != current.member_id) {
                if (current.member_id) visit(current);
                current.member_id = id;
                current.number = number;
                current.before.joined = joined_day(created);
                current.before.member_type = type;
                current.before.facts.clear();
                current.period.clear();
                current.coin_member_since = optional_stored_date(since, since_ind, "coin_member_since");
            }
            if (day_ind != soci::i_ok) continue;
            const FactKind k = parse_fact_kind(kind);
            const TierFact fact{fast_day(day), k, fact_amount(k, amount)};
            if (fact.day < from) {
                current.before.facts.push_back(fact);
                continue;
            }
            current.period.push_back({fact, parse_movement_source(source),
                                      price_ind == soci::i_ok ? Money::from_fen(price) : Money()});
        }
        if (current.member_id) visit(current);
    });
}

std::optional<Date> TierRepository::first_movement_day() {
    return db_.guarded("reading movements", [&]() -> std::optional<Date> {
        std::string day;
        soci::indicator ind = soci::i_null;
        db_.sql() << "SELECT MIN(day) FROM tier_facts", soci::into(day, ind);
        return optional_stored_date(day, ind, "day");
    });
}

HeldTiers TierRepository::held(std::int64_t member_id) {
    return db_.guarded("reading member tiers", [&] {
        HeldTiers out;
        const long long member = member_id;
        std::string ladder, tier, since;
        soci::statement st = (db_.sql().prepare << "SELECT ladder, tier, since FROM member_tiers WHERE member_id = :m",
                              soci::use(member), soci::into(ladder), soci::into(tier), soci::into(since));
        st.execute(false);
        while (st.fetch()) out[ladder] = HeldTier{tier, fast_day(since)};
        return out;
    });
}

std::map<std::int64_t, HeldTiers> TierRepository::held_between(std::int64_t after, std::int64_t through) {
    return db_.guarded("reading member tiers", [&] {
        std::map<std::int64_t, HeldTiers> out;
        long long member = 0;
        const long long a = after, t = through;
        std::string ladder, tier, since;
        soci::statement st = (db_.sql().prepare << "SELECT member_id, ladder, tier, since FROM member_tiers"
                                                   " WHERE member_id > :a AND member_id <= :t",
                              soci::use(a), soci::use(t), soci::into(member), soci::into(ladder), soci::into(tier),
                              soci::into(since));
        st.execute(false);
        while (st.fetch()) out[member][ladder] = HeldTier{tier, fast_day(since)};
        return out;
    });
}

void TierRepository::set_held(std::int64_t member_id, const std::string& ladder, const std::string& tier,
                              const Date& since) {
    db_.guarded("saving a member tier", [&] {
        const long long member = member_id;
        db_.sql() << "DELETE FROM member_tiers WHERE member_id = :m AND ladder = :l", soci::use(member), soci::use(ladder);
        if (tier.empty()) return;
        const std::string day = format_date(since);
        db_.sql() << "INSERT INTO member_tiers (member_id, ladder, tier, since) VALUES (:m, :l, :t, :s)",
            soci::use(member), soci::use(ladder), soci::use(tier), soci::use(day);
    });
}

void TierRepository::forget(std::int64_t member_id) {
    db_.guarded("dropping member tiers", [&] {
        const long long member = member_id;
        db_.sql() << "DELETE FROM member_tiers WHERE member_id = :m", soci::use(member);
    });
}

void TierRepository::add_move(std::int64_t member_id, const TierMove& m) {
    db_.guarded("recording a tier change", [&] {
        const long long member = member_id, audit = m.audit_id;
        const std::string day = format_date(m.day), at = format_instant(m.at);
        soci::indicator from_ind = m.from_tier.empty() ? soci::i_null : soci::i_ok;
        soci::indicator to_ind = m.to_tier.empty() ? soci::i_null : soci::i_ok;
        soci::indicator audit_ind = m.audit_id ? soci::i_ok : soci::i_null;
        db_.sql() << "INSERT INTO tier_history (member_id, ladder, from_tier, to_tier, day, source, audit_id, actor, at)"
                     " VALUES (:m, :l, :f, :t, :d, :s, :a, :by, :at)",
            soci::use(member), soci::use(m.ladder), soci::use(m.from_tier, from_ind), soci::use(m.to_tier, to_ind),
            soci::use(day), soci::use(m.source), soci::use(audit, audit_ind), soci::use(m.actor), soci::use(at);
    });
}

std::vector<TierMove> TierRepository::moves(std::int64_t member_id, int limit) {
    return db_.guarded("reading tier history", [&] {
        std::vector<TierMove> out;
        const long long member = member_id;
        long long id = 0, audit = 0;
        std::string ladder, from, to, day, source, actor, at;
        soci::indicator from_ind, to_ind, audit_ind;
        soci::statement st =
            (db_.sql().prepare << "SELECT id, ladder, from_tier, to_tier, day, source, audit_id, actor, at"
                                  " FROM tier_history WHERE member_id = :m ORDER BY id DESC LIMIT :n",
             soci::use(member), soci::use(limit), soci::into(id), soci::into(ladder), soci::into(from, from_ind),
             soci::into(to, to_ind), soci::into(day), soci::into(source), soci::into(audit, audit_ind), soci::into(actor),
             soci::into(at));
        st.execute(false);
        while (st.fetch()) {
            TierMove m;
            m.id = id;
            m.ladder = ladder;
            m.from_tier = from_ind == soci::i_ok ? from : "";
            m.to_tier = to_ind == soci::i_ok ? to : "";
            m.day = fast_day(day);
            m.source = source;
            m.audit_id = audit_ind == soci::i_ok ? audit : 0;
            m.actor = actor;
            m.at = parse_instant(at);
            out.push_back(std::move(m));
        }
        return out;
    });
}

std::int64_t TierRepository::add_override(std::int64_t member_id, const TierOverride& o, const std::string& state,
                                          const Instant& at) {
    return db_.guarded("recording a tier override", [&] {
        const long long member = member_id;
        const std::string starts = format_date(o.starts), expires = format_date(o.expires), when = format_instant(at);
        db_.sql() << "INSERT INTO tier_overrides (member_id, ladder, tier, reason, starts, expires, state, requested_by,"
                     " requested_at) VALUES (:m, :l, :t, :r, :s, :e, :st, :by, :at)",
            soci::use(member), soci::use(o.ladder), soci::use(o.tier), soci::use(o.reason), soci::use(starts),
            soci::use(expires), soci::use(state), soci::use(o.by), soci::use(when);
        long long id = 0;
        db_.sql() << "SELECT MAX(id) FROM tier_overrides WHERE member_id = :m", soci::use(member), soci::into(id);
        return static_cast<std::int64_t>(id);
    });
}

std::optional<StoredOverride> TierRepository::override_by_id(std::int64_t id) {
    return db_.guarded("reading a tier override", [&]() -> std::optional<StoredOverride> {
        auto found = read_overrides(db_, "WHERE o.id = :v", id, true);
        if (found.empty()) return std::nullopt;
        return found.front();
    });
}

std::vector<StoredOverride> TierRepository::overrides(std::optional<std::int64_t> member_id, bool pending_only) {
    return db_.guarded("reading tier overrides", [&] {
        std::string where = member_id ? "WHERE o.member_id = :v" : "WHERE 1 = 1";
        if (pending_only) where += " AND o.state = 'pending'";
        return read_overrides(db_, where + " ORDER BY o.id DESC", member_id.value_or(0), member_id.has_value());
    });
}

std::map<std::string, TierOverride> TierRepository::overrides_in_force(std::int64_t member_id, const Date& day) {
    std::map<std::string, TierOverride> out;
    for (const StoredOverride& s : overrides(member_id, false))
        if (s.state == "active" && s.override.in_force_on(day) && !out.count(s.override.ladder))
            out[s.override.ladder] = s.override;  // newest first: the latest override wins
    return out;
}

std::map<std::int64_t, std::map<std::string, TierOverride>> TierRepository::overrides_in_force_between(
    std::int64_t after, std::int64_t through, const Date& day) {
    return db_.guarded("reading tier overrides", [&] {
        std::map<std::int64_t, std::map<std::string, TierOverride>> out;
        const long long a = after, t = through;
        const std::string d = format_date(day);
        long long id = 0, member = 0;
        std::string ladder, tier, reason, starts, expires, by;
        soci::statement st =
            (db_.sql().prepare << "SELECT id, member_id, ladder, tier, reason, starts, expires, requested_by"
                                  " FROM tier_overrides WHERE state = 'active' AND member_id > :a AND member_id <= :t"
                                  " AND starts <= :d AND expires >= :d2 ORDER BY id DESC",
             soci::use(a), soci::use(t), soci::use(d), soci::use(d), soci::into(id), soci::into(member), soci::into(ladder),
             soci::into(tier), soci::into(reason), soci::into(starts), soci::into(expires), soci::into(by));
        st.execute(false);
        while (st.fetch())
            if (!out[member].count(ladder))
                out[member][ladder] =
                    TierOverride{id, ladder, tier, reason, fast_day(starts), fast_day(expires), by};
        return out;
    });
}

void TierRepository::decide_override(std::int64_t id, const std::string& state, const std::string& by,
                                     const Instant& at, const std::string& comment) {
    db_.guarded("deciding a tier override", [&] {
        const long long i = id;
        const std::string when = format_instant(at);
        db_.sql() << "UPDATE tier_overrides SET state = :s, decided_by = :by, decided_at = :at, comment = :c WHERE id = :id",
            soci::use(state), soci::use(by), soci::use(when), soci::use(comment), soci::use(i);
    });
}

namespace {
TierRun read_run(long long id, const std::string& as_of, const std::string& purpose, const std::string& state,
                 long long after, long long members, long long up, long long down, long long same, long long audit,
                 soci::indicator audit_ind, const std::string& by, const std::string& at, const std::string& finished,
                 soci::indicator finished_ind) {
    TierRun r;
    r.id = id;
    r.as_of = fast_day(as_of);
    r.purpose = purpose;
    r.state = state;
    r.after_member = after;
    r.members = members;
    r.up = up;
    r.down = down;
    r.same = same;
    r.audit_id = audit_ind == soci::i_ok ? audit : 0;
    r.started_by = by;
    r.started_at = parse_instant(at);
    if (finished_ind == soci::i_ok) r.finished_at = parse_instant(finished);
    return r;
}
}  // namespace

std::int64_t TierRepository::add_run(const TierRun& run) {
    return db_.guarded("starting a tier recompute", [&] {
        const std::string as_of = format_date(run.as_of), at = format_instant(run.started_at);
        db_.sql() << "INSERT INTO tier_runs (as_of, purpose, state, started_by, started_at) VALUES (:d, :p, 'running', :by, :at)",
            soci::use(as_of), soci::use(run.purpose), soci::use(run.started_by), soci::use(at);
        long long id = 0;
        db_.sql() << "SELECT MAX(id) FROM tier_runs", soci::into(id);
        return static_cast<std::int64_t>(id);
    });
}

namespace {
// Runs matching `where` (bound to `value`), newest first.
std::vector<TierRun> select_runs(Database& db, const std::string& where, long long value, int limit) {
    std::vector<TierRun> out;
    long long id = 0, after = 0, members = 0, up = 0, down = 0, same = 0, audit = 0;
    std::string as_of, purpose, state, by, at, finished;
    soci::indicator audit_ind, finished_ind;
    soci::statement st =
        (db.sql().prepare << "SELECT id, as_of, purpose, state, after_member, members, up, down, same, audit_id,"
                             " started_by, started_at, finished_at FROM tier_runs " + where +
                                 " ORDER BY id DESC LIMIT :n",
         soci::use(value), soci::use(limit), soci::into(id), soci::into(as_of), soci::into(purpose), soci::into(state),
         soci::into(after), soci::into(members), soci::into(up), soci::into(down), soci::into(same),
         soci::into(audit, audit_ind), soci::into(by), soci::into(at), soci::into(finished, finished_ind));
    st.execute(false);
    while (st.fetch())
        out.push_back(read_run(id, as_of, purpose, state, after, members, up, down, same, audit, audit_ind, by, at,
                               finished, finished_ind));
    return out;
}
}  // namespace

std::vector<TierRun> TierRepository::runs(int limit) {
    return db_.guarded("reading tier recompute runs", [&] { return select_runs(db_, "WHERE id > :v", 0, limit); });
}

// One run by its number, read by key (not by scanning the list).
std::optional<TierRun> TierRepository::run(std::int64_t wanted) {
    return db_.guarded("reading a tier recompute run", [&]() -> std::optional<TierRun> {
        auto found = select_runs(db_, "WHERE id = :v", wanted, 1);
        if (found.empty()) return std::nullopt;
        return found.front();
    });
}

void TierRepository::save_run(const TierRun& r) {
    db_.guarded("saving a tier recompute checkpoint", [&] {
        const long long id = r.id, after = r.after_member, members = r.members, up = r.up, down = r.down,
                        same = r.same, audit = r.audit_id;
        std::string finished = r.finished_at ? format_instant(*r.finished_at) : "";
        soci::indicator finished_ind = r.finished_at ? soci::i_ok : soci::i_null;
        soci::indicator audit_ind = r.audit_id ? soci::i_ok : soci::i_null;
        db_.sql() << "UPDATE tier_runs SET state = :s, after_member = :a, members = :m, up = :u, down = :d, same = :x,"
                     " audit_id = :au, finished_at = :f WHERE id = :id",
            soci::use(r.state), soci::use(after), soci::use(members), soci::use(up), soci::use(down), soci::use(same),
            soci::use(audit, audit_ind), soci::use(finished, finished_ind), soci::use(id);
    });
}

void TierRepository::add_run_change(std::int64_t run_id, const RunChange& c) {
    db_.guarded("logging a tier change", [&] {
        const long long run = run_id, member = c.member_id;
        soci::indicator from_ind = c.from_tier.empty() ? soci::i_null : soci::i_ok;
        soci::indicator to_ind = c.to_tier.empty() ? soci::i_null : soci::i_ok;
        db_.sql() << "INSERT INTO tier_run_changes (run_id, member_id, ladder, from_tier, to_tier) VALUES (:r, :m, :l, :f, :t)",
            soci::use(run), soci::use(member), soci::use(c.ladder), soci::use(c.from_tier, from_ind),
            soci::use(c.to_tier, to_ind);
    });
}

std::vector<RunChange> TierRepository::run_changes(std::int64_t run_id) {
    return db_.guarded("reading a tier recompute log", [&] {
        std::vector<RunChange> out;
        const long long run = run_id;
        long long member = 0;
        std::string number, ladder, from, to;
        soci::indicator from_ind, to_ind;
        soci::statement st =
            (db_.sql().prepare << "SELECT c.member_id, m.number, c.ladder, c.from_tier, c.to_tier FROM tier_run_changes c"
                                  " JOIN members m ON m.id = c.member_id WHERE c.run_id = :r ORDER BY c.member_id, c.ladder",
             soci::use(run), soci::into(member), soci::into(number), soci::into(ladder), soci::into(from, from_ind),
             soci::into(to, to_ind));
        st.execute(false);
        while (st.fetch())
            out.push_back({member, number, ladder, from_ind == soci::i_ok ? from : "", to_ind == soci::i_ok ? to : ""});
        return out;
    });
}

}  // namespace md

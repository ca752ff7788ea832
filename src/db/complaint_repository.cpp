#include "db/complaint_repository.h"

#include <cstdio>

namespace md {
namespace {

// "C2026-000042": the business year the ticket was opened in and its row id.
std::string complaint_number(std::int64_t id, const Instant& opened_utc) {
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "C%04d-%06lld", static_cast<int>(to_business_time(opened_utc).date().year()),
                  static_cast<long long>(id));
    return buffer;
}

// The row id in a ticket number, or none when the text is not one.
std::optional<long long> id_of(const std::string& number) {
    int year = 0;
    long long id = 0;
    char tail = 0;
    if (std::sscanf(number.c_str(), "C%4d-%lld%c", &year, &id, &tail) != 2 || id <= 0) return std::nullopt;
    return id;
}

const char* kColumns =
    "SELECT c.id, c.member_id, c.channel, c.category, c.severity, c.premium, c.subject, c.description,"
    " c.owner, c.status, c.opened_at, c.responded_at, c.resolved_at, c.closed_at, c.satisfaction, c.root_cause,"
    " c.resolution_note, c.linked_to, c.version, m.number, m.name, l.opened_at"
    " FROM complaints c JOIN members m ON m.id = c.member_id"
    " LEFT JOIN complaints l ON l.id = c.linked_to";  // the repeated ticket's year, for its number

// The columns of one ticket as SOCI fills them, then turned into a ComplaintRow.
struct Fetched {
    long long id = 0, member_id = 0, linked_to = 0;
    int premium = 0, satisfaction = 0, version = 0;
    std::string channel, category, severity, subject, description, owner, status, opened_at, responded_at,
        resolved_at, closed_at, root_cause, resolution_note, member_number, member_name, linked_opened_at;
    soci::indicator responded_ind = soci::i_null, resolved_ind = soci::i_null, closed_ind = soci::i_null,
                    satisfaction_ind = soci::i_null, linked_ind = soci::i_null, linked_opened_ind = soci::i_null;

    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(member_id));
        st.exchange(soci::into(channel));
        st.exchange(soci::into(category));
        st.exchange(soci::into(severity));
        st.exchange(soci::into(premium));
        st.exchange(soci::into(subject));
        st.exchange(soci::into(description));
        st.exchange(soci::into(owner));
        st.exchange(soci::into(status));
        st.exchange(soci::into(opened_at));
        st.exchange(soci::into(responded_at, responded_ind));
        st.exchange(soci::into(resolved_at, resolved_ind));
        st.exchange(soci::into(closed_at, closed_ind));
        st.exchange(soci::into(satisfaction, satisfaction_ind));
        st.exchange(soci::into(root_cause));
        st.exchange(soci::into(resolution_note));
        st.exchange(soci::into(linked_to, linked_ind));
        st.exchange(soci::into(version));
        st.exchange(soci::into(member_number));
        st.exchange(soci::into(member_name));
        st.exchange(soci::into(linked_opened_at, linked_opened_ind));
    }

    ComplaintRow row() const {
        auto instant = [](const std::string& text, soci::indicator ind) -> std::optional<Instant> {
            if (ind != soci::i_ok || text.empty()) return std::nullopt;
            return parse_instant(text);
        };
        ComplaintRow r;
        Complaint& t = r.ticket;
        t.id = id;
        t.opened_at = parse_instant(opened_at);
        t.number = complaint_number(t.id, t.opened_at);
        t.member_id = member_id;
        t.channel = parse_complaint_channel(channel, "channel");
        t.category = parse_complaint_category(category, "category");
        t.severity = parse_complaint_severity(severity, "severity");
        t.premium = premium != 0;
        t.subject = subject;
        t.description = description;
        t.owner = owner;
        t.status = parse_complaint_status(status, "status");
        t.closed_at = instant(closed_at, closed_ind);
        if (satisfaction_ind == soci::i_ok) t.satisfaction = satisfaction;
        t.root_cause = root_cause;
        t.resolution_note = resolution_note;
        if (linked_ind == soci::i_ok) t.linked_to = linked_to;
        if (linked_ind == soci::i_ok && linked_opened_ind == soci::i_ok)
            r.linked_number = complaint_number(linked_to, parse_instant(linked_opened_at));
        r.responded_at = instant(responded_at, responded_ind);
        r.resolved_at = instant(resolved_at, resolved_ind);
        r.version = version;
        r.member_number = member_number;
        r.member_name = member_name;
        return r;
    }
};

std::vector<ComplaintRow> select_rows(Database& db, const std::string& sql, const std::vector<std::string>& params) {
    std::vector<ComplaintRow> out;
    Fetched f;
    soci::statement st(db.sql());
    f.bind(st);
    for (const std::string& p : params) st.exchange(soci::use(p));
    st.alloc();
    st.prepare(sql);
    st.define_and_bind();
    st.execute(false);
    while (st.fetch()) out.push_back(f.row());
    return out;
}

struct CompensationFetched {
    long long id = 0, complaint_id = 0, coins = 0, amount = 0, txn = 0;
    std::string kind, benefit, reason, state, granted_by, granted_at, decided_by, decided_at, comment;
    soci::indicator decided_ind = soci::i_null, txn_ind = soci::i_null;
    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(complaint_id));
        st.exchange(soci::into(kind));
        st.exchange(soci::into(coins));
        st.exchange(soci::into(amount));
        st.exchange(soci::into(benefit));
        st.exchange(soci::into(reason));
        st.exchange(soci::into(state));
        st.exchange(soci::into(granted_by));
        st.exchange(soci::into(granted_at));
        st.exchange(soci::into(decided_by));
        st.exchange(soci::into(decided_at, decided_ind));
        st.exchange(soci::into(comment));
        st.exchange(soci::into(txn, txn_ind));
    }
    CompensationRow row() const {
        CompensationRow c;
        c.id = id;
        c.complaint_id = complaint_id;
        c.kind = kind;
        c.coins = coins;
        c.amount = Money::from_fen(amount);
        c.benefit = benefit;
        c.reason = reason;
        c.state = state;
        c.granted_by = granted_by;
        c.granted_at = parse_instant(granted_at);
        c.decided_by = decided_by;
        if (decided_ind == soci::i_ok && !decided_at.empty()) c.decided_at = parse_instant(decided_at);
        c.comment = comment;
        if (txn_ind == soci::i_ok) c.txn_id = txn;
        return c;
    }
};

const char* kCompensationColumns =
    "SELECT id, complaint_id, kind, coins, amount, benefit, reason, state, granted_by, granted_at, decided_by,"
    " decided_at, comment, txn_id FROM complaint_compensations";

// `where` has at most one parameter, given as `param`.
std::vector<CompensationRow> select_compensations(Database& db, const std::string& where, std::optional<long long> param) {
    std::vector<CompensationRow> out;
    CompensationFetched f;
    soci::statement st(db.sql());
    f.bind(st);
    if (param) st.exchange(soci::use(*param));
    st.alloc();
    st.prepare(std::string(kCompensationColumns) + where + " ORDER BY id");
    st.define_and_bind();
    st.execute(false);
    while (st.fetch()) out.push_back(f.row());
    return out;
}

std::optional<std::string> optional_text(const std::optional<Instant>& at) {
    return at ? std::optional(format_instant(*at)) : std::nullopt;
}

}  // namespace

ComplaintRow ComplaintRepository::add(const Complaint& t, const std::string& actor, const Instant& at) {
    const long long id = db_.guarded("opening the complaint", [&] {
        const std::string opened = format_instant(t.opened_at), when = format_instant(at);
        const std::string channel = complaint_channel_code(t.channel), category = complaint_category_code(t.category),
                          severity = complaint_severity_code(t.severity), status = complaint_status_code(t.status);
        const long long member = t.member_id;
        const int premium = t.premium ? 1 : 0;
        long long linked = t.linked_to.value_or(0);
        soci::indicator linked_ind = t.linked_to ? soci::i_ok : soci::i_null;
        long long inserted = 0;
        db_.sql() << "INSERT INTO complaints (member_id, channel, category, severity, premium, subject, description,"
                     " owner, status, opened_at, linked_to, updated_at, updated_by)"
                     " VALUES (:m, :ch, :ca, :se, :pr, :su, :de, :ow, :st, :op, :li, :up, :by) RETURNING id",
            soci::use(member), soci::use(channel), soci::use(category), soci::use(severity), soci::use(premium),
            soci::use(t.subject), soci::use(t.description), soci::use(t.owner), soci::use(status), soci::use(opened),
            soci::use(linked, linked_ind), soci::use(when), soci::use(actor), soci::into(inserted);
        return inserted;
    });
    return *by_id(id);
}

std::optional<ComplaintRow> ComplaintRepository::by_number(const std::string& number) {
    return db_.guarded("reading the complaint", [&]() -> std::optional<ComplaintRow> {
        const auto id = id_of(number);
        if (!id) return std::nullopt;
        auto rows = select_rows(db_, std::string(kColumns) + " WHERE c.id = :id", {std::to_string(*id)});
        // The year is part of the number: C2025-000042 is not ticket 42 of 2026.
        if (rows.empty() || rows.front().ticket.number != number) return std::nullopt;
        return rows.front();
    });
}

std::optional<ComplaintRow> ComplaintRepository::by_id(std::int64_t id) {
    return db_.guarded("reading the complaint", [&]() -> std::optional<ComplaintRow> {
        auto rows = select_rows(db_, std::string(kColumns) + " WHERE c.id = :id", {std::to_string(id)});
        if (rows.empty()) return std::nullopt;
        return rows.front();
    });
}

bool ComplaintRepository::save(const ComplaintRow& r, const std::string& actor, const Instant& at) {
    return db_.guarded("saving the complaint", [&] {
        const Complaint& t = r.ticket;
        const std::string severity = complaint_severity_code(t.severity), status = complaint_status_code(t.status),
                          when = format_instant(at);
        std::string responded = optional_text(r.responded_at).value_or(""), resolved = optional_text(r.resolved_at).value_or(""),
                    closed = optional_text(t.closed_at).value_or("");
        soci::indicator responded_ind = r.responded_at ? soci::i_ok : soci::i_null,
                        resolved_ind = r.resolved_at ? soci::i_ok : soci::i_null,
                        closed_ind = t.closed_at ? soci::i_ok : soci::i_null;
        int satisfaction = t.satisfaction.value_or(0);
        soci::indicator satisfaction_ind = t.satisfaction ? soci::i_ok : soci::i_null;
        long long linked = t.linked_to.value_or(0);
        soci::indicator linked_ind = t.linked_to ? soci::i_ok : soci::i_null;
        const long long id = t.id;
        const int version = r.version;
        soci::statement st =
            (db_.sql().prepare << "UPDATE complaints SET severity = :se, subject = :su, description = :de, owner = :ow,"
                                  " status = :st, responded_at = :re, resolved_at = :rs, closed_at = :cl,"
                                  " satisfaction = :sa, root_cause = :rc, resolution_note = :rn, linked_to = :li,"
                                  " version = version + 1, updated_at = :up, updated_by = :by"
                                  " WHERE id = :id AND version = :v",
             soci::use(severity), soci::use(t.subject), soci::use(t.description), soci::use(t.owner), soci::use(status),
             soci::use(responded, responded_ind), soci::use(resolved, resolved_ind), soci::use(closed, closed_ind),
             soci::use(satisfaction, satisfaction_ind), soci::use(t.root_cause), soci::use(t.resolution_note),
             soci::use(linked, linked_ind), soci::use(when), soci::use(actor), soci::use(id), soci::use(version));
        st.execute(true);
        return st.get_affected_rows() == 1;
    });
}

std::vector<ComplaintRow> ComplaintRepository::list(const ComplaintFilter& f) {
    return db_.guarded("listing complaints", [&] {
        std::string where;
        std::vector<std::string> params;
        auto and_ = [&](const std::string& clause) { where += (where.empty() ? " WHERE " : " AND ") + clause; };
        if (f.open_only) and_("c.status <> 'closed'");
        if (f.owner) {
            and_("c.owner = :o");
            params.push_back(*f.owner);
        }
        if (f.member_id) {
            and_("c.member_id = :m");
            params.push_back(std::to_string(*f.member_id));
        }
        if (f.opened_since) {
            and_("c.opened_at >= :since");
            params.push_back(format_instant(*f.opened_since));
        }
        if (f.opened_before) {
            and_("c.opened_at < :before");
            params.push_back(format_instant(*f.opened_before));
        }
        const std::string limit = f.limit > 0 ? " LIMIT " + std::to_string(f.limit) : "";
        return select_rows(db_, std::string(kColumns) + where + " ORDER BY c.opened_at, c.id" + limit, params);
    });
}

std::vector<ComplaintRow> ComplaintRepository::recent(std::int64_t member_id, ComplaintCategory category, const Instant& since) {
    return db_.guarded("looking for earlier complaints", [&] {
        return select_rows(db_,
                           std::string(kColumns) +
                               " WHERE c.member_id = :m AND c.category = :c AND c.opened_at >= :s ORDER BY c.opened_at DESC",
                           {std::to_string(member_id), complaint_category_code(category), format_instant(since)});
    });
}

void ComplaintRepository::add_event(std::int64_t complaint_id, const ComplaintEvent& e) {
    db_.guarded("writing the complaint's timeline", [&] {
        const long long id = complaint_id;
        const std::string at = format_instant(e.at);
        std::string from = e.from ? complaint_status_code(*e.from) : "", to = e.to ? complaint_status_code(*e.to) : "";
        soci::indicator from_ind = e.from ? soci::i_ok : soci::i_null, to_ind = e.to ? soci::i_ok : soci::i_null;
        db_.sql() << "INSERT INTO complaint_events (complaint_id, at, actor, kind, from_status, to_status, text)"
                     " VALUES (:c, :at, :a, :k, :f, :t, :x)",
            soci::use(id), soci::use(at), soci::use(e.actor), soci::use(e.kind), soci::use(from, from_ind),
            soci::use(to, to_ind), soci::use(e.text);
    });
}

std::vector<ComplaintEvent> ComplaintRepository::events(std::int64_t complaint_id) {
    return std::move(events_of({complaint_id})[complaint_id]);
}

std::map<std::int64_t, std::vector<ComplaintEvent>> ComplaintRepository::events_of(const std::vector<std::int64_t>& ids) {
    std::map<std::int64_t, std::vector<ComplaintEvent>> out;
    if (ids.empty()) return out;
    // The ids are numbers from our own rows, written into the statement: one read for a whole queue.
    std::string list;
    for (std::int64_t id : ids) list += (list.empty() ? "" : ",") + std::to_string(id);
    return db_.guarded("reading the complaints' timelines", [&] {
        long long id = 0;
        std::string at, actor, kind, from, to, text;
        soci::indicator from_ind = soci::i_null, to_ind = soci::i_null;
        soci::statement st = (db_.sql().prepare << "SELECT complaint_id, at, actor, kind, from_status, to_status, text"
                                                   " FROM complaint_events WHERE complaint_id IN (" + list + ") ORDER BY id",
                              soci::into(id), soci::into(at), soci::into(actor), soci::into(kind), soci::into(from, from_ind),
                              soci::into(to, to_ind), soci::into(text));
        st.execute(false);
        while (st.fetch()) {
            ComplaintEvent e;
            e.at = parse_instant(at);
            e.actor = actor;
            e.kind = kind;
            if (from_ind == soci::i_ok && !from.empty()) e.from = parse_complaint_status(from, "from_status");
            if (to_ind == soci::i_ok && !to.empty()) e.to = parse_complaint_status(to, "to_status");
            e.text = text;
            out[id].push_back(std::move(e));
        }
        return out;
    });
}

std::int64_t ComplaintRepository::add_compensation(const CompensationRow& c) {
    return db_.guarded("recording the compensation", [&] {
        const long long complaint = c.complaint_id, coins = c.coins, amount = c.amount.fen();
        const std::string at = format_instant(c.granted_at);
        long long txn = c.txn_id.value_or(0);
        soci::indicator txn_ind = c.txn_id ? soci::i_ok : soci::i_null;
        long long id = 0;
        db_.sql() << "INSERT INTO complaint_compensations (complaint_id, kind, coins, amount, benefit, reason, state,"
                     " granted_by, granted_at, txn_id) VALUES (:c, :k, :co, :a, :b, :r, :s, :g, :at, :t) RETURNING id",
            soci::use(complaint), soci::use(c.kind), soci::use(coins), soci::use(amount), soci::use(c.benefit),
            soci::use(c.reason), soci::use(c.state), soci::use(c.granted_by), soci::use(at), soci::use(txn, txn_ind),
            soci::into(id);
        return static_cast<std::int64_t>(id);
    });
}

std::optional<CompensationRow> ComplaintRepository::compensation(std::int64_t id) {
    return db_.guarded("reading the compensation", [&]() -> std::optional<CompensationRow> {
        auto rows = select_compensations(db_, " WHERE id = :id", static_cast<long long>(id));
        if (rows.empty()) return std::nullopt;
        return rows.front();
    });
}

std::vector<CompensationRow> ComplaintRepository::compensations(std::int64_t complaint_id) {
    return db_.guarded("reading the compensation", [&] { return select_compensations(db_, " WHERE complaint_id = :c", static_cast<long long>(complaint_id)); });
}

std::vector<CompensationRow> ComplaintRepository::pending_compensations() {
    return db_.guarded("reading the compensation waiting for approval",
                       [&] { return select_compensations(db_, " WHERE state = 'pending'", std::nullopt); });
}

void ComplaintRepository::decide_compensation(const CompensationRow& c) {
    db_.guarded("deciding the compensation", [&] {
        const long long id = c.id;
        std::string at = c.decided_at ? format_instant(*c.decided_at) : "";
        soci::indicator at_ind = c.decided_at ? soci::i_ok : soci::i_null;
        long long txn = c.txn_id.value_or(0);
        soci::indicator txn_ind = c.txn_id ? soci::i_ok : soci::i_null;
        db_.sql() << "UPDATE complaint_compensations SET state = :s, decided_by = :d, decided_at = :at, comment = :c,"
                     " txn_id = :t WHERE id = :id",
            soci::use(c.state), soci::use(c.decided_by), soci::use(at, at_ind), soci::use(c.comment), soci::use(txn, txn_ind),
            soci::use(id);
    });
}

std::pair<std::int64_t, Money> ComplaintRepository::granted_on_ticket(std::int64_t complaint_id) {
    return db_.guarded("adding up the ticket's compensation", [&] {
        long long coins = 0, amount = 0;
        soci::indicator ci = soci::i_null, ai = soci::i_null;
        const long long id = complaint_id;
        db_.sql() << "SELECT SUM(coins), SUM(amount) FROM complaint_compensations WHERE complaint_id = :c AND state <> 'rejected'",
            soci::use(id), soci::into(coins, ci), soci::into(amount, ai);
        return std::pair<std::int64_t, Money>(ci == soci::i_ok ? coins : 0, Money::from_fen(ai == soci::i_ok ? amount : 0));
    });
}

std::pair<std::int64_t, Money> ComplaintRepository::granted_by_since(const std::string& user, const Instant& since) {
    return db_.guarded("adding up the compensation granted this month", [&] {
        long long coins = 0, amount = 0;
        soci::indicator ci = soci::i_null, ai = soci::i_null;
        const std::string from = format_instant(since);
        db_.sql() << "SELECT SUM(coins), SUM(amount) FROM complaint_compensations"
                     " WHERE granted_by = :u AND granted_at >= :s AND state <> 'rejected'",
            soci::use(user), soci::use(from), soci::into(coins, ci), soci::into(amount, ai);
        return std::pair<std::int64_t, Money>(ci == soci::i_ok ? coins : 0, Money::from_fen(ai == soci::i_ok ? amount : 0));
    });
}

std::vector<CompensationTotal> ComplaintRepository::granted_between(const Instant& since, const Instant& before) {
    return db_.guarded("adding up the compensation of a period", [&] {
        std::vector<CompensationTotal> out;
        const std::string s = format_instant(since), b = format_instant(before);
        std::string state;
        long long grants = 0, coins = 0, amount = 0;
        soci::statement st = (db_.sql().prepare << "SELECT state, COUNT(*), SUM(coins), SUM(amount) FROM complaint_compensations"
                                                   " WHERE granted_at >= :s AND granted_at < :b GROUP BY state ORDER BY state",
                              soci::into(state), soci::into(grants), soci::into(coins), soci::into(amount), soci::use(s), soci::use(b));
        st.execute(false);
        while (st.fetch()) out.push_back({state, grants, coins, Money::from_fen(amount)});
        return out;
    });
}

}  // namespace md

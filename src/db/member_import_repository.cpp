#include "db/member_import_repository.h"

#include "models/errors.h"

#include <soci/postgresql/soci-postgresql.h>

namespace md {
namespace {

std::string join_tags(const std::vector<std::string>& tags) {
    // As MemberRepository stores them: ",vip,mother," so one tag is matched with LIKE '%,vip,%'.
    if (tags.empty()) return "";
    std::string out = ",";
    for (const std::string& t : tags) out += t + ",";
    return out;
}

// A value in COPY's text format: backslash, tab and line breaks escaped; "\\N" is NULL.
void copy_field(std::string& out, const std::string& value, bool null = false) {
    if (null) {
        out += "\\N";
        return;
    }
    for (char c : value) {
        switch (c) {
            case '\\': out += "\\\\"; break;
            case '\t': out += "\\t"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            default: out += c;
        }
    }
}

// PostgreSQL: one COPY per batch instead of one INSERT round trip per row (which made a
// million-row import take minutes). It runs on the session's own connection, inside the
// import's transaction.
void copy_members(soci::session& sql, const std::vector<Member>& batch) {
    auto* backend = static_cast<soci::postgresql_session_backend*>(sql.get_backend());
    PGconn* conn = backend->conn_;
    PGresult* start = PQexec(conn, "COPY members (number, name, name_pinyin, name_initials, mobile, mobile_tail, email,"
                                   " birthday, gender, member_type, company, channel, home_store, tags, consent_sms,"
                                   " consent_email, notes, state, created_at, updated_at, updated_by, version)"
                                   " FROM STDIN");
    const bool ready = PQresultStatus(start) == PGRES_COPY_IN;
    PQclear(start);
    if (!ready) throw StorageError(std::string("importing members: ") + PQerrorMessage(conn));
    std::string data;
    for (const Member& m : batch) {
        auto field = [&](const std::string& v, bool null = false) {
            copy_field(data, v, null);
            data += '\t';
        };
        field(m.number);
        field(m.name);
        field(m.name_pinyin);
        field(m.name_initials);
        field(m.mobile, m.mobile.empty());
        field(m.mobile.size() >= 4 ? m.mobile.substr(m.mobile.size() - 4) : "", m.mobile.empty());
        field(m.email, m.email.empty());
        field(m.birthday ? format_date(*m.birthday) : "", !m.birthday);
        field(gender_code(m.gender));
        field(member_type_code(m.type));
        field(m.company);
        field(channel_code(m.channel));
        field(m.home_store);
        field(join_tags(m.tags));
        field(m.consent_sms ? "1" : "0");
        field(m.consent_email ? "1" : "0");
        field(m.notes);
        field(lifecycle_code(m.state));
        field(format_instant(m.created_at));
        field(format_instant(m.updated_at));
        field(m.updated_by);
        data += "1\n";
    }
    const bool sent = PQputCopyData(conn, data.data(), static_cast<int>(data.size())) == 1 && PQputCopyEnd(conn, nullptr) == 1;
    PGresult* done = PQgetResult(conn);
    const bool ok = sent && PQresultStatus(done) == PGRES_COMMAND_OK;
    std::string error = ok ? "" : PQerrorMessage(conn);
    PQclear(done);
    while (PGresult* rest = PQgetResult(conn)) PQclear(rest);
    if (!ok) throw StorageError("importing members: " + error);
}

}  // namespace

std::unordered_map<std::string, std::string> MemberImportRepository::mobiles() {
    return db_.guarded("reading member mobiles", [&] {
        std::unordered_map<std::string, std::string> out;
        std::string mobile, number;
        soci::statement st = (db_.sql().prepare << "SELECT mobile, number FROM members WHERE mobile IS NOT NULL",
                              soci::into(mobile), soci::into(number));
        st.execute(false);
        while (st.fetch()) out.emplace(mobile, number);
        return out;
    });
}

std::unordered_map<std::string, std::string> MemberImportRepository::emails() {
    return db_.guarded("reading member e-mails", [&] {
        std::unordered_map<std::string, std::string> out;
        std::string email, number;
        soci::statement st = (db_.sql().prepare << "SELECT email, number FROM members WHERE email IS NOT NULL",
                              soci::into(email), soci::into(number));
        st.execute(false);
        while (st.fetch()) out.emplace(email, number);
        return out;
    });
}

std::unordered_set<std::string> MemberImportRepository::numbers() {
    return db_.guarded("reading member numbers", [&] {
        std::unordered_set<std::string> out;
        std::string number;
        soci::statement st = (db_.sql().prepare << "SELECT number FROM members", soci::into(number));
        st.execute(false);
        while (st.fetch()) out.insert(number);
        return out;
    });
}

std::int64_t MemberImportRepository::max_id() {
    return db_.guarded("reading member ids", [&] {
        long long id = 0;
        soci::indicator ind = soci::i_null;
        db_.sql() << "SELECT MAX(id) FROM members", soci::into(id, ind);
        return static_cast<std::int64_t>(ind == soci::i_ok ? id : 0);
    });
}

void MemberImportRepository::insert(const std::vector<Member>& batch) {
    if (batch.empty()) return;
    if (db_.backend() == Backend::Postgres) return copy_members(db_.sql(), batch);
    db_.guarded("importing members", [&] {
        const std::size_t n = batch.size();
        std::vector<std::string> number(n), name(n), pinyin(n), initials(n), mobile(n), tail(n), email(n), birthday(n),
            gender(n), type(n), company(n), channel(n), store(n), tags(n), notes(n), state(n), created(n), updated(n),
            by(n);
        std::vector<int> sms(n), mail(n);
        std::vector<soci::indicator> mobile_ind(n), email_ind(n), birthday_ind(n);
        for (std::size_t i = 0; i < n; ++i) {
            const Member& m = batch[i];
            number[i] = m.number;
            name[i] = m.name;
            pinyin[i] = m.name_pinyin;
            initials[i] = m.name_initials;
            mobile[i] = m.mobile;
            mobile_ind[i] = m.mobile.empty() ? soci::i_null : soci::i_ok;
            tail[i] = m.mobile.size() >= 4 ? m.mobile.substr(m.mobile.size() - 4) : "";
            email[i] = m.email;
            email_ind[i] = m.email.empty() ? soci::i_null : soci::i_ok;
            birthday[i] = m.birthday ? format_date(*m.birthday) : "";
            birthday_ind[i] = m.birthday ? soci::i_ok : soci::i_null;
            gender[i] = gender_code(m.gender);
            type[i] = member_type_code(m.type);
            company[i] = m.company;
            channel[i] = channel_code(m.channel);
            store[i] = m.home_store;
            tags[i] = join_tags(m.tags);
            sms[i] = m.consent_sms;
            mail[i] = m.consent_email;
            notes[i] = m.notes;
            state[i] = lifecycle_code(m.state);
            created[i] = format_instant(m.created_at);
            updated[i] = format_instant(m.updated_at);
            by[i] = m.updated_by;
        }
        // One prepared statement, executed with whole columns: the database parses it once per batch.
        db_.sql() << "INSERT INTO members (number, name, name_pinyin, name_initials, mobile, mobile_tail, email,"
                     " birthday, gender, member_type, company, channel, home_store, tags, consent_sms, consent_email,"
                     " notes, state, created_at, updated_at, updated_by, version)"
                     " VALUES (:number, :name, :pinyin, :initials, :mobile, :tail, :email, :birthday, :gender, :type,"
                     " :company, :channel, :store, :tags, :sms, :mail, :notes, :state, :created, :updated, :by, 1)",
            soci::use(number), soci::use(name), soci::use(pinyin), soci::use(initials), soci::use(mobile, mobile_ind),
            soci::use(tail, mobile_ind), soci::use(email, email_ind), soci::use(birthday, birthday_ind),
            soci::use(gender), soci::use(type), soci::use(company), soci::use(channel), soci::use(store),
            soci::use(tags), soci::use(sms), soci::use(mail), soci::use(notes), soci::use(state), soci::use(created),
            soci::use(updated), soci::use(by);
    });
}

void MemberImportRepository::add_registrations(std::int64_t after_id, const std::string& actor, const std::string& at,
                                               const std::string& reason) {
    db_.guarded("recording imported registrations", [&] {
        const long long after = after_id;
        // The rows this import inserted are the ones above the highest id before it, written
        // by this actor at this instant (the import holds the write lock on SQLite; on
        // PostgreSQL the actor and instant keep another session's new members out).
        db_.sql() << "INSERT INTO member_state_history (member_id, from_state, to_state, at, reason, actor)"
                     " SELECT id, NULL, state, created_at, :reason, :actor FROM members"
                     " WHERE id > :after AND updated_by = :by AND updated_at = :at",
            soci::use(reason), soci::use(actor), soci::use(after), soci::use(actor), soci::use(at);
    });
}

void MemberImportRepository::set_referrers(const std::vector<std::pair<std::string, std::string>>& pairs) {
    if (pairs.empty()) return;
    db_.guarded("linking referrers", [&] {
        std::vector<std::string> member, referrer;
        for (const auto& [m, r] : pairs) {
            member.push_back(m);
            referrer.push_back(r);
        }
        db_.sql() << "UPDATE members SET referrer_id = (SELECT r.id FROM members r WHERE r.number = :referrer)"
                     " WHERE number = :member",
            soci::use(referrer), soci::use(member);
    });
}

std::vector<std::string> MemberImportRepository::suspend_indexes_for(long long rows) {
    std::vector<std::string> creates;
    if (db_.backend() != Backend::Sqlite || rows < 10000) return creates;
    return db_.guarded("preparing a bulk import", [&] {
        long long existing = 0;
        db_.sql() << "SELECT COUNT(*) FROM members", soci::into(existing);
        if (rows <= existing) return creates;
        std::vector<std::string> names;
        std::string name, sql;
        // Indexes made by CREATE INDEX (sql is NULL for the UNIQUE constraint's own index).
        soci::statement st = (db_.sql().prepare << "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                                                   " AND tbl_name = 'members' AND sql IS NOT NULL ORDER BY name",
                              soci::into(name), soci::into(sql));
        st.execute(false);
        while (st.fetch()) {
            names.push_back(name);
            creates.push_back(sql);
        }
        for (const std::string& n : names) db_.sql() << "DROP INDEX " + n;
        return creates;
    });
}

void MemberImportRepository::rebuild_indexes(const std::vector<std::string>& creates) {
    db_.guarded("rebuilding member indexes", [&] {
        for (const std::string& sql : creates) db_.sql() << sql;
    });
}

std::optional<std::string> MemberImportRepository::mapping(const std::string& source) {
    return db_.guarded("reading an import mapping", [&]() -> std::optional<std::string> {
        std::string json;
        db_.sql() << "SELECT mapping FROM import_mappings WHERE source = :s", soci::use(source), soci::into(json);
        if (!db_.sql().got_data()) return std::nullopt;
        return json;
    });
}

void MemberImportRepository::save_mapping(const std::string& source, const std::string& json, const std::string& by,
                                          const Instant& at) {
    db_.guarded("saving an import mapping", [&] {
        const std::string when = format_instant(at);
        db_.sql() << "DELETE FROM import_mappings WHERE source = :s", soci::use(source);
        db_.sql() << "INSERT INTO import_mappings (source, mapping, updated_by, updated_at) VALUES (:s, :m, :b, :a)",
            soci::use(source), soci::use(json), soci::use(by), soci::use(when);
    });
}

}  // namespace md

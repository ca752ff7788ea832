#include "db/member_repository.h"

#include "models/errors.h"

#include <sstream>

namespace md {
namespace {

const char* kSelect =
    "SELECT m.id, m.number, m.name, m.name_pinyin, m.name_initials, m.mobile, m.email, m.birthday, m.gender,"
    " m.member_type, m.company, m.channel, m.home_store, r.number, m.tags, m.consent_sms, m.consent_email,"
    " m.notes, m.state, m.created_at, m.updated_at, m.updated_by, m.version"
    " FROM members m LEFT JOIN members r ON r.id = m.referrer_id";

// Tags are stored ",vip,mother," so one tag is matched with LIKE '%,vip,%'.
std::string join_tags(const std::vector<std::string>& tags) {
    if (tags.empty()) return "";
    std::string out = ",";
    for (const std::string& t : tags) out += t + ",";
    return out;
}

std::vector<std::string> split_tags(const std::string& stored) {
    std::vector<std::string> out;
    std::stringstream in(stored);
    std::string tag;
    while (std::getline(in, tag, ','))
        if (!tag.empty()) out.push_back(tag);
    return out;
}

// The largest UTF-8 character: every string starting with the prefix sorts below prefix + this.
const std::string kAfterAll = "\xF4\x8F\xBF\xBF";

}  // namespace

std::vector<Member> MemberRepository::select(const std::string& where, const std::vector<std::string>& params,
                                             int limit) {
    std::vector<Member> out;
    stream(where + " LIMIT " + std::to_string(limit), params, [&out](const Member& m) { out.push_back(m); });
    return out;
}

namespace {

std::string list_where(const MemberListQuery& q, std::vector<std::string>& params) {
    std::string where;
    auto add = [&](const std::string& condition, const std::string& value) {
        where += (where.empty() ? " WHERE " : " AND ") + condition + ":p" + std::to_string(params.size());
        params.push_back(value);
    };
    if (q.state) add("m.state = ", lifecycle_code(*q.state));
    if (q.type) add("m.member_type = ", member_type_code(*q.type));
    if (!q.home_store.empty()) add("m.home_store = ", q.home_store);
    // Tags are stored ",vip,mother,"; a tag is matched whole, never as part of another.
    if (!q.tag.empty()) add("m.tags LIKE ", "%," + q.tag + ",%");
    return where;
}

std::string list_order(const MemberListQuery& q) {
    const char* dir = q.descending ? " DESC" : "";
    const std::string number = std::string("m.number") + dir;
    switch (q.sort) {
        case MemberSort::Number: return " ORDER BY " + number;
        case MemberSort::Name: return std::string(" ORDER BY m.name_pinyin") + dir + ", " + number;
        case MemberSort::HomeStore: return std::string(" ORDER BY m.home_store") + dir + ", " + number;
        case MemberSort::State: return std::string(" ORDER BY m.state") + dir + ", " + number;
    }
    return " ORDER BY " + number;
}

}  // namespace

std::vector<Member> MemberRepository::page(const MemberListQuery& query, long long offset, int limit) {
    std::vector<std::string> params;
    const std::string where = list_where(query, params);
    std::vector<Member> out;
    stream(where + list_order(query) + " LIMIT " + std::to_string(limit) + " OFFSET " + std::to_string(offset), params,
           [&out](const Member& m) { out.push_back(m); });
    return out;
}

std::vector<Member> MemberRepository::page_after(const MemberListQuery& query, const Member& last, int limit) {
    std::vector<std::string> params;
    std::string where = list_where(query, params);
    // The sort column and the number after it, as the list's indexes hold them: (column, number)
    // as one row value, so both databases seek the index instead of filtering it.
    const char* column = nullptr;
    switch (query.sort) {
        case MemberSort::Number: break;
        case MemberSort::Name: column = "m.name_pinyin"; params.push_back(last.name_pinyin); break;
        case MemberSort::HomeStore: column = "m.home_store"; params.push_back(last.home_store); break;
        case MemberSort::State: column = "m.state"; params.push_back(lifecycle_code(last.state)); break;
    }
    const char* op = query.descending ? " < " : " > ";
    const std::string number = ":p" + std::to_string(params.size());
    const std::string condition = column ? "(" + std::string(column) + ", m.number)" + op + "(:p" +
                                               std::to_string(params.size() - 1) + ", " + number + ")"
                                         : "m.number" + std::string(op) + number;
    params.push_back(last.number);
    where += (where.empty() ? " WHERE " : " AND ") + condition;
    std::vector<Member> out;
    stream(where + list_order(query) + " LIMIT " + std::to_string(limit), params,
           [&out](const Member& m) { out.push_back(m); });
    return out;
}

long long MemberRepository::count(const MemberListQuery& query) {
    return db_.guarded("counting members", [&] {
        std::vector<std::string> params;
        const std::string where = list_where(query, params);
        long long n = 0;
        soci::statement st(db_.sql());
        st.exchange(soci::into(n));
        for (std::string& p : params) st.exchange(soci::use(p));
        st.alloc();
        st.prepare("SELECT COUNT(*) FROM members m" + where);
        st.define_and_bind();
        st.execute(true);
        return n;
    });
}

void MemberRepository::for_each(const std::function<void(const Member&)>& each) {
    stream(" ORDER BY m.number", {}, each);
}

void MemberRepository::stream(const std::string& tail, const std::vector<std::string>& params_in,
                              const std::function<void(const Member&)>& each) {
    db_.guarded("reading members", [&] {
        std::vector<std::string> params = params_in;
        long long id = 0;
        std::string number, name, pinyin, initials, mobile, email, birthday, gender, type, company, channel, store,
            referrer, tags, notes, state, created, updated, updated_by;
        int sms = 0, mail = 0, version = 1;
        soci::indicator mobile_ind, email_ind, birthday_ind, referrer_ind;
        soci::statement st(db_.sql());
        st.exchange(soci::into(id));
        st.exchange(soci::into(number));
        st.exchange(soci::into(name));
        st.exchange(soci::into(pinyin));
        st.exchange(soci::into(initials));
        st.exchange(soci::into(mobile, mobile_ind));
        st.exchange(soci::into(email, email_ind));
        st.exchange(soci::into(birthday, birthday_ind));
        st.exchange(soci::into(gender));
        st.exchange(soci::into(type));
        st.exchange(soci::into(company));
        st.exchange(soci::into(channel));
        st.exchange(soci::into(store));
        st.exchange(soci::into(referrer, referrer_ind));
        st.exchange(soci::into(tags));
        st.exchange(soci::into(sms));
        st.exchange(soci::into(mail));
        st.exchange(soci::into(notes));
        st.exchange(soci::into(state));
        st.exchange(soci::into(created));
        st.exchange(soci::into(updated));
        st.exchange(soci::into(updated_by));
        st.exchange(soci::into(version));
        for (std::string& p : params) st.exchange(soci::use(p));
        st.alloc();
        st.prepare(std::string(kSelect) + tail);
        st.define_and_bind();
        st.execute(false);
        while (st.fetch()) {
            Member m;
            m.id = id;
            m.number = number;
            m.name = name;
            m.name_pinyin = pinyin;
            m.name_initials = initials;
            if (mobile_ind == soci::i_ok) m.mobile = mobile;
            if (email_ind == soci::i_ok) m.email = email;
            if (birthday_ind == soci::i_ok) m.birthday = parse_date(birthday.substr(0, 10), "birthday");
            m.gender = parse_gender(gender, "gender");
            m.type = parse_member_type(type, "member_type");
            m.company = company;
            m.channel = parse_channel(channel, "channel");
            m.home_store = store;
            if (referrer_ind == soci::i_ok) m.referrer_number = referrer;
            m.tags = split_tags(tags);
            m.consent_sms = sms != 0;
            m.consent_email = mail != 0;
            m.notes = notes;
            m.state = parse_lifecycle(state, "state");
            m.created_at = parse_instant(created);
            m.updated_at = parse_instant(updated);
            m.updated_by = updated_by;
            m.version = version;
            each(m);
        }
    });
}

std::int64_t MemberRepository::next_sequence() {
    return db_.guarded("numbering a member", [&] {
        long long n = 0;
        db_.sql() << "SELECT COUNT(*) FROM members", soci::into(n);
        // Numbers are never reused: start above the highest number ever given.
        std::string highest;
        soci::indicator ind = soci::i_null;
        db_.sql() << "SELECT MAX(number) FROM members", soci::into(highest, ind);
        long long from_number = ind == soci::i_ok && highest.size() == 9 ? std::stoll(highest.substr(1)) : 0;
        return static_cast<std::int64_t>(std::max(n, from_number) + 1);
    });
}

std::int64_t MemberRepository::insert(const Member& m) {
    return db_.guarded("adding a member", [&] {
        long long referrer_id = 0;
        soci::indicator referrer_ind = soci::i_null;
        if (!m.referrer_number.empty()) {
            db_.sql() << "SELECT id FROM members WHERE number = :n", soci::use(m.referrer_number), soci::into(referrer_id);
            if (db_.sql().got_data()) referrer_ind = soci::i_ok;
        }
        const std::string tail = m.mobile.size() >= 4 ? m.mobile.substr(m.mobile.size() - 4) : "";
        soci::indicator mobile_ind = m.mobile.empty() ? soci::i_null : soci::i_ok;
        soci::indicator email_ind = m.email.empty() ? soci::i_null : soci::i_ok;
        const std::string birthday = m.birthday ? format_date(*m.birthday) : "";
        soci::indicator birthday_ind = m.birthday ? soci::i_ok : soci::i_null;
        const std::string gender = gender_code(m.gender), type = member_type_code(m.type), channel = channel_code(m.channel),
                          tags = join_tags(m.tags), state = lifecycle_code(m.state), created = format_instant(m.created_at),
                          updated = format_instant(m.updated_at);
        const int sms = m.consent_sms, mail = m.consent_email;
        long long id = 0;
        db_.sql() << "INSERT INTO members (number, name, name_pinyin, name_initials, mobile, mobile_tail, email,"
                     " birthday, gender, member_type, company, channel, home_store, referrer_id, tags, consent_sms,"
                     " consent_email, notes, state, created_at, updated_at, updated_by, version)"
                     " VALUES (:number, :name, :pinyin, :initials, :mobile, :tail, :email, :birthday, :gender, :type,"
                     " :company, :channel, :store, :referrer, :tags, :sms, :mail, :notes, :state, :created, :updated,"
                     " :by, 1) RETURNING id",
            soci::use(m.number), soci::use(m.name), soci::use(m.name_pinyin), soci::use(m.name_initials),
            soci::use(m.mobile, mobile_ind), soci::use(tail, mobile_ind), soci::use(m.email, email_ind),
            soci::use(birthday, birthday_ind), soci::use(gender), soci::use(type), soci::use(m.company),
            soci::use(channel), soci::use(m.home_store), soci::use(referrer_id, referrer_ind), soci::use(tags),
            soci::use(sms), soci::use(mail), soci::use(m.notes), soci::use(state), soci::use(created),
            soci::use(updated), soci::use(m.updated_by), soci::into(id);
        return static_cast<std::int64_t>(id);
    });
}

bool MemberRepository::update_if_version(const Member& m) {
    return db_.guarded("saving a member", [&] {
        const std::string tail = m.mobile.size() >= 4 ? m.mobile.substr(m.mobile.size() - 4) : "";
        soci::indicator mobile_ind = m.mobile.empty() ? soci::i_null : soci::i_ok;
        soci::indicator email_ind = m.email.empty() ? soci::i_null : soci::i_ok;
        const std::string birthday = m.birthday ? format_date(*m.birthday) : "";
        soci::indicator birthday_ind = m.birthday ? soci::i_ok : soci::i_null;
        const std::string gender = gender_code(m.gender), type = member_type_code(m.type), channel = channel_code(m.channel),
                          tags = join_tags(m.tags), state = lifecycle_code(m.state), updated = format_instant(m.updated_at);
        const int sms = m.consent_sms, mail = m.consent_email, version = m.version;
        const long long id = m.id;
        soci::statement st =
            (db_.sql().prepare << "UPDATE members SET name = :name, name_pinyin = :pinyin, name_initials = :initials,"
                                  " mobile = :mobile, mobile_tail = :tail, email = :email, birthday = :birthday,"
                                  " gender = :gender, member_type = :type, company = :company, channel = :channel,"
                                  " home_store = :store, tags = :tags, consent_sms = :sms, consent_email = :mail,"
                                  " notes = :notes, state = :state, updated_at = :updated, updated_by = :by,"
                                  " version = version + 1 WHERE id = :id AND version = :version",
             soci::use(m.name), soci::use(m.name_pinyin), soci::use(m.name_initials), soci::use(m.mobile, mobile_ind),
             soci::use(tail, mobile_ind), soci::use(m.email, email_ind), soci::use(birthday, birthday_ind),
             soci::use(gender), soci::use(type), soci::use(m.company), soci::use(channel), soci::use(m.home_store),
             soci::use(tags), soci::use(sms), soci::use(mail), soci::use(m.notes), soci::use(state),
             soci::use(updated), soci::use(m.updated_by), soci::use(id), soci::use(version));
        st.execute(true);
        return st.get_affected_rows() == 1;
    });
}

long long MemberRepository::count() {
    return db_.guarded("counting members", [&] {
        long long n = 0;
        db_.sql() << "SELECT COUNT(*) FROM members", soci::into(n);
        return n;
    });
}

std::optional<Member> MemberRepository::by_number(const std::string& number) {
    auto found = select(" WHERE m.number = :p0", {number}, 1);
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::optional<Member> MemberRepository::by_mobile(const std::string& e164) {
    auto found = select(" WHERE m.mobile = :p0", {e164}, 1);
    if (found.empty()) return std::nullopt;
    return found.front();
}

std::vector<Member> MemberRepository::by_mobile_tail(const std::string& last4, int limit) {
    return select(" WHERE m.mobile_tail = :p0 ORDER BY m.number", {last4}, limit);
}

void MemberRepository::born_in_month(int month, const std::function<void(const Member&)>& each) {
    // The month of a DATE is spelt differently by each backend.
    const std::string of_birthday = db_.backend() == Backend::Postgres ? "CAST(EXTRACT(MONTH FROM m.birthday) AS INTEGER)"
                                                                      : "CAST(strftime('%m', m.birthday) AS INTEGER)";
    stream(" WHERE m.birthday IS NOT NULL AND " + of_birthday + " = " + std::to_string(month) + " ORDER BY m.number", {},
           each);
}

std::vector<Member> MemberRepository::by_email(const std::string& email, int limit) {
    return select(" WHERE m.email = :p0 ORDER BY m.number", {email}, limit);
}

std::vector<Member> MemberRepository::prefix(const char* column, const std::string& text, int limit) {
    // A range rather than LIKE: both backends use the byte-ordered index for it.
    return select(std::string(" WHERE m.") + column + " >= :p0 AND m." + column + " < :p1 ORDER BY m." + column +
                      ", m.number",
                  {text, text + kAfterAll}, limit);
}

std::vector<Member> MemberRepository::by_name_prefix(const std::string& p, int limit) { return prefix("name", p, limit); }
std::vector<Member> MemberRepository::by_initials_prefix(const std::string& p, int limit) {
    return prefix("name_initials", p, limit);
}
std::vector<Member> MemberRepository::by_pinyin_prefix(const std::string& p, int limit) {
    return prefix("name_pinyin", p, limit);
}

void MemberRepository::add_state_change(std::int64_t member_id, const StateChange& c) {
    db_.guarded("recording a lifecycle change", [&] {
        const long long id = member_id;
        const std::string from = c.from ? lifecycle_code(*c.from) : "";
        soci::indicator from_ind = c.from ? soci::i_ok : soci::i_null;
        const std::string to = lifecycle_code(c.to), at = format_instant(c.at);
        db_.sql() << "INSERT INTO member_state_history (member_id, from_state, to_state, at, reason, actor)"
                     " VALUES (:m, :f, :t, :at, :r, :a)",
            soci::use(id), soci::use(from, from_ind), soci::use(to), soci::use(at), soci::use(c.reason), soci::use(c.actor);
    });
}

std::vector<StateChange> MemberRepository::state_history(std::int64_t member_id) {
    return db_.guarded("reading lifecycle history", [&] {
        std::vector<StateChange> out;
        std::string from, to, at, reason, actor;
        soci::indicator from_ind = soci::i_null;
        const long long id = member_id;
        soci::statement st = (db_.sql().prepare << "SELECT from_state, to_state, at, reason, actor FROM"
                                                   " member_state_history WHERE member_id = :m ORDER BY at, id",
                              soci::into(from, from_ind), soci::into(to), soci::into(at), soci::into(reason),
                              soci::into(actor), soci::use(id));
        st.execute(false);
        while (st.fetch()) {
            StateChange c;
            if (from_ind == soci::i_ok) c.from = parse_lifecycle(from, "from_state");
            c.to = parse_lifecycle(to, "to_state");
            c.at = parse_instant(at);
            c.reason = reason;
            c.actor = actor;
            out.push_back(std::move(c));
        }
        return out;
    });
}

}  // namespace md

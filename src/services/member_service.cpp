#include "services/member_service.h"
#include "models/text.h"

#include "db/card_repository.h"

#include "db/member_merge_repository.h"
#include "models/errors.h"
#include "models/translate.h"
#include "services/name_keys.h"
#include "services/phone_numbers.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>

namespace md {
namespace {

const char* kEntity = "member";

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool all_of(const std::string& s, int (*pred)(int)) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [pred](char c) { return pred(static_cast<unsigned char>(c)); });
}

// A page of the list: 1 to 1000 rows, from a row that exists.
void check_page_limit(int limit, long long offset) {
    if (limit < 1 || limit > 1000 || offset < 0)
        throw ValidationError("limit", std::to_string(limit), subst(tr("limit: {0} is outside 1–1000"), {std::to_string(limit)}));
}

MemberRecord masked_record(Member m) {
    m.mobile = mask_mobile(m.mobile);
    m.email = mask_email(m.email);
    return {std::move(m), true};
}

}  // namespace

std::string member_audit_json(const Member& m) {
    // The audit trail keeps what changed, but personal data only masked.
    return nlohmann::json{{"number", m.number},
                          {"name", m.name},
                          {"mobile", mask_mobile(m.mobile)},
                          {"email", mask_email(m.email)},
                          {"birthday", m.birthday ? format_date(*m.birthday) : ""},
                          {"type", member_type_code(m.type)},
                          {"company", m.company},
                          {"channel", channel_code(m.channel)},
                          {"home_store", m.home_store},
                          {"referrer", m.referrer_number},
                          {"tags", m.tags},
                          {"consent_sms", m.consent_sms},
                          {"consent_email", m.consent_email},
                          {"state", lifecycle_code(m.state)},
                          {"version", m.version}}
        .dump();
}

Member MemberService::load(const std::string& number) { return load_member(db_, number); }

Member load_member(Database& db, const std::string& number) {
    auto m = MemberRepository(db).by_number(number);
    if (m) return *m;
    // A number merged away still leads somewhere: say where, rather than "no such member".
    if (auto merged = MemberMergeRepository(db).merged_into(number))
        throw NotFoundError(subst(tr("member: {0} was merged into {1} by {2} at {3}"),
                                  {number, merged->survivor_number, merged->merged_by,
                                   format_business_time(merged->merged_at)}));
    throw NotFoundError(subst(tr("member: there is no member \"{0}\""), {number}));
}

void MemberService::apply(Member& m, const MemberInput& in) { apply_member_input(m, in); }

void apply_member_input(Member& m, const MemberInput& in) {
    if (in.name) {
        m.name = trim_space(*in.name);
        const NameKeys keys = name_keys(m.name);
        m.name_pinyin = keys.pinyin;
        m.name_initials = keys.initials;
    }
    if (in.mobile) m.mobile = trim_space(*in.mobile).empty() ? "" : normalize_mobile(trim_space(*in.mobile), "mobile");
    if (in.email) m.email = lower(trim_space(*in.email));
    if (in.birthday) {
        const std::string b = trim_space(*in.birthday);
        m.birthday = b.empty() ? std::nullopt : std::optional<Date>(parse_date(b, "birthday"));
    }
    if (in.gender) m.gender = parse_gender(*in.gender, "gender");
    if (in.type) m.type = parse_member_type(*in.type, "type");
    if (in.company) m.company = trim_space(*in.company);
    if (in.channel) m.channel = parse_channel(*in.channel, "channel");
    if (in.home_store) m.home_store = trim_space(*in.home_store);
    if (in.referrer) m.referrer_number = trim_space(*in.referrer);
    if (in.tags) m.tags = *in.tags;
    if (in.consent_sms) m.consent_sms = *in.consent_sms;
    if (in.consent_email) m.consent_email = *in.consent_email;
    if (in.notes) m.notes = *in.notes;
}

MemberRecord MemberService::add(const Actor& actor, const MemberInput& input) {
    audit_.require(actor, Action::ManageMembers, kEntity);
    if (!input.name) throw ValidationError("name", "", tr("name: a member needs a name"));
    Member m;
    apply(m, input);
    const Date today = to_business_time(clock_()).date();
    validate(m, today);
    m.created_at = m.updated_at = clock_();
    m.updated_by = actor.username;

    Transaction tx(db_);
    MemberRepository repo(db_);
    if (!m.referrer_number.empty() && !repo.by_number(m.referrer_number))
        throw ValidationError("referrer", m.referrer_number,
                              subst(tr("referrer: there is no member \"{0}\""), {m.referrer_number}));
    if (!m.mobile.empty())
        if (auto same = repo.by_mobile(m.mobile))
            throw ConflictError(subst(tr("mobile: {0} already belongs to member {1}"), {mask_mobile(m.mobile), same->number}));
    m.number = member_number_for(repo.next_sequence());
    m.id = repo.insert(m);
    repo.add_state_change(m.id, {std::nullopt, m.state, m.created_at, tr("registered"), actor.username});
    audit_.record(actor.username, "member.add", kEntity, m.number, "", member_audit_json(m));
    tx.commit();
    return masked_record(m);
}

MemberRecord MemberService::edit(const Actor& actor, const std::string& number, const MemberInput& changes,
                                 std::optional<int> expected_version) {
    audit_.require(actor, Action::ManageMembers, kEntity, number);
    Transaction tx(db_);
    MemberRepository repo(db_);
    const Member before = load(number);
    Member after = before;
    apply(after, changes);
    validate(after, to_business_time(clock_()).date());
    const int version = expected_version.value_or(before.version);
    if (version != before.version)
        throw StaleEditError(subst(tr("member {0} was changed by {1} at {2} (version {3}; you edited version {4}): "
                                      "reload it and make your change again"),
                                   {number, before.updated_by, format_business_time(before.updated_at),
                                    std::to_string(before.version), std::to_string(version)}),
                             before.updated_by, format_business_time(before.updated_at));
    if (after.mobile != before.mobile && !after.mobile.empty())
        if (auto same = repo.by_mobile(after.mobile); same && same->id != before.id)
            throw ConflictError(subst(tr("mobile: {0} already belongs to member {1}"), {mask_mobile(after.mobile), same->number}));
    if (changes.referrer && after.referrer_number != before.referrer_number)
        throw ValidationError("referrer", after.referrer_number, tr("referrer: set when the member joins; it cannot be changed"));
    after.updated_at = clock_();
    after.updated_by = actor.username;
    if (!repo.update_if_version(after))
        throw ConflictError(subst(tr("member {0} was changed by someone else just now: reload it"), {number}));
    after.version = before.version + 1;
    audit_.record(actor.username, "member.edit", kEntity, number, member_audit_json(before), member_audit_json(after));
    tx.commit();
    return masked_record(after);
}

MemberRecord MemberService::show(const Actor& actor, const std::string& number, bool unmask) {
    audit_.require(actor, Action::ViewMembers, kEntity, number);
    if (!unmask) return masked_record(load(number));
    audit_.require(actor, Action::ViewPersonalData, kEntity, number);
    Member m = load(number);
    // Seeing personal data is itself traceable: who looked at whose number, when.
    Transaction tx(db_);
    audit_.record(actor.username, "member.unmask", kEntity, number, "", "", tr("full mobile and e-mail shown"));
    tx.commit();
    return {std::move(m), false};
}

std::vector<MemberHit> MemberService::find(const Actor& actor, const std::string& query, int limit) {
    audit_.require(actor, Action::ViewMembers, kEntity);
    const std::string q = trim_space(query);
    if (q.empty()) throw ValidationError("query", query, tr("query: type a member number, mobile, name or e-mail"));
    if (limit < 1 || limit > 500)
        throw ValidationError("limit", std::to_string(limit), subst(tr("limit: {0} is outside 1–500"), {std::to_string(limit)}));
    MemberRepository repo(db_);
    std::map<std::int64_t, std::pair<int, MemberHit>> best;  // id → (rank, hit)
    auto add = [&](const std::vector<Member>& found, int rank, const char* how) {
        for (const Member& m : found) {
            auto it = best.find(m.id);
            if (it == best.end() || rank < it->second.first) best[m.id] = {rank, MemberHit{masked_record(m), how}};
        }
    };
    auto one = [](const std::optional<Member>& m) { return m ? std::vector<Member>{*m} : std::vector<Member>{}; };

    std::string upper = q;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (upper.size() == 9 && upper[0] == 'M' && all_of(upper.substr(1), std::isdigit)) add(one(repo.by_number(upper)), 0, "number");
    if (q.find('@') != std::string::npos) add(repo.by_email(lower(q), limit), 1, "email");
    // A prepaid card (16 digits, check digit right) leads to the member it was loaded into.
    if (const std::string card = normalise_card_number(q); valid_card_number(card))
        if (auto c = CardRepository(db_).by_number(card); c && !c->member_number.empty())
            add(one(repo.by_number(c->member_number)), 0, "card");
    if (all_of(q, std::isdigit) && q.size() == 4) add(repo.by_mobile_tail(q, limit), 3, "mobile_tail");
    if (looks_like_phone(q) && q.size() > 4) {
        try {
            add(one(repo.by_mobile(normalize_mobile(q, "query"))), 1, "mobile");
        } catch (const ValidationError&) {
            // Not a whole mobile number: the other lookups still apply.
        }
    }
    const bool ascii = std::all_of(q.begin(), q.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (!ascii) {
        const auto by_name = repo.by_name_prefix(q, limit);
        std::vector<Member> exact, starts;
        for (const Member& m : by_name) (m.name == q ? exact : starts).push_back(m);
        add(exact, 2, "name");
        add(starts, 4, "name");
    } else if (all_of(q, std::isalpha)) {
        const std::string key = lower(q);
        const auto by_initials = repo.by_initials_prefix(key, limit);
        std::vector<Member> exact, starts;
        for (const Member& m : by_initials) (m.name_initials == key ? exact : starts).push_back(m);
        add(exact, 5, "initials");
        add(repo.by_pinyin_prefix(key, limit), 6, "pinyin");
        add(starts, 7, "initials");
    }
    std::vector<std::pair<int, MemberHit>> ranked;
    for (auto& [id, entry] : best) ranked.push_back(std::move(entry));
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        if (a.first != b.first) return a.first < b.first;
        return a.second.record.member.name_pinyin < b.second.record.member.name_pinyin;
    });
    std::vector<MemberHit> out;
    for (auto& [rank, hit] : ranked) {
        if (static_cast<int>(out.size()) >= limit) break;
        out.push_back(std::move(hit));
    }
    return out;
}

long long MemberService::export_members(const Actor& actor, bool unmask,
                                        const std::function<void(const MemberRecord&)>& each) {
    audit_.require(actor, Action::ViewMembers, kEntity);
    if (unmask) audit_.require(actor, Action::ViewPersonalData, kEntity);
    MemberRepository repo(db_);
    // Audited before the rows leave: a write transaction held open for a million-row read
    // would stop every other writer. The one SELECT below is a consistent snapshot by itself.
    {
        Transaction tx(db_);
        audit_.record(actor.username, "member.export", kEntity, "", "",
                      nlohmann::json{{"members", repo.count()}, {"unmasked", unmask}}.dump(),
                      unmask ? tr("exported with full mobile numbers and e-mails") : tr("exported with contact data masked"));
        tx.commit();
    }
    long long count = 0;
    repo.for_each([&](const Member& m) {
        each(unmask ? MemberRecord{m, false} : masked_record(m));
        ++count;
    });
    return count;
}

std::vector<MemberRecord> MemberService::list(const Actor& actor, const MemberListQuery& query, long long offset,
                                              int limit) {
    audit_.require(actor, Action::ViewMembers, kEntity);
    check_page_limit(limit, offset);
    std::vector<MemberRecord> out;
    for (Member& m : MemberRepository(db_).page(query, offset, limit)) out.push_back(masked_record(std::move(m)));
    return out;
}

std::vector<MemberRecord> MemberService::list_after(const Actor& actor, const MemberListQuery& query, const Member& last,
                                                    int limit) {
    audit_.require(actor, Action::ViewMembers, kEntity);
    check_page_limit(limit, 0);
    std::vector<MemberRecord> out;
    for (Member& m : MemberRepository(db_).page_after(query, last, limit)) out.push_back(masked_record(std::move(m)));
    return out;
}

long long MemberService::count(const Actor& actor, const MemberListQuery& query) {
    audit_.require(actor, Action::ViewMembers, kEntity);
    return MemberRepository(db_).count(query);
}

std::vector<StateChange> MemberService::history(const Actor& actor, const std::string& number) {
    audit_.require(actor, Action::ViewMembers, kEntity, number);
    return MemberRepository(db_).state_history(load(number).id);
}

}  // namespace md

#include "services/member_merge_service.h"

#include "db/member_merge_repository.h"
#include "models/errors.h"
#include "models/translate.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace md {
namespace {

const char* kEntity = "member";

std::optional<Date> earlier(const std::optional<Date>& a, const std::optional<Date>& b) {
    if (!a) return b;
    if (!b) return a;
    return std::min(*a, *b);
}

std::optional<Date> later(const std::optional<Date>& a, const std::optional<Date>& b) {
    if (!a) return b;
    if (!b) return a;
    return std::max(*a, *b);
}

Member load(MemberRepository& repo, const std::string& number, const char* field) {
    auto m = repo.by_number(number);
    if (!m) throw NotFoundError(subst(tr("{0}: there is no member \"{1}\""), {field, number}));
    return *m;
}

void check_version(const Member& m, std::optional<int> expected) {
    if (expected && *expected != m.version)
        throw StaleEditError(subst(tr("member {0} was changed by {1} at {2} (version {3}; you looked at version {4}): "
                                      "look again before merging"),
                                   {m.number, m.updated_by, format_business_time(m.updated_at),
                                    std::to_string(m.version), std::to_string(*expected)}),
                             m.updated_by, format_business_time(m.updated_at));
}

// The absorbed record as it was, personal data included: it stays in the database like the
// member row it replaces (the audit trail only ever sees it masked).
std::string record_json(const Member& m, const ActivityDates& a) {
    auto date = [](const std::optional<Date>& d) { return d ? nlohmann::json(format_date(*d)) : nlohmann::json(); };
    return nlohmann::json{{"number", m.number},       {"name", m.name},
                          {"mobile", m.mobile},       {"email", m.email},
                          {"birthday", date(m.birthday)}, {"gender", gender_code(m.gender)},
                          {"type", member_type_code(m.type)}, {"company", m.company},
                          {"channel", channel_code(m.channel)}, {"home_store", m.home_store},
                          {"referrer", m.referrer_number}, {"tags", m.tags},
                          {"consent_sms", m.consent_sms}, {"consent_email", m.consent_email},
                          {"notes", m.notes},         {"state", lifecycle_code(m.state)},
                          {"created_at", format_instant(m.created_at)}, {"version", m.version},
                          {"first_recharge_on", date(a.first_recharge_on)},
                          {"first_purchase_on", date(a.first_purchase_on)},
                          {"last_activity_on", date(a.last_activity_on)}}
        .dump();
}

}  // namespace

Member merged_member(const Member& survivor, const Member& absorbed) {
    Member m = survivor;
    auto fill = [](std::string& mine, const std::string& theirs) {
        if (mine.empty()) mine = theirs;
    };
    fill(m.mobile, absorbed.mobile);
    fill(m.email, absorbed.email);
    fill(m.company, absorbed.company);
    fill(m.home_store, absorbed.home_store);
    if (absorbed.referrer_number != survivor.number) fill(m.referrer_number, absorbed.referrer_number);
    if (!m.birthday) m.birthday = absorbed.birthday;
    if (m.gender == Gender::Unknown) m.gender = absorbed.gender;
    for (const std::string& tag : absorbed.tags)
        if (std::find(m.tags.begin(), m.tags.end(), tag) == m.tags.end()) m.tags.push_back(tag);
    // Consent given through either record was given by this person.
    m.consent_sms = survivor.consent_sms || absorbed.consent_sms;
    m.consent_email = survivor.consent_email || absorbed.consent_email;
    if (!absorbed.notes.empty())
        m.notes = m.notes.empty() ? absorbed.notes : m.notes + "\n[" + absorbed.number + "] " + absorbed.notes;
    return m;
}

MergeResult MemberMergeService::merge(const Actor& actor, const std::string& survivor_number,
                                      const std::string& absorbed_number, std::optional<int> survivor_version,
                                      std::optional<int> absorbed_version) {
    audit_.require(actor, Action::MergeMembers, kEntity, survivor_number);
    if (survivor_number == absorbed_number)
        throw ValidationError("absorb", absorbed_number,
                              subst(tr("absorb: {0} is the member being kept; choose another record to merge into it"),
                                    {absorbed_number}));
    // The committee roster names members by number: a seat must be moved by a change request
    // (and approved) before its holder's record can disappear.
    const Date today = program_.today();
    const Program in_force = program_.program_as_of(actor, today);
    for (const CommitteeSeat& seat : in_force.committee)
        if (seat.member_number == absorbed_number)
            throw ConflictError(subst(tr("member {0} holds a committee seat: give the seat to {1} through a change "
                                         "request first"),
                                      {absorbed_number, survivor_number}));

    Transaction tx(db_);
    MemberRepository members(db_);
    MemberMergeRepository merges(db_);
    const Member survivor = load(members, survivor_number, "keep");
    const Member absorbed = load(members, absorbed_number, "absorb");
    check_version(survivor, survivor_version);
    check_version(absorbed, absorbed_version);

    Member after = merged_member(survivor, absorbed);
    after.updated_at = clock_();
    after.updated_by = actor.username;
    const ActivityDates a = merges.activity(absorbed.id), s = merges.activity(survivor.id);

    LedgerService(db_, clock_, program_).fold_accounts(absorbed.id, survivor.id, survivor.number, actor.username);
    TierService tiers(db_, clock_, program_);
    tiers.forget(absorbed.id);
    // The absorbed row goes first: its mobile number is unique and may move to the survivor.
    merges.absorb(survivor.id, absorbed.id, absorbed.number, record_json(absorbed, a), actor.username, after.updated_at);
    // The person's tiers on the joined movements of both records.
    tiers.reevaluate(survivor.id, program_.today(), "merge " + absorbed.number, actor.username);
    if (!members.update_if_version(after))
        throw ConflictError(subst(tr("member {0} was changed by someone else just now: reload it"), {survivor_number}));
    const ActivityDates joined{earlier(s.first_recharge_on, a.first_recharge_on),
                               earlier(s.first_purchase_on, a.first_purchase_on),
                               later(s.last_activity_on, a.last_activity_on)};
    merges.set_activity(survivor.id, joined);
    after.version = survivor.version + 1;
    // The history says where the other record's lines came from, and the joined activity may
    // put the member in another state at once (an activated duplicate of a recharged member).
    std::optional<LifecycleState> state_now;
    if (in_force.lifecycle)
        state_now = lifecycle_state_on(*in_force.lifecycle,
                                       {to_business_time(survivor.created_at).date(), joined.first_recharge_on,
                                        joined.first_purchase_on, joined.last_activity_on},
                                       today);
    const LifecycleState to = state_now.value_or(after.state);
    members.add_state_change(survivor.id, {after.state, to, after.updated_at,
                                           subst(tr("{0} merged into this member"), {absorbed_number}), actor.username});
    if (to != after.state) {
        after.state = to;
        if (!members.update_if_version(after)) throw ConflictError(tr("merge: the member changed while merging"));
        after.version += 1;
    }
    audit_.record(actor.username, "member.merge", kEntity, survivor_number,
                  nlohmann::json{{"kept", nlohmann::json::parse(member_audit_json(survivor))},
                                 {"absorbed", nlohmann::json::parse(member_audit_json(absorbed))}}
                      .dump(),
                  member_audit_json(after), subst(tr("{0} merged into {1}"), {absorbed_number, survivor_number}));
    tx.commit();
    after.mobile = mask_mobile(after.mobile);
    after.email = mask_email(after.email);
    return {{after, true}, absorbed_number};
}

}  // namespace md

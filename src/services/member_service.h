#pragma once
// The member registry: add, edit (with the version check), find in one box, show with
// personal data masked unless the user may see it and asks to (which is audited).
#include "db/member_repository.h"
#include "services/audit_trail.h"

#include <functional>
#include <optional>
#include <vector>

namespace md {

// Everything as typed; the service parses and validates, naming the field. For an edit,
// only the fields given change.
struct MemberInput {
    std::optional<std::string> name, mobile, email, birthday, gender, type, company, channel, home_store,
        referrer, notes;
    std::optional<std::vector<std::string>> tags;
    std::optional<bool> consent_sms, consent_email;
};

struct MemberRecord {
    Member member;       // mobile and e-mail already masked when `masked`
    bool masked = true;
};

struct MemberHit {
    MemberRecord record;
    std::string matched_by;  // "number", "mobile", "mobile_tail", "email", "name", "initials", "pinyin"
};

class MemberService {
public:
    MemberService(Database& db, Clock clock) : db_(db), clock_(clock), audit_(db, clock) {}

    MemberRecord add(const Actor& actor, const MemberInput& input);
    MemberRecord edit(const Actor& actor, const std::string& number, const MemberInput& changes,
                      std::optional<int> expected_version);
    // unmask: show the full mobile and e-mail; needs ViewPersonalData and is audited.
    MemberRecord show(const Actor& actor, const std::string& number, bool unmask);
    // One box: member number, full mobile, its last four digits, e-mail, Chinese name or
    // its start, pinyin initials ("zs") or pinyin. Ranked: exact keys first.
    std::vector<MemberHit> find(const Actor& actor, const std::string& query, int limit = 50);
    std::vector<StateChange> history(const Actor& actor, const std::string& number);
    // The member list: a page of every member matching the filters, masked, and their count.
    std::vector<MemberRecord> list(const Actor& actor, const MemberListQuery& query, long long offset, int limit);
    // The page after `last` in the list's order (keyset paging, MemberRepository::page_after).
    std::vector<MemberRecord> list_after(const Actor& actor, const MemberListQuery& query, const Member& last, int limit);
    long long count(const Actor& actor, const MemberListQuery& query);
    // Every member in number order, for an export: masked unless `unmask` (which needs the
    // personal-data permission). The export itself is audited, with the count and whether
    // the contact data left unmasked. Returns the number of members given to `each`.
    long long export_members(const Actor& actor, bool unmask, const std::function<void(const MemberRecord&)>& each);

private:
    void apply(Member& member, const MemberInput& input);
    Member load(const std::string& number);
    Database& db_;
    Clock clock_;
    AuditTrail audit_;
};

std::string member_audit_json(const Member& member);

// The member with this number. A number merged away is NotFound naming the member it went to.
Member load_member(Database& db, const std::string& number);

// Parses what was typed into the record (trimmed; mobile to E.164, e-mail lower-case, codes
// checked), throwing ValidationError naming the field. The rules need no database, so an
// import checks a whole file with them before writing anything.
void apply_member_input(Member& member, const MemberInput& input);

}  // namespace md

#pragma once
// Reads and writes members and their lifecycle history; the search lookups each use one index.
#include "db/database.h"
#include "models/member.h"

#include <functional>
#include <optional>
#include <vector>

namespace md {

struct StateChange {
    std::optional<LifecycleState> from;
    LifecycleState to = LifecycleState::Registered;
    Instant at;
    std::string reason;
    std::string actor;
};

// The member list: every member, filtered and sorted, a page at a time.
enum class MemberSort { Number, Name, HomeStore, State };  // Name = pinyin order (name_pinyin)
struct MemberListQuery {
    std::optional<LifecycleState> state;
    std::optional<MemberType> type;
    std::string home_store;  // exact; "" = any
    std::string tag;         // one tag; "" = any
    MemberSort sort = MemberSort::Number;
    bool descending = false;
};

class MemberRepository {
public:
    explicit MemberRepository(Database& db) : db_(db) {}

    std::int64_t next_sequence();  // for the next member number
    std::int64_t insert(const Member& member);
    bool update_if_version(const Member& member);
    long long count();

    std::optional<Member> by_number(const std::string& number);
    std::optional<Member> by_mobile(const std::string& e164);
    std::vector<Member> by_mobile_tail(const std::string& last4, int limit);
    std::vector<Member> by_email(const std::string& email, int limit);
    // Every member whose birthday falls in `month` (1–12), in number order (the birthday job).
    void born_in_month(int month, const std::function<void(const Member&)>& each);
    std::vector<Member> by_name_prefix(const std::string& prefix, int limit);
    std::vector<Member> by_initials_prefix(const std::string& prefix, int limit);
    std::vector<Member> by_pinyin_prefix(const std::string& prefix, int limit);
    // Each sort has an index that starts with its key and ends with the number, so a page is a
    // walk along one index: the first page of a million is as quick as of a hundred.
    std::vector<Member> page(const MemberListQuery& query, long long offset, int limit);
    // The page that follows `last` in the query's order (keyset paging): an index seek from that
    // row, where an OFFSET walks every row before the page. For the page before a row, flip
    // query.descending and reverse what comes back.
    std::vector<Member> page_after(const MemberListQuery& query, const Member& last, int limit);
    long long count(const MemberListQuery& query);
    // Every member in number order, one at a time (an export of a million rows never holds them all).
    void for_each(const std::function<void(const Member&)>& each);

    void add_state_change(std::int64_t member_id, const StateChange& change);
    std::vector<StateChange> state_history(std::int64_t member_id);

private:
    std::vector<Member> select(const std::string& where, const std::vector<std::string>& params, int limit);
    void stream(const std::string& tail, const std::vector<std::string>& params,
                const std::function<void(const Member&)>& each);
    std::vector<Member> prefix(const char* column, const std::string& prefix, int limit);
    Database& db_;
};

}  // namespace md

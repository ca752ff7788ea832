#pragma once
// What the tier mix report reads (issue 9): how many members held each tier of each ladder at
// the end of a day, and the moves into and out of each tier in a period. Both come from
// tier_history (every move, with its day), so a past day gives the mix as it was then.
#include "db/database.h"
#include "models/timestamps.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <utility>

namespace md {

class TierMixRepository {
public:
    explicit TierMixRepository(Database& db) : db_(db) {}

    // (ladder, tier) → members holding it at the end of `day` (each member's last move on or
    // before it decides; a move to no tier counts nowhere).
    std::map<std::pair<std::string, std::string>, std::int64_t> held_at(const Date& day);
    // Each member holding a tier at the end of `day`: (member id, ladder, tier), in ranges of
    // member ids so that PostgreSQL never holds a million rows at once.
    void each_tier_held_at(const Date& day,
                           const std::function<void(std::int64_t member_id, const std::string& ladder, const std::string& tier)>& visit);
    struct Moves {
        std::int64_t in = 0, out = 0;
    };
    // (ladder, tier) → moves into and out of it from `from` to `to`, inclusive.
    std::map<std::pair<std::string, std::string>, Moves> moves(const Date& from, const Date& to);

private:
    Database& db_;
};

}  // namespace md

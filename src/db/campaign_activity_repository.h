#pragma once
// What members did on a campaign's days, read for the campaign window's actual figures: the
// coins written with the campaign's code, and each member's purchases and coins on a day range.
#include "db/database.h"
#include "models/timestamps.h"

#include <cstdint>
#include <map>
#include <string>

namespace md {

struct CampaignDayActivity {
    std::int64_t purchases = 0;       // purchases paid (refunded ones too: the visit happened)
    std::int64_t sales = 0;           // fen paid for them, less what was refunded of them
    std::int64_t coins_earned = 0;    // points_earned lines
    std::int64_t coins_redeemed = 0;  // points_redeemed lines, as a positive number
};

class CampaignActivityRepository {
public:
    explicit CampaignActivityRepository(Database& db) : db_(db) {}

    // Net coins of the ledger lines that refer to the campaign (given less taken back), on
    // business days up to `through`.
    std::int64_t coins_granted(const std::string& campaign, const Date& through);
    // How many members there are, and how many joined in [from, to) (UTC).
    std::int64_t members();
    std::int64_t members_joined(const Instant& from, const Instant& to);
    // Adds each member's activity on the business days from `from` through `through` to `into`.
    void add_activity(const Date& from, const Date& through, std::map<std::int64_t, CampaignDayActivity>& into);

private:
    Database& db_;
};

}  // namespace md

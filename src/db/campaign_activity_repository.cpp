#include "db/campaign_activity_repository.h"

namespace md {

std::int64_t CampaignActivityRepository::coins_granted(const std::string& campaign, const Date& through) {
    return db_.guarded("reading the campaign's coins", [&] {
        long long coins = 0;
        soci::indicator ind = soci::i_null;
        const std::string t = format_date(through);
        db_.sql() << "SELECT SUM(amount) FROM ledger_entries WHERE campaign = :c AND bucket = 'coins' AND business_day <= :t",
            soci::into(coins, ind), soci::use(campaign), soci::use(t);
        return static_cast<std::int64_t>(ind == soci::i_ok ? coins : 0);
    });
}

std::int64_t CampaignActivityRepository::members() {
    return db_.guarded("counting members", [&] {
        long long n = 0;
        db_.sql() << "SELECT COUNT(*) FROM members", soci::into(n);
        return static_cast<std::int64_t>(n);
    });
}

std::int64_t CampaignActivityRepository::members_joined(const Instant& from, const Instant& to) {
    return db_.guarded("counting new members", [&] {
        long long n = 0;
        const std::string f = format_instant(from), t = format_instant(to);
        db_.sql() << "SELECT COUNT(*) FROM members WHERE created_at >= :f AND created_at < :t", soci::into(n), soci::use(f),
            soci::use(t);
        return static_cast<std::int64_t>(n);
    });
}

void CampaignActivityRepository::add_activity(const Date& from, const Date& through,
                                              std::map<std::int64_t, CampaignDayActivity>& into) {
    db_.guarded("reading what members did on the campaign's days", [&] {
        const std::string f = format_date(from), t = format_date(through);
        long long member = 0, count = 0, paid = 0;
        soci::statement purchases =
            (db_.sql().prepare << "SELECT a.member_id, COUNT(*),"
                                  " SUM(p.paid_principal + p.paid_bonus + p.paid_compensation + p.paid_other - p.refunded)"
                                  " FROM purchases p JOIN accounts a ON a.id = p.account_id"
                                  " WHERE p.business_day >= :f AND p.business_day <= :t GROUP BY a.member_id",
             soci::into(member), soci::into(count), soci::into(paid), soci::use(f), soci::use(t));
        purchases.execute(false);
        while (purchases.fetch()) {
            into[member].purchases += count;
            into[member].sales += paid;
        }

        std::string type;
        long long coins = 0;
        soci::statement lines =
            (db_.sql().prepare << "SELECT a.member_id, e.entry_type, SUM(e.amount) FROM ledger_entries e"
                                  " JOIN accounts a ON a.id = e.account_id"
                                  " WHERE e.bucket = 'coins' AND e.entry_type IN ('points_earned', 'points_redeemed')"
                                  " AND e.business_day >= :f AND e.business_day <= :t GROUP BY a.member_id, e.entry_type",
             soci::into(member), soci::into(type), soci::into(coins), soci::use(f), soci::use(t));
        lines.execute(false);
        while (lines.fetch()) {
            if (type == "points_earned") into[member].coins_earned += coins;
            else into[member].coins_redeemed -= coins;  // redemptions are written negative
        }
    });
}

}  // namespace md

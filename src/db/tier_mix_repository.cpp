#include "db/tier_mix_repository.h"

namespace md {

std::map<std::pair<std::string, std::string>, std::int64_t> TierMixRepository::held_at(const Date& day) {
    return db_.guarded("reading the tiers held at a day", [&] {
        std::map<std::pair<std::string, std::string>, std::int64_t> out;
        const std::string d = format_date(day);
        std::string ladder, tier;
        long long count = 0;
        soci::statement st =
            (db_.sql().prepare << "SELECT h.ladder, h.to_tier, COUNT(*) FROM tier_history h"
                                  " JOIN (SELECT member_id, ladder, MAX(id) AS last_id FROM tier_history"
                                  "       WHERE day <= :d GROUP BY member_id, ladder) l ON l.last_id = h.id"
                                  " WHERE h.to_tier IS NOT NULL GROUP BY h.ladder, h.to_tier",
             soci::into(ladder), soci::into(tier), soci::into(count), soci::use(d));
        st.execute(false);
        while (st.fetch()) out[{ladder, tier}] = count;
        return out;
    });
}

void TierMixRepository::each_tier_held_at(
    const Date& day, const std::function<void(std::int64_t, const std::string&, const std::string&)>& visit) {
    constexpr long long kMembersPerRange = 100000;
    db_.guarded("reading each member's tier at a day", [&] {
        const std::string d = format_date(day);
        long long last = 0;
        soci::indicator none = soci::i_ok;
        db_.sql() << "SELECT MAX(member_id) FROM tier_history", soci::into(last, none);
        if (none != soci::i_ok) return;
        long long low = 0, high = 0, member = 0;
        std::string ladder, tier;
        soci::statement st =
            (db_.sql().prepare << "SELECT h.member_id, h.ladder, h.to_tier FROM tier_history h"
                                  " JOIN (SELECT member_id, ladder, MAX(id) AS last_id FROM tier_history"
                                  "       WHERE day <= :d AND member_id > :low AND member_id <= :high"
                                  "       GROUP BY member_id, ladder) l ON l.last_id = h.id"
                                  " WHERE h.to_tier IS NOT NULL",
             soci::into(member), soci::into(ladder), soci::into(tier), soci::use(d), soci::use(low), soci::use(high));
        for (low = 0; low < last; low += kMembersPerRange) {
            high = low + kMembersPerRange;
            st.execute(false);
            while (st.fetch()) visit(member, ladder, tier);
        }
    });
}

std::map<std::pair<std::string, std::string>, TierMixRepository::Moves> TierMixRepository::moves(const Date& from,
                                                                                                  const Date& to) {
    return db_.guarded("reading the tier moves of a period", [&] {
        std::map<std::pair<std::string, std::string>, Moves> out;
        const std::string f = format_date(from), t = format_date(to);
        std::string ladder, tier;
        long long count = 0;
        soci::indicator ind = soci::i_ok;
        soci::statement in = (db_.sql().prepare << "SELECT ladder, to_tier, COUNT(*) FROM tier_history"
                                                   " WHERE day >= :f AND day <= :t AND to_tier IS NOT NULL GROUP BY ladder, to_tier",
                              soci::into(ladder), soci::into(tier, ind), soci::into(count), soci::use(f), soci::use(t));
        in.execute(false);
        while (in.fetch()) out[{ladder, tier}].in = count;
        soci::statement gone = (db_.sql().prepare << "SELECT ladder, from_tier, COUNT(*) FROM tier_history"
                                                     " WHERE day >= :f AND day <= :t AND from_tier IS NOT NULL GROUP BY ladder, from_tier",
                                soci::into(ladder), soci::into(tier, ind), soci::into(count), soci::use(f), soci::use(t));
        gone.execute(false);
        while (gone.fetch()) out[{ladder, tier}].out = count;
        return out;
    });
}

}  // namespace md

#include "db/liability_repository.h"

#include "db/stored_dates.h"

namespace md {

std::map<std::string, std::int64_t> LiabilityRepository::balances_at(const Date& day) {
    return db_.guarded("reading the balances at a day", [&] {
        std::map<std::string, std::int64_t> out;
        const std::string d = format_date(day);
        std::string bucket;
        long long sum = 0;
        soci::statement st = (db_.sql().prepare << "SELECT bucket, SUM(amount) FROM ledger_entries WHERE business_day <= :d"
                                                   " GROUP BY bucket",
                              soci::into(bucket), soci::into(sum), soci::use(d));
        st.execute(false);
        while (st.fetch()) out[bucket] = sum;
        return out;
    });
}

std::vector<LedgerMovement> LiabilityRepository::movements(const Date& from, const Date& to) {
    return db_.guarded("reading the movements of a period", [&] {
        std::vector<LedgerMovement> out;
        const std::string f = format_date(from), t = format_date(to);
        LedgerMovement m;
        long long sum = 0;
        soci::statement st = (db_.sql().prepare << "SELECT entry_type, bucket, SUM(amount) FROM ledger_entries"
                                                   " WHERE business_day >= :f AND business_day <= :t"
                                                   " GROUP BY entry_type, bucket ORDER BY entry_type, bucket",
                              soci::into(m.entry_type), soci::into(m.bucket), soci::into(sum), soci::use(f), soci::use(t));
        st.execute(false);
        while (st.fetch()) {
            m.amount = sum;
            out.push_back(m);
        }
        return out;
    });
}

void LiabilityRepository::each_account_value(const Date& day,
                                             const std::function<void(std::int64_t, const Date&)>& visit) {
    db_.guarded("reading each account's stored value at a day", [&] {
        const std::string d = format_date(day);
        long long value = 0;
        std::string last;
        soci::statement st =
            (db_.sql().prepare << "SELECT SUM(amount), MAX(business_day) FROM ledger_entries"
                                  " WHERE business_day <= :d AND bucket IN ('principal', 'bonus', 'compensation')"
                                  " GROUP BY account_id HAVING SUM(amount) <> 0",
             soci::into(value), soci::into(last), soci::use(d));
        st.execute(false);
        while (st.fetch()) visit(value, stored_date(last, "business_day"));
    });
}

}  // namespace md

#include "db/liability_repository.h"

#include "db/stored_dates.h"

namespace md {

LiabilityRepository::Balances LiabilityRepository::balances_at(const Date& opening_day, const Date& closing_day) {
    return db_.guarded("reading the balances at a day", [&] {
        Balances out;
        const std::string o = format_date(opening_day), c = format_date(closing_day);
        std::string bucket;
        long long opening = 0, closing = 0;
        soci::statement st =
            (db_.sql().prepare << "SELECT bucket, SUM(CASE WHEN business_day <= :o THEN amount ELSE 0 END),"
                                  " SUM(CASE WHEN business_day <= :c THEN amount ELSE 0 END) FROM ledger_entries GROUP BY bucket",
             soci::into(bucket), soci::into(opening), soci::into(closing), soci::use(o), soci::use(c));
        st.execute(false);
        while (st.fetch()) {
            out.opening[bucket] = opening;
            out.closing[bucket] = closing;
        }
        return out;
    });
}

std::map<std::string, std::int64_t> LiabilityRepository::entry_totals() {
    return db_.guarded("adding up the ledger", [&] {
        std::map<std::string, std::int64_t> out;
        std::string bucket;
        long long sum = 0;
        soci::statement st = (db_.sql().prepare << "SELECT bucket, SUM(amount) FROM ledger_entries GROUP BY bucket",
                              soci::into(bucket), soci::into(sum));
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

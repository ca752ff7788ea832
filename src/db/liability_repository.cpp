#include "db/liability_repository.h"

#include "db/ledger_scan.h"

#include <vector>

namespace md {
namespace {

// Ids per query: a range of the primary key, read in bulk into vectors of this size.
constexpr long long kIdsPerRange = 100000;

long long max_id(Database& db, const char* table) {
    long long id = 0;
    soci::indicator ind = soci::i_ok;
    db.sql() << "SELECT MAX(id) FROM " << table, soci::into(id, ind);
    return ind == soci::i_ok ? id : 0;
}

// SQLite: the whole table in one statement, through the C API (db/ledger_scan.h says why).
void each_sqlite_line(Database& db, const Date& day, const std::function<void(const LiabilityLine&)>& visit,
                      const std::function<void(std::int64_t)>& read) {
    SqliteScan scan(db, "SELECT account_id, entry_type, bucket, amount, business_day FROM ledger_entries");
    LedgerCodes parse;
    LiabilityLine line;
    std::int64_t lines = 0;
    while (scan.next()) {
        line.business_day = parse.days(scan.text(4));
        if (++lines % kIdsPerRange == 0 && read) read(lines);
        if (line.business_day > day) continue;
        line.account_id = scan.integer(0);
        line.entry_type = parse.types(scan.text(1));
        line.bucket = parse.buckets(scan.text(2));
        line.amount = scan.integer(3);
        visit(line);
    }
    if (read) read(lines);
}

}  // namespace

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

void LiabilityRepository::each_line_through(const Date& day, const std::function<void(const LiabilityLine&)>& visit,
                                            const std::function<void(std::int64_t)>& read) {
    db_.guarded("reading the ledger entries to a day", [&] {
        if (db_.backend() == Backend::Sqlite) return each_sqlite_line(db_, day, visit, read);
        // PostgreSQL: ranges of ids, so libpq never holds more than one range's rows.
        const long long last = max_id(db_, "ledger_entries");
        LedgerCodes parse;
        std::vector<long long> accounts(kIdsPerRange), amounts(kIdsPerRange);
        std::vector<std::string> type_codes(kIdsPerRange), bucket_codes(kIdsPerRange), business_days(kIdsPerRange);
        long long low = 0, high = 0;
        soci::statement st = (db_.sql().prepare << "SELECT account_id, entry_type, bucket, amount, business_day"
                                                   " FROM ledger_entries WHERE id > :low AND id <= :high",
                              soci::into(accounts), soci::into(type_codes), soci::into(bucket_codes), soci::into(amounts),
                              soci::into(business_days), soci::use(low), soci::use(high));
        std::int64_t lines = 0;
        LiabilityLine line;
        for (low = 0; low < last; low += kIdsPerRange) {
            high = low + kIdsPerRange;
            // Bulk fetches shrink the vectors to the rows they got; each range starts full size.
            accounts.resize(kIdsPerRange);
            type_codes.resize(kIdsPerRange);
            bucket_codes.resize(kIdsPerRange);
            amounts.resize(kIdsPerRange);
            business_days.resize(kIdsPerRange);
            // execute(true) fetches the first batch; fetch() the next, false when none is left.
            for (bool more = st.execute(true); more; more = st.fetch()) {
                for (std::size_t i = 0; i < accounts.size(); ++i) {
                    line.account_id = accounts[i];
                    line.entry_type = parse.types(type_codes[i]);
                    line.bucket = parse.buckets(bucket_codes[i]);
                    line.amount = amounts[i];
                    line.business_day = parse.days(business_days[i]);
                    // Filtered here, not in SQL: a condition on the day would tempt the planner into
                    // the day index and a lookup per row, where the id range is read in order.
                    if (line.business_day <= day) visit(line);
                }
                lines += static_cast<std::int64_t>(accounts.size());
            }
            if (read) read(lines);
        }
    });
}

void LiabilityRepository::each_account_member(const std::function<void(std::int64_t, std::int64_t)>& visit) {
    db_.guarded("reading which member each account belongs to", [&] {
        const long long last = max_id(db_, "accounts");
        std::vector<long long> ids(kIdsPerRange), members(kIdsPerRange);
        long long low = 0, high = 0;
        soci::statement st = (db_.sql().prepare << "SELECT id, member_id FROM accounts WHERE id > :low AND id <= :high",
                              soci::into(ids), soci::into(members), soci::use(low), soci::use(high));
        for (low = 0; low < last; low += kIdsPerRange) {
            high = low + kIdsPerRange;
            ids.resize(kIdsPerRange);
            members.resize(kIdsPerRange);
            for (bool more = st.execute(true); more; more = st.fetch())
                for (std::size_t i = 0; i < ids.size(); ++i) visit(ids[i], members[i]);
        }
    });
}

}  // namespace md

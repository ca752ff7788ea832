#include "db/liability_repository.h"

#include "db/stored_dates.h"

#include <memory>
#include <soci/sqlite3/soci-sqlite3.h>
#include <string_view>
#include <unordered_map>
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

using namespace sqlite_api;  // where SOCI's header puts the SQLite C API

struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

// The same few codes and days come back millions of times: each is parsed once.
template <class T>
class Memo {
public:
    explicit Memo(std::function<T(const std::string&)> parse) : parse_(std::move(parse)) {}
    const T& operator()(std::string_view text) {
        if (last_ != seen_.end() && last_->first == text) return last_->second;  // runs of the same code
        last_ = seen_.find(text);
        if (last_ == seen_.end()) {
            std::string key(text);
            T value = parse_(key);
            last_ = seen_.emplace(std::move(key), std::move(value)).first;
        }
        return last_->second;
    }

private:
    std::function<T(const std::string&)> parse_;
    std::unordered_map<std::string, T, TextHash, std::equal_to<>> seen_;
    typename std::unordered_map<std::string, T, TextHash, std::equal_to<>>::iterator last_ = seen_.end();
};

struct LineParsers {
    Memo<EntryType> types{[](const std::string& code) { return parse_entry_type(code, "entry_type"); }};
    Memo<Bucket> buckets{[](const std::string& code) { return parse_bucket(code, "bucket"); }};
    Memo<Date> days{[](const std::string& text) { return stored_date(text, "business_day"); }};
};

std::string_view column_text(sqlite3_stmt* st, int column) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st, column));
    return text ? std::string_view(text, static_cast<std::size_t>(sqlite3_column_bytes(st, column))) : std::string_view();
}

// SQLite: the whole table in one statement, straight through the C API. SOCI's bulk fetch copies
// every cell into a buffer of its own (a malloc per cell, four times slower than the scan itself),
// and its row-by-row fetch costs about as much; this keeps the pass near the sqlite3 shell's speed.
void each_sqlite_line(Database& db, const Date& day, const std::function<void(const LiabilityLine&)>& visit,
                      const std::function<void(std::int64_t)>& read) {
    sqlite3* handle = static_cast<soci::sqlite3_session_backend*>(db.sql().get_backend())->conn_;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(handle, "SELECT account_id, entry_type, bucket, amount, business_day FROM ledger_entries", -1, &st,
                           nullptr) != SQLITE_OK)
        throw soci::soci_error(sqlite3_errmsg(handle));
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> finalize(st, sqlite3_finalize);
    LineParsers parse;
    LiabilityLine line;
    std::int64_t lines = 0;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        line.business_day = parse.days(column_text(st, 4));
        if (++lines % kIdsPerRange == 0 && read) read(lines);
        if (line.business_day > day) continue;
        line.account_id = sqlite3_column_int64(st, 0);
        line.entry_type = parse.types(column_text(st, 1));
        line.bucket = parse.buckets(column_text(st, 2));
        line.amount = sqlite3_column_int64(st, 3);
        visit(line);
    }
    if (rc != SQLITE_DONE) throw soci::soci_error(sqlite3_errmsg(handle));
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
        LineParsers parse;
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
            if (!st.execute(true)) {
                if (read) read(lines);
                continue;
            }
            do {
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
            } while (st.fetch());
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
            if (!st.execute(true)) continue;
            do {
                for (std::size_t i = 0; i < ids.size(); ++i) visit(ids[i], members[i]);
            } while (st.fetch());
        }
    });
}

}  // namespace md

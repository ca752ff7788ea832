#pragma once
// Reading millions of ledger lines fast (the liability and breakage reports), for repositories
// only. SOCI copies every cell into a buffer of its own (a malloc per cell in its bulk fetch, four
// times slower than SQLite's scan itself), so on SQLite the big reads step a statement through
// the C API instead (SqliteScan); and the same few codes and days come back millions of times, so
// each text is parsed once (Memo, LedgerCodes). PostgreSQL reads keep to SOCI.
#include "db/database.h"
#include "db/stored_dates.h"
#include "models/ledger.h"
#include "models/timestamps.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sqlite_api { struct sqlite3_stmt; }

namespace md {

// text → parse(text), remembered; a run of the same text costs one comparison.
template <class T>
class Memo {
public:
    explicit Memo(std::function<T(const std::string&)> parse) : parse_(std::move(parse)) {}
    const T& operator()(std::string_view text) {
        if (last_ != seen_.end() && last_->first == text) return last_->second;
        last_ = seen_.find(text);
        if (last_ == seen_.end()) {
            std::string key(text);
            T value = parse_(key);
            last_ = seen_.emplace(std::move(key), std::move(value)).first;
        }
        return last_->second;
    }

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
    };
    using Map = std::unordered_map<std::string, T, Hash, std::equal_to<>>;
    std::function<T(const std::string&)> parse_;
    Map seen_;
    typename Map::iterator last_ = seen_.end();
};

// The ledger's stored texts: entry type and bucket codes, and business days.
struct LedgerCodes {
    Memo<EntryType> types{[](const std::string& code) { return parse_entry_type(code, "entry_type"); }};
    Memo<Bucket> buckets{[](const std::string& code) { return parse_bucket(code, "bucket"); }};
    Memo<Date> days{[](const std::string& text) { return stored_date(text, "business_day"); }};
};

// One SELECT on a SQLite database, stepped through the C API on the session's own connection (so
// inside its transaction). Parameters are bound as text, in order. Errors throw soci_error, which
// Database::guarded turns into a StorageError like any other.
class SqliteScan {
public:
    SqliteScan(Database& db, const std::string& sql, const std::vector<std::string>& parameters = {});
    ~SqliteScan();
    SqliteScan(const SqliteScan&) = delete;
    SqliteScan& operator=(const SqliteScan&) = delete;

    bool next();  // false after the last row
    std::int64_t integer(int column) const;
    bool is_null(int column) const;
    std::string_view text(int column) const;  // valid until next()

private:
    sqlite_api::sqlite3_stmt* st_ = nullptr;
    Database& db_;
};

}  // namespace md

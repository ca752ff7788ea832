#include "db/ledger_scan.h"

#include "db/sqlite_handle.h"

namespace md {
namespace {

using namespace sqlite_api;  // where SOCI's header puts the SQLite C API


}  // namespace

SqliteScan::SqliteScan(Database& db, const std::string& sql, const std::vector<std::string>& parameters) : db_(db) {
    sqlite3* handle = sqlite_handle(db_);
    if (sqlite3_prepare_v2(handle, sql.c_str(), -1, &st_, nullptr) != SQLITE_OK) throw soci::soci_error(sqlite3_errmsg(handle));
    for (std::size_t i = 0; i < parameters.size(); ++i)
        if (sqlite3_bind_text(st_, static_cast<int>(i + 1), parameters[i].c_str(), -1, SQLITE_TRANSIENT) != SQLITE_OK) {
            const std::string message = sqlite3_errmsg(handle);
            sqlite3_finalize(st_);
            throw soci::soci_error(message);
        }
}

SqliteScan::~SqliteScan() { sqlite3_finalize(st_); }

bool SqliteScan::next() {
    const int rc = sqlite3_step(st_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw soci::soci_error(sqlite3_errmsg(sqlite_handle(db_)));
}

std::int64_t SqliteScan::integer(int column) const { return sqlite3_column_int64(st_, column); }

bool SqliteScan::is_null(int column) const { return sqlite3_column_type(st_, column) == SQLITE_NULL; }

std::string_view SqliteScan::text(int column) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st_, column));
    return text ? std::string_view(text, static_cast<std::size_t>(sqlite3_column_bytes(st_, column))) : std::string_view();
}

}  // namespace md

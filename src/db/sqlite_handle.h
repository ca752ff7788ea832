#pragma once
// The SQLite C handle under an open SQLite Database, for the few things SOCI does not offer
// (a statement stepped row by row, the online backup API). Only for a Database whose backend is SQLite.
#include "db/database.h"

#include <soci/sqlite3/soci-sqlite3.h>

namespace md {

inline sqlite_api::sqlite3* sqlite_handle(Database& db) {
    return static_cast<soci::sqlite3_session_backend*>(db.sql().get_backend())->conn_;
}

}  // namespace md

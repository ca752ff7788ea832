#pragma once
// Numbered schema migrations, one transaction each, recorded in schema_version.
// The logical schema is the same on both backends; only type spellings differ.
#include "db/database.h"

namespace md {

int latest_schema_version();

// 0 when the database is empty (no schema_version table yet).
int schema_version(Database& db);

// Applies every migration above the current version up to `target` (default: latest).
// A database newer than this program is refused with StorageError naming both versions.
void migrate(Database& db, int target = 0);

// Throws StorageError unless the schema is exactly the latest (an older one asks for `db migrate`).
void require_current_schema(Database& db);

}  // namespace md

#pragma once
// Connection settings for a long bulk load on this connection only (the demo generator):
// nothing about durability changes, only where SQLite keeps its working pages.
#include "db/database.h"

namespace md {

// SQLite: savepoint journals and temporary tables in memory instead of temporary files (a
// batch of calls, each a savepoint, otherwise writes every page it touches twice), and a page
// cache of 256 MB, so a batch's pages stay in memory until it commits. PostgreSQL: nothing.
void tune_for_bulk_load(Database& db);

}  // namespace md

#include "db/bulk_load.h"

namespace md {

void tune_for_bulk_load(Database& db) {
    if (db.backend() != Backend::Sqlite) return;
    db.guarded("tuning the connection for a bulk load", [&] {
        db.sql() << "PRAGMA temp_store = MEMORY";
        db.sql() << "PRAGMA cache_size = -262144";
    });
}

}  // namespace md

#pragma once
// Appends to and reads the audit trail. Append-only: there is no update or delete here.
#include "db/database.h"
#include "models/audit.h"

#include <vector>

namespace md {

class AuditRepository {
public:
    explicit AuditRepository(Database& db) : db_(db) {}
    std::int64_t append(const AuditRecord& record);
    // Newest first. Date bounds are UTC instants already converted from business days.
    std::vector<AuditRecord> list(const AuditFilter& filter, const std::optional<Instant>& from_utc,
                                  const std::optional<Instant>& to_utc_exclusive);

private:
    Database& db_;
};

}  // namespace md

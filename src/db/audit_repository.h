#pragma once
// Appends to and reads the audit trail. Append-only: there is no update or delete here.
#include "db/database.h"
#include "models/audit.h"

#include <functional>
#include <vector>

namespace md {

// Where the audit trail's hash chain (services/audit_chain) stands: records from first_id on are
// chained; last_id and hash are the newest record's (0 and "" before the first).
struct AuditChainHead {
    std::int64_t first_id = 1;
    std::int64_t last_id = 0;
    std::string hash;
};

// A record as stored, with its links; has_hash is false for a record written before the chain.
struct StoredAuditRecord {
    AuditRecord record;
    std::string prev_hash;
    std::string hash;
    bool has_hash = false;
};

class AuditRepository {
public:
    explicit AuditRepository(Database& db) : db_(db) {}
    // The head, held until the caller's transaction ends, so appends from several consoles queue
    // and the chain never forks (PostgreSQL: a row lock; SQLite: its one writer at a time).
    AuditChainHead lock_chain_head();
    AuditChainHead chain_head();
    // Appends the record with its links and moves the head to it. Call inside the transaction
    // that locked the head.
    std::int64_t append(const AuditRecord& record, const std::string& prev_hash, const std::string& hash);
    // Whether the chain exists yet (a database before migration 18 has no audit_chain), and the
    // append for such a database: the record without links.
    bool has_chain();
    std::int64_t append_unchained(const AuditRecord& record);
    // Every record from first_id on, oldest first.
    void for_each_from(std::int64_t first_id, const std::function<void(const StoredAuditRecord&)>& each);
    long long count_before(std::int64_t id);
    // Newest first. Date bounds are UTC instants already converted from business days.
    std::vector<AuditRecord> list(const AuditFilter& filter, const std::optional<Instant>& from_utc,
                                  const std::optional<Instant>& to_utc_exclusive);

private:
    // prev_hash and hash null: the record without links (append_unchained).
    std::int64_t insert(const AuditRecord& record, const std::string* prev_hash, const std::string* hash);
    Database& db_;
};

}  // namespace md

#pragma once
// The database side of a member import: what already exists (to report duplicates before
// anything is written), batched inserts, and the column mappings saved per source system.
#include "db/database.h"
#include "models/member.h"

#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace md {

class MemberImportRepository {
public:
    explicit MemberImportRepository(Database& db) : db_(db) {}

    // Keys of every member, loaded once per import: a million lookups in a hash set are
    // faster than a million queries.
    std::unordered_map<std::string, std::string> mobiles();  // E.164 → member number
    std::unordered_map<std::string, std::string> emails();   // lower-case e-mail → member number
    std::unordered_set<std::string> numbers();
    std::int64_t max_id();

    // Inserts the batch (numbers given); referrers are set afterwards by set_referrers.
    void insert(const std::vector<Member>& batch);
    // One registration line for every member inserted after `after_id` by this import.
    void add_registrations(std::int64_t after_id, const std::string& actor, const std::string& at,
                           const std::string& reason);
    void set_referrers(const std::vector<std::pair<std::string, std::string>>& member_and_referrer);

    // For a large import into SQLite: drops the indexes of `members` (the CREATE statements
    // are returned, to rebuild them after the inserts) when `rows` is large and more than the
    // table holds. Rebuilding an index sorts once; keeping it updates a B-tree per row and
    // per index, which at a million rows is most of the import. Not on PostgreSQL: dropping
    // an index there locks the table against readers until the import commits.
    std::vector<std::string> suspend_indexes_for(long long rows);
    void rebuild_indexes(const std::vector<std::string>& create_statements);

    std::optional<std::string> mapping(const std::string& source);  // JSON text
    void save_mapping(const std::string& source, const std::string& json, const std::string& by, const Instant& at);

private:
    Database& db_;
};

}  // namespace md

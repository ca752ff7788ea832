#pragma once
// Change requests, their decisions, the approval rules, and the approved item versions.
#include "db/database.h"
#include "models/change_request.h"

#include <optional>
#include <vector>

namespace md {

struct ConfigVersion {
    ChangeKind kind = ChangeKind::Ladder;
    std::string item_key;
    int version = 0;
    Date effective_from;
    std::optional<std::string> body;  // none: the item was retired from this date
    std::int64_t change_id = 0;
    Instant approved_at;
};

struct ChangeQuery {
    std::optional<ChangeStatus> status;
    std::optional<std::string> created_by;
    int limit = 500;
};

class ChangeRepository {
public:
    explicit ChangeRepository(Database& db) : db_(db) {}

    std::int64_t insert(const ChangeRequest& request);
    std::optional<ChangeRequest> find(std::int64_t id);
    std::vector<ChangeRequest> list(const ChangeQuery& query);
    // Status and timestamps, guarded by the version the caller read; false if it moved on.
    bool update_status_if_version(const ChangeRequest& request, const std::optional<Instant>& decided_at);
    void add_decision(std::int64_t change_id, const ChangeDecision& decision);
    // The what-if result stored with a request (derived data: it is worked out again, never edited).
    void set_simulation(std::int64_t change_id, const std::string& json);
    std::optional<std::string> simulation(std::int64_t change_id);

    std::vector<ApprovalRule> approval_rules();
    ApprovalRule approval_rule(ChangeKind kind);
    void save_approval_rule(const ApprovalRule& rule, const std::string& updated_by);

    // Item versions.
    int latest_version(ChangeKind kind, const std::string& key);
    void insert_version(const ConfigVersion& version);
    // For each item of `kind` (or every kind), the highest version whose effective date is
    // on or before `as_of`. Retired items are included with an empty body.
    std::vector<ConfigVersion> in_force(const Date& as_of, std::optional<ChangeKind> kind = std::nullopt);
    std::vector<ConfigVersion> history(ChangeKind kind, const std::string& key);

private:
    std::vector<ChangeDecision> decisions(std::int64_t change_id);
    std::vector<ChangeRequest> select(const std::string& where, std::vector<std::string> params, int limit);
    std::vector<ConfigVersion> select_versions(const std::string& where, const std::vector<std::string>& params);
    Database& db_;
};

}  // namespace md

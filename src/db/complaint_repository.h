#pragma once
// Complaint tickets, their timelines and compensation. Instants here are UTC, as stored; the
// service turns them into business time for the deadline clocks. Writes join the caller's
// transaction; a save names the version it read and fails (false) when someone saved in between.
#include "db/database.h"
#include "models/complaint.h"
#include "models/money.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace md {

struct ComplaintRow {
    Complaint ticket;  // opened_at and closed_at in UTC here
    std::optional<Instant> responded_at;  // the first answer: the first move past new and assigned
    std::optional<Instant> resolved_at;
    int version = 1;
    std::string member_number;
    std::string member_name;
    std::string linked_number;  // the earlier ticket this one repeats, if linked
};

struct ComplaintEvent {
    Instant at;
    std::string actor;
    std::string kind;  // "opened", "assigned", "status", "note", "compensation", "breach" (text: the clock)
    std::optional<ComplaintStatus> from, to;
    std::string text;
};

struct CompensationRow {
    std::int64_t id = 0;
    std::int64_t complaint_id = 0;
    std::string kind;  // "coins", "stored_value", "benefit"
    std::int64_t coins = 0;
    Money amount;
    std::string benefit;
    std::string reason;
    std::string state;  // "paid", "pending", "rejected"
    std::string granted_by;
    Instant granted_at;
    std::string decided_by;
    std::optional<Instant> decided_at;
    std::string comment;
    std::optional<std::int64_t> txn_id;
};

struct ComplaintFilter {
    std::optional<std::string> owner;           // "" = unassigned
    std::optional<std::int64_t> member_id;
    bool open_only = true;                      // not closed
    std::optional<Instant> opened_since, opened_before;  // UTC: opened_at in [since, before)
    int limit = 500;                            // 0: every ticket
};

// Compensation granted in a period, added up by its state now ("paid", "pending", "rejected").
struct CompensationTotal {
    std::string state;
    std::int64_t grants = 0;
    std::int64_t coins = 0;
    Money amount;
};

class ComplaintRepository {
public:
    explicit ComplaintRepository(Database& db) : db_(db) {}

    // Inserts the ticket; its number is made from the year and the row id ("C2026-000042").
    ComplaintRow add(const Complaint& ticket, const std::string& actor, const Instant& at);
    std::optional<ComplaintRow> by_number(const std::string& number);
    std::optional<ComplaintRow> by_id(std::int64_t id);
    // Saves every changing field if the stored version is still `row.version` (then +1).
    bool save(const ComplaintRow& row, const std::string& actor, const Instant& at);
    std::vector<ComplaintRow> list(const ComplaintFilter& filter);
    // The member's tickets of the category opened at or after `since` (UTC), newest first.
    std::vector<ComplaintRow> recent(std::int64_t member_id, ComplaintCategory category, const Instant& since);

    void add_event(std::int64_t complaint_id, const ComplaintEvent& event);
    std::vector<ComplaintEvent> events(std::int64_t complaint_id);
    // The timelines of many tickets in one read: ticket id → its events, oldest first.
    std::map<std::int64_t, std::vector<ComplaintEvent>> events_of(const std::vector<std::int64_t>& ids);

    std::int64_t add_compensation(const CompensationRow& c);
    std::optional<CompensationRow> compensation(std::int64_t id);
    std::vector<CompensationRow> compensations(std::int64_t complaint_id);
    std::vector<CompensationRow> pending_compensations();
    void decide_compensation(const CompensationRow& c);
    // Paid or pending (not rejected): on the ticket, and by one user from `since` (UTC).
    std::pair<std::int64_t, Money> granted_on_ticket(std::int64_t complaint_id);
    std::pair<std::int64_t, Money> granted_by_since(const std::string& user, const Instant& since);
    // Grants made in [since, before) (UTC), by state.
    std::vector<CompensationTotal> granted_between(const Instant& since, const Instant& before);

private:
    Database& db_;
};

}  // namespace md

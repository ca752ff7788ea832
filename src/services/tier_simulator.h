#pragma once
// What-if: the last N months of real movements replayed under a draft programme and under the
// rules in force (models/what_if.h gives the replay rules), added up over every member. It only
// reads: a simulation never changes the database.
#include "db/database.h"
#include "services/audit_trail.h"
#include "services/program_service.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace md {

struct MigrationCell {
    std::string ladder;
    std::string from;   // tier under the rules in force at the period's end ("" = none)
    std::string to;     // under the draft
    long long members = 0;
};

struct Mover {
    std::string member;
    std::string ladder;
    std::string from, to;
};

// Tier mix on a ladder: members per tier under each rule set, and shares in basis points of
// the members holding a tier (truncated to 0.01%). A three-tier ladder is compared with the
// programme's 3 : 5 : 2 target.
struct MixRow {
    std::string ladder;
    std::string tier;
    long long current = 0, draft = 0;
    int current_bp = 0, draft_bp = 0;
    int target_bp = -1;  // -1 = no target for this ladder
};

struct Simulation {
    int months = 0;                // as asked
    Date from, to;                 // the replayed period, inclusive
    bool starts_with_data = false; // a request's simulation starts at the first movement when
                                   // the months asked go back further than the data
    long long members = 0;
    std::vector<MigrationCell> matrix;   // every non-empty cell, ladder by ladder, counting the
                                         // members of the types each ladder ranks
    std::vector<Mover> movers;           // members whose end tier differs, in member order
    Money discount_current, discount_draft;
    std::int64_t coins_current = 0, coins_draft = 0;
    Money liability_current, liability_draft;  // coins still valid at the end × coin value
    Money bonus_current, bonus_draft;
    std::vector<MixRow> mix;
};

class TierSimulator {
public:
    TierSimulator(Database& db, Clock clock, ProgramService& program)
        : db_(db), audit_(db, clock), program_(program) {}

    // The draft is a programme file (the `program export` format); its items replace those in
    // force with the same key, everything else stays as it is. Refused: a draft that fails
    // validation, months below 1, a period starting before the first recorded movement.
    Simulation simulate_document(const Actor& actor, const nlohmann::json& draft, int months);
    // The draft a change request would put in force on its effective date.
    Simulation simulate_change(const Actor& actor, std::int64_t change_id, int months);
    Simulation simulate(const Actor& actor, const Program& draft, int months);
    // Works out the simulation a submitted request of a kind that moves money or status (a
    // ladder, the points rule, a recharge bonus) carries to its approvers, over the last 12 months
    // or as much as there is; a failure is stored as {"error": ...}, it never blocks the request.
    void attach_to_change(const Actor& actor, const ChangeRequest& request);

private:
    Simulation run(const Program& current, const Program& draft, int months, const Date& to, bool clamp);
    Database& db_;
    AuditTrail audit_;
    ProgramService& program_;
};

// The approver's view of a simulation, as stored with a change request and printed by the CLI.
// At most `movers_limit` movers are listed; movers_total says how many there are.
nlohmann::ordered_json simulation_json(const Simulation& s, std::size_t movers_limit);

}  // namespace md

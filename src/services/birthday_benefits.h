#pragma once
// The birthday job: birthday campaigns (recurrence "birthday_month") give their coins to each
// member they aim at in the member's birthday month, once per member per campaign and year.
// The run is idempotent: each grant's key is "birthday:<campaign>:<member>:<year>", so running
// the job again in the same month gives nobody anything twice. A preview writes nothing.
#include "services/audit_trail.h"
#include "services/program_service.h"

#include <string>
#include <vector>

namespace md {

struct BirthdayGrant {
    std::string campaign;
    std::string member;
    std::int64_t coins = 0;
    std::int64_t txn = 0;  // 0 in a preview
};

struct BirthdayRun {
    Date as_of;
    bool preview = true;
    std::vector<BirthdayGrant> grants;
    long long already_given = 0;  // members of the month who had theirs this year
};

class BirthdayBenefits {
public:
    BirthdayBenefits(Database& db, Clock clock, ProgramService& program)
        : db_(db), clock_(clock), audit_(db, clock), program_(program) {}

    // Campaigns in force and running today (between their start and end), members born in
    // today's month (29 February counts in February) whom the campaign targets.
    BirthdayRun run(const Actor& actor, bool preview);

private:
    Database& db_;
    Clock clock_;
    AuditTrail audit_;
    ProgramService& program_;
};

}  // namespace md

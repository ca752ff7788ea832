// The tier engine at scale, on a SQLite file prepared once by run_tiers.sh: N members
// (bench/member_fixture, one in ten a group member) under the demo programme's ladders, with
// their qualifying movements (written by the script's SQL, about ten per member). It times
//   recompute: TierService::recompute as of a day, twice: the first run stores every member's
//              tiers (a new ladder version), the second finds nothing to change (a nightly run);
//   simulate:  a 12-month what-if of the Yellow Diamond threshold at 1,200 instead of 1,000.
// Usage: tier_bench prepare DB_FILE MEMBERS | recompute DB_FILE | simulate DB_FILE
#include "bench/member_fixture.h"
#include "services/demo_data.h"
#include "services/program_codec.h"
#include "services/services.h"

#include <chrono>
#include <cstdio>
#include <string>

using namespace md;
using Stopwatch = std::chrono::steady_clock;

namespace {

double seconds_since(Stopwatch::time_point t0) { return std::chrono::duration<double>(Stopwatch::now() - t0).count(); }

// Runs as of the day the movements end, so every bench run sees the same data.
const Instant kNow = parse_instant("2026-11-30 02:00:00");

Actor sign_in(Services& s, const char* user) { return s.auth.sign_in(user, "bench-password"); }

void prepare(Services& services, long long members) {
    services.database_admin.init("bench", "bench-password");
    const Actor admin = sign_in(services, "bench");
    services.users.add(admin, {"bench.marketing", "", "marketing", "bench-password"});
    services.users.add(admin, {"bench.approver", "", "approver", "bench-password"});
    for (const ProgramItem& item : program_items_from_json(nlohmann::json::parse(demo_program_json()))) {
        if (item.kind != ChangeKind::Ladder && item.kind != ChangeKind::Points && item.kind != ChangeKind::Bonus) continue;
        Proposal p;
        p.kind = item.kind;
        p.item = nlohmann::json::parse(item.json);
        p.reason = "bench";
        p.effective_from = services.program.today();
        const ChangeRequest r = services.program.propose(sign_in(services, "bench.marketing"), p);
        services.program.decide(sign_in(services, "bench.approver"), r.id, true, "bench");
    }
    const auto t0 = Stopwatch::now();
    bench::fill_members(services.database(), members);
    std::printf("filled %lld members in %.1f s\n", members, seconds_since(t0));
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s prepare DB MEMBERS | recompute DB | simulate DB\n", argv[0]);
        return 1;
    }
    const std::string mode = argv[1];
    Services services(Database::open(bench::database_url_of(argv[2]), OpenMode::CreateIfMissing), [] { return kNow; });
    if (mode == "prepare") {
        prepare(services, argc > 3 ? std::stoll(argv[3]) : 1000000);
        return 0;
    }
    const Actor marketing = sign_in(services, "bench.marketing");
    const Date today = services.program.today();
    if (mode == "recompute") {
        for (const char* purpose : {"first run: every member's tiers stored", "second run: nothing to change"}) {
            const auto t0 = Stopwatch::now();
            const TierRun run = services.tiers.recompute(marketing, today, purpose);
            std::printf("recompute %.2f s  members %lld, up %lld, down %lld, same %lld  (%s)\n", seconds_since(t0),
                        run.members, run.up, run.down, run.same, purpose);
        }
        return 0;
    }
    if (mode == "simulate") {
        nlohmann::json draft = nlohmann::json::parse(demo_program_json());
        nlohmann::json ladder;
        for (const auto& l : draft["ladders"])
            if (l["code"] == "individual") ladder = l;
        ladder["tiers"][0]["threshold"] = "1200.00";
        const nlohmann::json document = {{"format", "memberdesk-program"}, {"format_version", 1}, {"ladders", {ladder}}};
        const auto t0 = Stopwatch::now();
        const Simulation s = services.simulator.simulate_document(marketing, document, 12);
        std::printf("simulate 12 months %.2f s  members %lld, movers %zu, discount %s → %s\n", seconds_since(t0),
                    s.members, s.movers.size(), s.discount_current.to_string().c_str(),
                    s.discount_draft.to_string().c_str());
        return 0;
    }
    std::fprintf(stderr, "unknown mode %s\n", mode.c_str());
    return 1;
}

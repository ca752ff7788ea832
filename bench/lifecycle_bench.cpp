// The lifecycle job at scale: fills a SQLite file with N members once (bench/member_fixture),
// configures 90 / 365 days through the approval workflow, then times LifecycleService::preview
// on it and LifecycleService::run on a fresh copy (every member still "registered"), and writes
// the same work as SQL for the sqlite3 shell, so run_lifecycle.sh can time the raw database.
//
// Usage: lifecycle_bench DB_FILE [MEMBERS]    (the run works on DB_FILE.run, a copy)
//        lifecycle_bench prepare DB_FILE MEMBERS   (the data set only: bench/lib/dataset.sh)
#include "bench/member_fixture.h"
#include "services/services.h"

#include <chrono>
#include <cstdio>
#include <filesystem>

using namespace md;
using Stopwatch = std::chrono::steady_clock;

namespace {

double seconds_since(Stopwatch::time_point t0) { return std::chrono::duration<double>(Stopwatch::now() - t0).count(); }

void create(const std::string& path, long long members) {
    Services services(Database::open(sqlite_url(path), OpenMode::CreateIfMissing));
    services.database_admin.init("bench", "bench-password");
    const Actor admin = services.auth.sign_in("bench", "bench-password");
    services.users.add(admin, {"bench.marketing", "", "marketing", "bench-password"});
    services.users.add(admin, {"bench.approver", "", "approver", "bench-password"});
    const auto t0 = Stopwatch::now();
    bench::fill_members(services.database(), members);
    std::printf("filled %lld members in %.1f s\n", members, seconds_since(t0));
    services.database().sql() << "ANALYZE";
    Proposal p;
    p.kind = ChangeKind::Lifecycle;
    p.item = nlohmann::json{{"dormant_after_days", 90}, {"lapsed_after_days", 365}};
    p.reason = "bench";
    p.effective_from = services.program.today();
    const ChangeRequest r = services.program.propose(services.auth.sign_in("bench.marketing", "bench-password"), p);
    services.program.decide(services.auth.sign_in("bench.approver", "bench-password"), r.id, true, "bench");
    services.database().sql() << "PRAGMA wal_checkpoint(TRUNCATE)";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s DB_FILE [MEMBERS]\n", argv[0]);
        return 1;
    }
    if (std::string(argv[1]) == "prepare" && argc > 3) {
        create(argv[2], std::stoll(argv[3]));
        return 0;
    }
    const std::string path = argv[1], copy = path + ".run";
    const long long members = argc > 2 ? std::stoll(argv[2]) : 1000000;
    if (!std::filesystem::exists(path)) create(path, members);
    std::filesystem::copy_file(path, copy, std::filesystem::copy_options::overwrite_existing);
    std::filesystem::remove(copy + "-wal");
    std::filesystem::remove(copy + "-shm");

    {
        Services services(Database::open(sqlite_url(path), OpenMode::ExistingOnly));
        const Actor actor = services.auth.sign_in("bench.marketing", "bench-password");
        const auto t0 = Stopwatch::now();
        const LifecyclePlan plan = services.lifecycle.preview(actor, services.program.today());
        std::printf("preview  %10.1f ms  %lld members, %lld would change\n", seconds_since(t0) * 1000, plan.evaluated,
                    plan.changed());
    }
    Services services(Database::open(sqlite_url(copy), OpenMode::ExistingOnly));
    const Actor actor = services.auth.sign_in("bench.marketing", "bench-password");
    const auto t0 = Stopwatch::now();
    const LifecycleRunResult run = services.lifecycle.run(actor, services.program.today());
    std::printf("run      %10.1f ms  %lld members, %lld changed\n", seconds_since(t0) * 1000, run.plan.evaluated,
                run.plan.changed());
    std::printf("as_of %s\n", format_date(run.plan.as_of).c_str());
    return 0;
}

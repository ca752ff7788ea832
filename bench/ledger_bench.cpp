// Ledger posting at scale: on a database of N members (bench/member_fixture; a SQLite file made
// once, or an empty PostgreSQL database given by URL), 1,000 members are recharged, then
// LedgerService::purchase posts P purchases round-robin over them (each its own transaction: the
// request, a purchase line, a coins line, the purchase record, a coin lot, the balances, the
// activity dates, an audit line) and the rate is printed. One member then gets 10,000 entries,
// and account() + history(50) are timed on it. For SQLite it also writes the same posting work
// as SQL (ledger-posting.sql), so run_ledger.sh can time the sqlite3 shell on the same file.
//
// Usage: ledger_bench DB_FILE|postgresql://... [MEMBERS] [PURCHASES]
//        ledger_bench prepare DB_FILE MEMBERS   (the data set only: bench/lib/dataset.sh)
#include "bench/member_fixture.h"
#include "services/services.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

using namespace md;
using Stopwatch = std::chrono::steady_clock;

namespace {

double seconds_since(Stopwatch::time_point t0) { return std::chrono::duration<double>(Stopwatch::now() - t0).count(); }

std::string number_of(long long i) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "M%08lld", i + 1);
    return buf;
}

void prepare(Services& services, long long members) {
    services.database_admin.init("bench", "bench-password");
    const Actor admin = services.auth.sign_in("bench", "bench-password");
    services.users.add(admin, {"bench.marketing", "", "marketing", "bench-password"});
    services.users.add(admin, {"bench.approver", "", "approver", "bench-password"});
    const auto t0 = Stopwatch::now();
    bench::fill_members(services.database(), members);
    std::printf("filled %lld members in %.1f s\n", members, seconds_since(t0));
    services.database().sql() << "ANALYZE";
    Proposal p;
    p.kind = ChangeKind::Points;
    p.item = nlohmann::json::parse(to_json(PointsRule{}).dump());
    p.reason = "bench";
    p.effective_from = services.program.today();
    const ChangeRequest r = services.program.propose(services.auth.sign_in("bench.marketing", "bench-password"), p);
    services.program.decide(services.auth.sign_in("bench.approver", "bench-password"), r.id, true, "bench");
}

// The posting work of one purchase as plain SQL, as LedgerService does it (SQLite spelling).
void write_shell_script(const std::string& path, long long purchases) {
    std::ofstream sql(path);
    sql << "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;\n";
    for (long long i = 0; i < purchases; ++i) {
        const long long member = 2 + i % 1000;  // members 2..1001, as the service posted them
        const std::string account =
            "(SELECT id FROM accounts WHERE member_id = " + std::to_string(member) + " AND is_open = 1)";
        sql << "BEGIN IMMEDIATE;\n"
               "SELECT id, principal, bonus, compensation, coins FROM accounts WHERE member_id = " << member << " AND is_open = 1;\n"
               "SELECT COUNT(*) FROM ledger_requests WHERE idem_key = 'shell-" << i << "';\n"
               "INSERT INTO ledger_requests (idem_key, kind, request, account_id, business_day, principal_after, bonus_after,"
               " compensation_after, coins_after, package_after, detail, actor, at) VALUES ('shell-" << i << "', 'purchase', '{}', "
            << account << ", '2026-11-30', 0, 0, 0, 0, 0, '{}', 'shell', '2026-11-30 02:00:00');\n"
               "INSERT INTO ledger_entries (request_id, account_id, entry_type, bucket, amount, balance_after, business_day,"
               " reason, actor, at) VALUES (last_insert_rowid(), " << account << ", 'purchase', 'principal', -12345, 1, '2026-11-30', '', 'shell', '2026-11-30 02:00:00');\n"
               "INSERT INTO ledger_entries (request_id, account_id, entry_type, bucket, amount, balance_after, business_day,"
               " reason, actor, at) VALUES ((SELECT MAX(id) FROM ledger_requests), " << account << ", 'points_earned', 'coins', 6, 6, '2026-11-30', '', 'shell', '2026-11-30 02:00:00');\n"
               "UPDATE accounts SET principal = principal - 12345, coins = coins + 6 WHERE member_id = " << member << " AND is_open = 1;\n"
               "INSERT INTO purchases (request_id, account_id, business_day, kind, channel, store, list_price, discount_bp,"
               " paid_principal, paid_bonus, paid_compensation, paid_other, coins_earned) VALUES ((SELECT MAX(id) FROM ledger_requests), "
            << account << ", '2026-11-30', 'goods', 'store', '', 12345, 10000, 12345, 0, 0, 0, 6);\n"
               "INSERT INTO coin_lots (account_id, entry_id, earned_on, expires_on, coins, remaining) VALUES ("
            << account << ", (SELECT MAX(id) FROM ledger_entries), '2026-11-30', NULL, 6, 6);\n"
               "UPDATE members SET last_activity_on = '2026-11-30' WHERE id = " << member << ";\n"
               "INSERT INTO audit_log (at, actor, action, entity, entity_id, outcome, before_value, after_value, detail)"
               " VALUES ('2026-11-30 02:00:00', 'shell', 'txn.purchase', 'member', 'M', 'ok', '{}', '{}', '');\n"
               "COMMIT;\n";
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s DB_FILE|postgresql://... [MEMBERS] [PURCHASES]\n", argv[0]);
        return 1;
    }
    if (std::string(argv[1]) == "prepare" && argc > 3) {
        Services services(Database::open(sqlite_url(argv[2]), OpenMode::CreateIfMissing));
        prepare(services, std::stoll(argv[3]));
        return 0;
    }
    const std::string target = argv[1];
    const long long members = argc > 2 ? std::stoll(argv[2]) : 1000000;
    const long long purchases = argc > 3 ? std::stoll(argv[3]) : 20000;
    const bool sqlite = target.rfind("postgresql://", 0) != 0;
    const std::string url = sqlite ? sqlite_url(target) : target;
    const bool fresh = !sqlite || !std::filesystem::exists(target);
    Services services(Database::open(url, OpenMode::CreateIfMissing));
    if (fresh) prepare(services, members);
    const Actor desk = services.auth.sign_in("bench", "bench-password");

    // 1,000 members with money to spend (numbers M00000002..M00001001; M00000001 is the hot one).
    for (long long i = 1; i <= 1000; ++i)
        services.ledger.recharge(desk, {number_of(i), Money::from_yuan(1000000), ""});
    services.ledger.recharge(desk, {number_of(0), Money::from_yuan(10000000), ""});

    auto t0 = Stopwatch::now();
    for (long long i = 0; i < purchases; ++i) {
        PurchaseRequest r;
        r.member = number_of(1 + i % 1000);
        r.list_price = Money::from_fen(12345);
        services.ledger.purchase(desk, r);
    }
    const double posting = seconds_since(t0);
    std::printf("purchases %lld in %.2f s = %.0f per second (%.1f us each)\n", purchases, posting, purchases / posting,
                posting / purchases * 1e6);

    // A member with 10,000 entries: 5,000 purchases, each a purchase line and a coins line.
    for (int i = 0; i < 5000; ++i) {
        PurchaseRequest r;
        r.member = number_of(0);
        r.list_price = Money::from_fen(12345);
        services.ledger.purchase(desk, r);
    }
    std::vector<double> samples;
    for (int i = 0; i < 200; ++i) {
        t0 = Stopwatch::now();
        const AccountView v = services.ledger.account(desk, number_of(0));
        const auto lines = services.ledger.history(desk, number_of(0), 50);
        samples.push_back(seconds_since(t0) * 1000);
        if (v.entries < 10000 || lines.size() != 50) std::fprintf(stderr, "unexpected account: %lld entries\n", v.entries);
    }
    std::sort(samples.begin(), samples.end());
    std::printf("account+history(50) of a member with 10,001 entries: p50 %.2f ms, p99 %.2f ms\n",
                samples[samples.size() / 2], samples[samples.size() * 99 / 100]);
    t0 = Stopwatch::now();
    const auto all = services.ledger.history(desk, number_of(0), 10000);
    std::printf("history(10,000 lines) %.1f ms (%zu lines)\n", seconds_since(t0) * 1000, all.size());

    if (sqlite) {
        write_shell_script(target + ".posting.sql", purchases);
        std::printf("shell script %s.posting.sql (%lld purchases)\n", target.c_str(), purchases);
        services.database().sql() << "PRAGMA wal_checkpoint(TRUNCATE)";
    }
    return 0;
}

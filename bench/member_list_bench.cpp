// The member list at scale: count + first page (200 rows) through MemberService for the list's
// usual views, on an existing database of N members, and the same SQL for the sqlite3 shell.
// Usage: member_list_bench DB_FILE SHELL_SQL_OUT USER PASSWORD
#include "services/services.h"

#include <chrono>
#include <cstdio>
#include <fstream>

using namespace md;
using Stopwatch = std::chrono::steady_clock;

int main(int argc, char** argv) {
    if (argc < 5) {
        std::fprintf(stderr, "usage: %s DB_FILE SHELL_SQL_OUT USER PASSWORD\n", argv[0]);
        return 1;
    }
    Services services(Database::open(sqlite_url(argv[1]), OpenMode::ExistingOnly));
    const Actor actor = services.auth.sign_in(argv[3], argv[4]);
    struct View {
        const char* name;
        MemberListQuery query;
        long long offset;
        const char* sql;  // what the repository runs, for the shell
    };
    MemberListQuery by_name;
    by_name.sort = MemberSort::Name;
    MemberListQuery dormant_by_name;
    dormant_by_name.state = LifecycleState::Registered;
    dormant_by_name.sort = MemberSort::Name;
    MemberListQuery store;
    store.home_store = "上海静安店";
    MemberListQuery tag;
    tag.tag = "vip";
    const std::string cols = "SELECT * FROM members m";
    const View views[] = {
        {"all, by number", {}, 0, "SELECT COUNT(*) FROM members m; SELECT * FROM members m ORDER BY m.number LIMIT 200 OFFSET 0;"},
        {"all, by name", by_name, 0, "SELECT COUNT(*) FROM members m; SELECT * FROM members m ORDER BY m.name_pinyin, m.number LIMIT 200 OFFSET 0;"},
        {"all, row 500000", {}, 500000, "SELECT COUNT(*) FROM members m; SELECT * FROM members m ORDER BY m.number LIMIT 200 OFFSET 500000;"},
        {"state, by name", dormant_by_name, 0, "SELECT COUNT(*) FROM members m WHERE m.state = 'registered'; SELECT * FROM members m WHERE m.state = 'registered' ORDER BY m.name_pinyin, m.number LIMIT 200 OFFSET 0;"},
        {"store", store, 0, "SELECT COUNT(*) FROM members m WHERE m.home_store = '上海静安店'; SELECT * FROM members m WHERE m.home_store = '上海静安店' ORDER BY m.number LIMIT 200 OFFSET 0;"},
        {"tag", tag, 0, "SELECT COUNT(*) FROM members m WHERE m.tags LIKE '%,vip,%'; SELECT * FROM members m WHERE m.tags LIKE '%,vip,%' ORDER BY m.number LIMIT 200 OFFSET 0;"},
    };
    std::ofstream sql(argv[2]);
    std::printf("%-18s %10s %10s\n", "view", "ms", "rows");
    for (const View& v : views) {
        const auto t0 = Stopwatch::now();
        const long long n = services.members.count(actor, v.query);
        const auto page = services.members.list(actor, v.query, v.offset, 200);
        const double ms = std::chrono::duration<double, std::milli>(Stopwatch::now() - t0).count();
        std::printf("%-18s %10.1f %10lld\n", v.name, ms, n);
        sql << "-- view: " << v.name << "\n" << v.sql << "\n";
        (void)page;
    }
    return 0;
}

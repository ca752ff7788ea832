// Member search at scale: fills a SQLite file with N members (default 1,000,000) once, then
// times MemberService::find for each form of query, and writes the same index lookups as a
// script for the sqlite3 shell so run_member_search.sh can time the raw database doing them.
//
// Usage: member_search_bench DB_FILE SHELL_SCRIPT_OUT [MEMBERS] [QUERIES_PER_FORM]
//        member_search_bench prepare DB_FILE MEMBERS   (the data set only: bench/lib/dataset.sh)
#include "bench/member_fixture.h"
#include "db/member_repository.h"
#include "db/migrations.h"
#include "services/name_keys.h"
#include "services/services.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <unordered_map>

using namespace md;
using md::bench::fill_members;
using md::bench::mobile_for;
using Stopwatch = std::chrono::steady_clock;

namespace {

struct Form {
    const char* name;
    std::vector<std::string> queries;
    std::vector<std::string> shell_sql;  // the lookups find() makes for each query
};

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * v.size()))];
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s DB_FILE SHELL_SCRIPT_OUT [MEMBERS] [QUERIES_PER_FORM]\n", argv[0]);
        return 1;
    }
    const bool prepare_only = std::string(argv[1]) == "prepare";
    const std::string path = prepare_only ? argv[2] : argv[1];
    const long long members = argc > 3 ? std::stoll(argv[3]) : 1000000;
    const int per_form = argc > 4 ? std::stoi(argv[4]) : 200;
    const bool fresh = path.find("://") == std::string::npos && !std::filesystem::exists(path);
    Services services(Database::open(bench::database_url_of(path), OpenMode::CreateIfMissing));
    if (fresh) {
        services.database_admin.init("bench", "bench-password");
        const auto t0 = Stopwatch::now();
        fill_members(services.database(), members);
        std::printf("filled %lld members in %.1f s\n", members,
                    std::chrono::duration<double>(Stopwatch::now() - t0).count());
        services.database().sql() << "ANALYZE";
    }
    if (prepare_only) return 0;
    const Actor actor = services.auth.sign_in("bench", "bench-password");
    MemberRepository repo(services.database());
    const long long have = repo.count();

    // Queries drawn from members that exist, so every lookup finds something.
    std::mt19937_64 rng(7);
    std::vector<Member> sample;
    for (int i = 0; i < per_form; ++i)
        sample.push_back(*repo.by_number(member_number_for(static_cast<long long>(rng() % have) + 1)));
    auto q = [](const std::string& s) { return "'" + s + "'"; };
    const std::string cols = "SELECT m.id, m.number, m.name, m.mobile, m.email FROM members m LEFT JOIN members r ON r.id = m.referrer_id";
    const std::string after = "\xF4\x8F\xBF\xBF";
    Form forms[] = {{"member number"}, {"full mobile"}, {"last 4 digits"}, {"Chinese name"}, {"pinyin initials"}, {"e-mail"}};
    for (const Member& m : sample) {
        const std::string national = m.mobile.substr(3);
        forms[0].queries.push_back(m.number);
        forms[0].shell_sql.push_back(cols + " WHERE m.number = " + q(m.number) + " LIMIT 1;");
        forms[1].queries.push_back(national.substr(0, 3) + " " + national.substr(3, 4) + " " + national.substr(7));
        forms[1].shell_sql.push_back(cols + " WHERE m.mobile = " + q(m.mobile) + " LIMIT 1;");
        const std::string tail = m.mobile.substr(m.mobile.size() - 4);
        forms[2].queries.push_back(tail);
        forms[2].shell_sql.push_back(cols + " WHERE m.mobile_tail = " + q(tail) + " ORDER BY m.number LIMIT 50;");
        forms[3].queries.push_back(m.name);
        forms[3].shell_sql.push_back(cols + " WHERE m.name >= " + q(m.name) + " AND m.name < " + q(m.name + after) +
                                     " ORDER BY m.name, m.number LIMIT 50;");
        forms[4].queries.push_back(m.name_initials);
        forms[4].shell_sql.push_back(cols + " WHERE m.name_initials >= " + q(m.name_initials) + " AND m.name_initials < " +
                                     q(m.name_initials + after) + " ORDER BY m.name_initials, m.number LIMIT 50;");
        forms[4].shell_sql.push_back(cols + " WHERE m.name_pinyin >= " + q(m.name_initials) + " AND m.name_pinyin < " +
                                     q(m.name_initials + after) + " ORDER BY m.name_pinyin, m.number LIMIT 50;");
        const std::string email = "u" + std::to_string(std::stoll(m.number.substr(1))) + "@example.com";
        forms[5].queries.push_back(email);
        forms[5].shell_sql.push_back(cols + " WHERE m.email = " + q(email) + " ORDER BY m.number LIMIT 50;");
    }

    std::ofstream shell(argv[2]);
    std::printf("%lld members; %d queries per form; find() with limit 50\n", have, per_form);
    std::printf("%-16s %10s %10s %10s\n", "form", "p50 ms", "p99 ms", "total ms");
    for (Form& f : forms) {
        std::vector<double> ms;
        for (const std::string& query : f.queries) {
            const auto t0 = Stopwatch::now();
            const auto hits = services.members.find(actor, query, 50);
            ms.push_back(std::chrono::duration<double, std::milli>(Stopwatch::now() - t0).count());
            if (hits.empty() && std::string(f.name) != "e-mail") std::fprintf(stderr, "no hit for %s\n", query.c_str());
        }
        double total = 0;
        for (double v : ms) total += v;
        std::printf("%-16s %10.3f %10.3f %10.1f\n", f.name, percentile(ms, 0.5), percentile(ms, 0.99), total);
        shell << "-- form: " << f.name << "\n";
        for (const std::string& sql : f.shell_sql) shell << sql << "\n";
    }
    return 0;
}

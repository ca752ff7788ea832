// Member search at scale: fills a SQLite file with N members (default 1,000,000) once, then
// times MemberService::find for each form of query, and writes the same index lookups as a
// script for the sqlite3 shell so run_member_search.sh can time the raw database doing them.
//
// Usage: member_search_bench DB_FILE SHELL_SCRIPT_OUT [MEMBERS] [QUERIES_PER_FORM]
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
using Stopwatch = std::chrono::steady_clock;

namespace {

const char* const kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
                                 "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
                                 "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏",
                                 "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "欧阳"};
const char* const kGiven[] = {"伟", "芳", "娜", "秀", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
                              "涛", "明", "超", "霞", "平", "刚", "桂", "英", "华", "玉", "萍", "红", "辉", "建", "国",
                              "文", "婷", "浩", "宇", "欣", "怡", "佳", "琪", "晨", "阳", "雪", "梅", "兰", "波", "鹏",
                              "飞", "龙", "凤", "春", "冬", "晓", "东", "海", "林", "峰", "云", "颖", "慧", "志", "新"};
const char* const kPrefixes[] = {"130", "131", "132", "133", "135", "136", "137", "138", "139", "150",
                                 "151", "152", "155", "157", "158", "159", "166", "176", "177", "180",
                                 "181", "182", "185", "186", "187", "188", "189", "191", "198", "199"};

std::string mobile_for(long long i) {
    // i ↦ i·7919 mod 10⁸ is a bijection (7919 is coprime with 10⁸): unique, scattered numbers.
    char buf[32];
    std::snprintf(buf, sizeof buf, "+86%s%08lld", kPrefixes[i % 30], (i * 7919 + 12345) % 100000000LL);
    return buf;
}

void fill(Database& db, long long members) {
    std::mt19937_64 rng(20261122);
    std::unordered_map<std::string, NameKeys> keys_cache;
    const std::string now = "2026-11-22 00:00:00";
    const long long batch = 10000;
    Transaction tx(db);
    for (long long start = 0; start < members; start += batch) {
        std::vector<std::string> number, name, pinyin, initials, mobile, tail, email, created;
        std::vector<soci::indicator> email_ind;
        for (long long i = start; i < std::min(members, start + batch); ++i) {
            std::string n = kSurnames[rng() % 60];
            n += kGiven[rng() % 60];
            if (rng() % 3) n += kGiven[rng() % 60];
            auto found = keys_cache.find(n);
            if (found == keys_cache.end()) found = keys_cache.emplace(n, name_keys(n)).first;
            number.push_back(member_number_for(i + 1));
            name.push_back(n);
            pinyin.push_back(found->second.pinyin);
            initials.push_back(found->second.initials);
            mobile.push_back(mobile_for(i));
            tail.push_back(mobile.back().substr(mobile.back().size() - 4));
            email.push_back(i % 3 == 0 ? "u" + std::to_string(i + 1) + "@example.com" : "");
            email_ind.push_back(i % 3 == 0 ? soci::i_ok : soci::i_null);
            created.push_back(now);
        }
        db.sql() << "INSERT INTO members (number, name, name_pinyin, name_initials, mobile, mobile_tail, email,"
                    " created_at, updated_at, updated_by) VALUES (:a, :b, :c, :d, :e, :f, :g, :h, :h2, 'bench')",
            soci::use(number), soci::use(name), soci::use(pinyin), soci::use(initials), soci::use(mobile),
            soci::use(tail), soci::use(email, email_ind), soci::use(created), soci::use(created);
    }
    tx.commit();
}

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
    const std::string path = argv[1];
    const long long members = argc > 3 ? std::stoll(argv[3]) : 1000000;
    const int per_form = argc > 4 ? std::stoi(argv[4]) : 200;
    const bool fresh = !std::filesystem::exists(path);
    Services services(Database::open(sqlite_url(path), OpenMode::CreateIfMissing));
    if (fresh) {
        services.database_admin.init("bench", "bench-password");
        const auto t0 = Stopwatch::now();
        fill(services.database(), members);
        std::printf("filled %lld members in %.1f s\n", members,
                    std::chrono::duration<double>(Stopwatch::now() - t0).count());
        services.database().sql() << "ANALYZE";
    }
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

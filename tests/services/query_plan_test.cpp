// The key queries use their indexes: the statements the service desk's everyday calls send (search
// by number, mobile, last four digits, name and initials; the member card; the account and its
// history; the tier explanation; the complaint queues; a card's status; a recharge and a purchase)
// are captured as SOCI logs them and each one's plan is read on a generated database. A full scan
// of a table that grows with the member base fails the test, naming the statement: at a million
// members that is a second per call instead of a millisecond.
//   SQLite: EXPLAIN QUERY PLAN, without ANALYZE (with statistics, tiny tables are rightly scanned);
//     a bare "SCAN table" is the failure.
//   PostgreSQL: each statement prepared with $n parameters and explained as a generic plan with
//     sequential scans switched off, so a "Seq Scan" left in the plan means no index can serve it.
#include "services/demo_generator.h"
#include "services/services.h"
#include "support/scratch_database.h"

#include <cctype>
#include <gtest/gtest.h>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <sstream>

using namespace md;

namespace {

// Tables whose size follows the members and their history; the programme's tables stay small.
const std::set<std::string> kGrowingTables = {
    "members",      "accounts",       "ledger_requests", "ledger_entries",       "purchases",
    "coin_lots",    "package_subscriptions", "tier_facts", "member_tiers",        "tier_history",
    "audit_log",    "cards",          "card_events",     "complaints",           "complaint_events",
    "member_state_history", "complaint_compensations", "tier_run_changes"};

// The SQL statements in SOCI's log, one per distinct text.
std::set<std::string> statements_in(const std::string& log) {
    std::set<std::string> out;
    std::istringstream lines(log);
    for (std::string line; std::getline(lines, line);)
        if (!line.empty()) out.insert(line);
    return out;
}

}  // namespace

// "... WHERE a = :x AND b = :y OR c = :x" → "... WHERE a = $1 AND b = $2 OR c = $1", and the count.
std::pair<std::string, int> numbered_parameters(const std::string& sql) {
    std::map<std::string, int> numbers;
    std::string out;
    bool quoted = false;
    for (std::size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (c == '\'') quoted = !quoted;
        const bool starts = !quoted && c == ':' && i + 1 < sql.size() && (std::isalpha(static_cast<unsigned char>(sql[i + 1])) || sql[i + 1] == '_') &&
                            (i == 0 || sql[i - 1] != ':');
        if (!starts) {
            out += c;
            continue;
        }
        std::size_t end = i + 1;
        while (end < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[end])) || sql[end] == '_')) ++end;
        const std::string name = sql.substr(i + 1, end - i - 1);
        const int n = numbers.emplace(name, static_cast<int>(numbers.size()) + 1).first->second;
        out += "$" + std::to_string(n);
        i = end - 1;
    }
    return {out, static_cast<int>(numbers.size())};
}

// The growing tables a statement's plan reads in full, or none; nullopt when it cannot be planned
// on its own (PostgreSQL cannot always infer a parameter's type without its value).
std::optional<std::vector<std::string>> full_scans(Database& db, const std::string& sql) {
    std::vector<std::string> scanned;
    if (db.backend() == Backend::Sqlite) {
        static const std::regex bare_scan(R"(^SCAN (\w+)(?: AS \w+)?$)");
        soci::rowset<soci::row> plan = (db.sql().prepare << "EXPLAIN QUERY PLAN " + sql);
        for (const soci::row& step : plan) {
            const std::string detail = step.get<std::string>(3);
            std::smatch m;
            if (std::regex_match(detail, m, bare_scan) && kGrowingTables.count(m[1].str())) scanned.push_back(m[1].str());
        }
        return scanned;
    }
    static const std::regex seq_scan(R"(Seq Scan on (\w+))");
    // Tiny tables would be scanned anyway; a generic plan does not lean on the NULL parameters.
    db.sql() << "SET enable_seqscan = off";
    db.sql() << "SET plan_cache_mode = force_generic_plan";
    const auto [text, parameters] = numbered_parameters(sql);
    try {
        db.sql() << "PREPARE plan_check AS " + text;
    } catch (const soci::soci_error&) {
        return std::nullopt;
    }
    std::string nulls;
    for (int i = 0; i < parameters; ++i) nulls += i ? ", NULL" : "NULL";
    soci::rowset<std::string> plan =
        (db.sql().prepare << "EXPLAIN EXECUTE plan_check" + (parameters ? "(" + nulls + ")" : std::string()));
    for (const std::string& line : plan) {
        std::smatch m;
        if (std::regex_search(line, m, seq_scan) && kGrowingTables.count(m[1].str())) scanned.push_back(m[1].str());
    }
    db.sql() << "DEALLOCATE plan_check";
    return scanned;
}

class QueryPlanTest : public ::testing::TestWithParam<Backend> {
protected:
    test::ScratchDatabase scratch{GetParam()};
};

TEST_P(QueryPlanTest, TheDesksEverydayCallsUseIndexes) {
    {
        auto db = scratch.open();
        DemoGenerateOptions o;
        o.members = 400;
        o.months = 6;
        o.last_day = to_business_time(now_utc()).date();
        generate_demo(*db, o);  // no ANALYZE: without statistics SQLite plans as for big tables,
                                // which is what the check is about (with them, tiny tables get scanned)
    }
    Services s(scratch.open(OpenMode::ExistingOnly));
    const Actor desk = s.auth.sign_in("zhang.min", "demo-service");
    std::string number, mobile, name, card;
    s.database().sql() << "SELECT number, mobile, name FROM members WHERE mobile IS NOT NULL ORDER BY id DESC LIMIT 1",
        soci::into(number), soci::into(mobile), soci::into(name);
    s.database().sql() << "SELECT number FROM cards ORDER BY id LIMIT 1", soci::into(card);
    const std::string national = mobile.substr(mobile.size() - 11);

    std::ostringstream log;
    s.database().sql().set_log_stream(&log);
    s.members.find(desk, number);
    s.members.find(desk, national);
    s.members.find(desk, national.substr(7));
    s.members.find(desk, name);
    s.members.find(desk, "zw");
    const Member shown = s.members.show(desk, number, false).member;
    // The member list scrolled: the page after a row, in each sort, both ways (keyset paging).
    for (MemberSort sort : {MemberSort::Number, MemberSort::Name, MemberSort::HomeStore, MemberSort::State})
        for (bool descending : {false, true}) {
            MemberListQuery q;
            q.sort = sort;
            q.descending = descending;
            s.members.list_after(desk, q, shown, 200);
        }
    s.ledger.account(desk, number);
    s.ledger.history(desk, number, 50);
    s.tiers.explain(desk, number, std::nullopt);
    s.tiers.history(desk, number);
    for (ComplaintQueue q : {ComplaintQueue::Mine, ComplaintQueue::NearDeadline, ComplaintQueue::Premium})
        s.complaints.queue(desk, q);
    s.cards.status(desk, card);
    s.ledger.recharge(desk, {number, Money::from_yuan(500), "plan-recharge"});
    PurchaseRequest p;
    p.member = number;
    p.list_price = Money::from_yuan(120);
    p.stored_value = Money::from_yuan(100);
    p.key = "plan-purchase";
    s.ledger.purchase(desk, p);
    s.database().sql().set_log_stream(nullptr);

    const std::set<std::string> statements = statements_in(log.str());
    ASSERT_GT(statements.size(), 20u);
    std::vector<std::string> problems;
    int checked = 0;
    for (const std::string& sql : statements) {
        if (sql.rfind("SELECT", 0) != 0 && sql.rfind("UPDATE", 0) != 0 && sql.rfind("DELETE", 0) != 0 &&
            sql.rfind("INSERT", 0) != 0 && sql.rfind("WITH", 0) != 0)
            continue;  // BEGIN, SAVEPOINT, PRAGMA...
        const auto scanned = full_scans(s.database(), sql);
        if (!scanned) continue;
        ++checked;
        for (const std::string& table : *scanned) problems.push_back(sql + "\n  (full scan of " + table + ")");
    }
    EXPECT_GT(checked, 20);
    EXPECT_TRUE(problems.empty()) << problems.size() << " statement(s) scan a growing table:\n" << [&] {
        std::string all;
        for (const std::string& p : problems) all += p + "\n";
        return all;
    }();
}

// The check itself can fail: a filter on a column no index covers is reported as a full scan.
TEST_P(QueryPlanTest, AFilterNoIndexServesIsReported) {
    Services s(scratch.open());
    s.database_admin.init("admin", "password-admin");
    const auto scanned = full_scans(s.database(), "SELECT id FROM members WHERE notes = :notes");
    ASSERT_TRUE(scanned.has_value());
    EXPECT_EQ(*scanned, std::vector<std::string>{"members"});
    EXPECT_EQ(*full_scans(s.database(), "SELECT id FROM members WHERE number = :number"), std::vector<std::string>{});
}

MD_ON_BOTH_BACKENDS(QueryPlanTest);

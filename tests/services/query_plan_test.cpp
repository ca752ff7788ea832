// The key queries use their indexes: the statements the service desk's everyday calls send (search
// by number, mobile, last four digits, name and initials; the member card; the account and its
// history; the tier explanation; the complaint queues; a card's status; a recharge and a purchase)
// are captured as SOCI logs them and each is run through EXPLAIN QUERY PLAN on a generated
// database. A bare SCAN of a table that grows with the member base fails the test, naming the
// statement and its plan: at a million members that is a second per call instead of a millisecond.
#include "services/demo_generator.h"
#include "services/services.h"
#include "support/scratch_database.h"

#include <gtest/gtest.h>
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

TEST(QueryPlan, TheDesksEverydayCallsUseIndexesOnSqlite) {
    test::ScratchDatabase scratch(Backend::Sqlite);
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
    s.members.show(desk, number, false);
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
    const std::regex bare_scan(R"(^SCAN (\w+)(?: AS \w+)?$)");
    std::vector<std::string> problems;
    for (const std::string& sql : statements) {
        if (sql.rfind("SELECT", 0) != 0 && sql.rfind("UPDATE", 0) != 0 && sql.rfind("DELETE", 0) != 0 &&
            sql.rfind("INSERT", 0) != 0 && sql.rfind("WITH", 0) != 0)
            continue;  // BEGIN, SAVEPOINT, PRAGMA...
        soci::rowset<soci::row> plan = (s.database().sql().prepare << "EXPLAIN QUERY PLAN " + sql);
        std::string steps;
        for (const soci::row& step : plan) {
            const std::string detail = step.get<std::string>(3);
            steps += "  " + detail + "\n";
            std::smatch m;
            if (std::regex_match(detail, m, bare_scan) && kGrowingTables.count(m[1].str()))
                problems.push_back(sql + "\n" + "  (full scan of " + m[1].str() + ")");
        }
        (void)steps;
    }
    EXPECT_TRUE(problems.empty()) << problems.size() << " statement(s) scan a growing table:\n" << [&] {
        std::string all;
        for (const std::string& p : problems) all += p + "\n";
        return all;
    }();
}

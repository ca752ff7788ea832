// `demo generate` on both backends: a small base goes in through the services with no refusal,
// the database then checks clean (every balance equals its entries), tiers and complaints are
// there, the member file reads back as `member import` reads it, and the same seed gives the
// same figures.
#include "models/errors.h"
#include "services/demo_generator.h"
#include "services/services.h"
#include "support/scratch_database.h"

#include <gtest/gtest.h>

using namespace md;

class DemoGeneratorTest : public ::testing::TestWithParam<Backend> {
protected:
    static DemoGenerateOptions small() {
        DemoGenerateOptions o;
        o.members = 300;
        o.months = 6;
        o.seed = 11;
        o.last_day = parse_date("2026-11-15", "to");
        o.calls_per_transaction = 97;  // several batches, and one left open at the end
        return o;
    }
    long long count(Database& db, const std::string& sql) {
        long long n = 0;
        db.sql() << sql, soci::into(n);
        return n;
    }
    test::ScratchDatabase scratch{GetParam()};
};

TEST_P(DemoGeneratorTest, ASmallBaseGoesInThroughTheServicesAndChecksClean) {
    DemoGenerateOptions o = small();
    std::string csv;
    o.members_csv = [&](const std::string& text) { csv += text; };
    auto db = scratch.open();
    const DemoGenerateResult r = generate_demo(*db, o);
    EXPECT_EQ(r.refused, 0) << r.first_refusal;
    EXPECT_EQ(r.members, 300);
    EXPECT_EQ(r.first_day, parse_date("2026-05-16", "from"));
    EXPECT_GT(r.postings, 300);
    EXPECT_GT(r.campaigns, 0);
    EXPECT_EQ(count(*db, "SELECT COUNT(*) FROM ledger_requests"), r.postings);
    EXPECT_GT(count(*db, "SELECT COUNT(*) FROM ledger_entries"), r.postings);
    EXPECT_EQ(count(*db, "SELECT COUNT(*) FROM complaints"), r.complaints);
    EXPECT_GT(count(*db, "SELECT COUNT(*) FROM member_tiers WHERE ladder = 'individual'"), 100);
    // Every posting is audited, as at the counter.
    EXPECT_GE(count(*db, "SELECT COUNT(*) FROM audit_log WHERE action LIKE 'txn.%'"), r.postings);
    // Nothing is dated after the period or before it.
    EXPECT_EQ(count(*db, "SELECT COUNT(*) FROM ledger_entries WHERE business_day > '2026-11-15' OR business_day < '2026-05-16'"), 0);

    Services s(std::move(db));
    const Actor admin = s.auth.sign_in("admin", "demo-admin");
    EXPECT_EQ(s.database_admin.check(admin), "ok");

    // The member file is the import's own format: it goes into an empty registry whole.
    test::ScratchDatabase other(GetParam());
    Services fresh(other.open());
    fresh.database_admin.init("admin", "password-admin");
    const Actor a = fresh.auth.sign_in("admin", "password-admin");
    const MemberImportResult imported = fresh.imports.import_csv(a, csv, {});
    EXPECT_TRUE(imported.problems.empty()) << imported.problems.front().reason;
    EXPECT_EQ(imported.imported, 300);
}

TEST_P(DemoGeneratorTest, TheSameSeedGivesTheSameLedger) {
    auto totals = [&](test::ScratchDatabase& where) {
        auto db = where.open();
        generate_demo(*db, small());
        Services s(std::move(db));
        return s.database_admin.ledger_totals(s.auth.sign_in("admin", "demo-admin"));
    };
    test::ScratchDatabase second(GetParam());
    const auto first_totals = totals(scratch);
    EXPECT_EQ(first_totals, totals(second));
    EXPECT_GT(first_totals.at("principal"), 0);
}

TEST_P(DemoGeneratorTest, ADatabaseWithUsersIsRefused) {
    auto db = scratch.open();
    DemoGenerateOptions o = small();
    o.members = 5;
    o.months = 1;
    generate_demo(*db, o);
    EXPECT_THROW(generate_demo(*db, o), ConflictError);
    o.members = 0;
    EXPECT_THROW(generate_demo(*db, o), ValidationError);
}

MD_ON_BOTH_BACKENDS(DemoGeneratorTest);

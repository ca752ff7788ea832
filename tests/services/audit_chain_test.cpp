// The audit trail's hash chain on both backends: an untouched trail verifies, and each kind of
// tampering (a record edited, one deleted from the middle, two swapped, the last deleted, a hash
// taken off) is named by verify with the record it concerns. A call undone by its savepoint leaves
// no gap. The auditor may verify; customer service may not, and the refusal is itself chained.
#include "models/errors.h"
#include "support/service_fixture.h"

using namespace md;

class AuditChainTest : public test::ServiceTest {
protected:
    void SetUp() override {
        ServiceTest::SetUp();
        auditor = sign_in_as(Role::Auditor);
        ids = column("SELECT id FROM audit_log ORDER BY id");
        ASSERT_GE(ids.size(), 8u);  // init, users added, sign-ins
    }
    std::vector<long long> column(const std::string& sql) {
        std::vector<long long> out(1000);
        services->database().sql() << sql, soci::into(out);
        return out;
    }
    void exec(const std::string& sql) { services->database().sql() << sql; }
    std::string problems() {
        std::string all;
        for (const std::string& p : services->audit.verify(auditor).problems) all += p + "\n";
        return all;
    }
    Actor auditor;
    std::vector<long long> ids;
};

TEST_P(AuditChainTest, AnUntouchedTrailVerifiesAndItsHeadIsTheLastHash) {
    const AuditChainCheck check = services->audit.verify(auditor);
    EXPECT_TRUE(check.problems.empty()) << problems();
    EXPECT_EQ(check.chained, static_cast<long long>(column("SELECT id FROM audit_log").size()));
    EXPECT_EQ(check.unchained, 0);
    std::string last_hash;
    services->database().sql() << "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1", soci::into(last_hash);
    EXPECT_EQ(check.head_hash, last_hash);
    EXPECT_EQ(check.head_hash.size(), 64u);
}

TEST_P(AuditChainTest, AnEditedRecordIsNamed) {
    const long long id = ids[3];
    exec("UPDATE audit_log SET detail = 'nothing to see' WHERE id = " + std::to_string(id));
    const std::string found = problems();
    EXPECT_NE(found.find("audit record " + std::to_string(id) + ": its content does not match its hash"), std::string::npos)
        << found;
}

TEST_P(AuditChainTest, ADeletedRecordIsNamedByTheOneAfterIt) {
    exec("DELETE FROM audit_log WHERE id = " + std::to_string(ids[3]));
    const std::string found = problems();
    EXPECT_NE(found.find("audit record " + std::to_string(ids[4]) + ": it does not follow the record before it (" +
                         std::to_string(ids[2]) + ")"),
              std::string::npos)
        << found;
}

TEST_P(AuditChainTest, TwoSwappedRecordsAreNamed) {
    // Every stored column of records 3 and 5 exchanged: each still matches its own hash, but the
    // links no longer run in order.
    const std::string a = std::to_string(ids[3]), b = std::to_string(ids[5]), parked = "-1";
    exec("UPDATE audit_log SET id = " + parked + " WHERE id = " + a);
    exec("UPDATE audit_log SET id = " + a + " WHERE id = " + b);
    exec("UPDATE audit_log SET id = " + b + " WHERE id = " + parked);
    const std::string found = problems();
    EXPECT_NE(found.find("audit record " + a + ": it does not follow"), std::string::npos) << found;
    EXPECT_EQ(found.find("content does not match"), std::string::npos) << found;
}

TEST_P(AuditChainTest, TheLastRecordDeletedIsCaughtByTheHead) {
    exec("DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)");
    const std::string found = problems();
    EXPECT_NE(found.find("audit chain: its head is record"), std::string::npos) << found;
}

TEST_P(AuditChainTest, AHashTakenOffIsNamed) {
    exec("UPDATE audit_log SET hash = NULL WHERE id = " + std::to_string(ids[2]));
    const std::string found = problems();
    EXPECT_NE(found.find("audit record " + std::to_string(ids[2]) + ": it has no hash"), std::string::npos) << found;
}

TEST_P(AuditChainTest, ACallUndoneByItsSavepointLeavesNoGap) {
    {
        Transaction outer(services->database());
        {
            Transaction inner(services->database());
            services->users.add(admin, {"gone.user", "", "service", "password-gone"});
            // not committed: the savepoint, its user and its audit record are undone
        }
        services->users.add(admin, {"kept.user", "", "service", "password-kept"});
        outer.commit();
    }
    EXPECT_EQ(problems(), "");
    bool gone = false, kept = false;
    for (const AuditRecord& r : audit("user.add")) {
        gone = gone || r.entity_id == "gone.user";
        kept = kept || r.entity_id == "kept.user";
    }
    EXPECT_FALSE(gone);
    EXPECT_TRUE(kept);
}

TEST_P(AuditChainTest, OnlyAdminAndAuditorVerifyAndARefusalIsChained) {
    EXPECT_THROW(services->audit.verify(sign_in_as(Role::Service)), PermissionError);
    EXPECT_TRUE(services->audit.verify(admin).problems.empty());
    EXPECT_FALSE(audit("audit.view").empty());
}

MD_ON_BOTH_BACKENDS(AuditChainTest);

// A database from before the chain (schema 17) still audits, unchained, until db migrate adds the
// chain; the records written before it are counted as unchained and the chain starts after them.
class AuditChainUpgradeTest : public ::testing::TestWithParam<Backend> {
protected:
    test::ScratchDatabase scratch{GetParam()};
};

TEST_P(AuditChainUpgradeTest, RecordsBeforeTheMigrationStayOutsideTheChain) {
    auto db = scratch.open();
    migrate(*db, 17);
    const Clock clock = [] { return parse_instant("2026-11-22 02:00:00"); };
    AuditTrail trail(*db, clock);
    trail.record("admin", "auth.sign_in", "user", "admin", "", "");
    trail.record("admin", "db.migrate", "database", "", "", "");
    migrate(*db);
    trail.record("admin", "user.add", "user", "li.na", "", R"({"role":"marketing"})");
    Actor auditor;
    auditor.username = "zhao.lei";
    auditor.role = Role::Auditor;
    const AuditChainCheck check = AuditService(*db, clock).verify(auditor);
    EXPECT_TRUE(check.problems.empty()) << (check.problems.empty() ? "" : check.problems.front());
    EXPECT_EQ(check.unchained, 2);
    EXPECT_EQ(check.chained, 1);  // the user.add; a permitted verify writes nothing
}

MD_ON_BOTH_BACKENDS(AuditChainUpgradeTest);

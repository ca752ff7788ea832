#include "db/migrations.h"
#include "models/errors.h"
#include "support/service_fixture.h"

using namespace md;

class DatabaseServiceTest : public test::ServiceTest {};

TEST_P(DatabaseServiceTest, StatusDescribesTheInitialisedDatabase) {
    const DatabaseStatus s = services->database_admin.status();
    EXPECT_TRUE(s.initialized);
    EXPECT_EQ(s.schema_version, latest_schema_version());
    EXPECT_EQ(s.users, 6);
    EXPECT_EQ(s.time_zone, "Asia/Shanghai");
    EXPECT_EQ(s.backend, GetParam() == Backend::Sqlite ? "sqlite3" : "postgresql");
    if (GetParam() == Backend::Sqlite) {
        EXPECT_EQ(s.journal_mode, "wal");
    }
}

TEST_P(DatabaseServiceTest, ASecondInitIsAConflictAndChangesNothing) {
    EXPECT_THROW(services->database_admin.init("other", "password-other"), ConflictError);
    EXPECT_EQ(services->database_admin.status().users, 6);
}

TEST_P(DatabaseServiceTest, OnlyAdminsMigrateAndCheck) {
    EXPECT_THROW(services->database_admin.migrate(sign_in_as(Role::Finance)), PermissionError);
    EXPECT_EQ(services->database_admin.migrate(admin), latest_schema_version());
    EXPECT_EQ(services->database_admin.check(admin), "ok");
    EXPECT_EQ(services->database_admin.check(sign_in_as(Role::Auditor)), "ok");
}

TEST_P(DatabaseServiceTest, DemoSeedRefusesADatabaseWithUsers) {
    EXPECT_THROW(services->demo.seed(), ConflictError);
    EXPECT_EQ(services->database_admin.status().users, 6);
}

MD_ON_BOTH_BACKENDS(DatabaseServiceTest);

TEST(DemoSeed, CreatesOneSignInPerRole) {
    test::ScratchDatabase scratch(Backend::Sqlite);
    Services s(scratch.open());
    const auto people = s.demo.seed();
    ASSERT_EQ(people.size(), all_roles().size());
    for (const DemoUser& p : people) {
        const Actor a = s.auth.sign_in(p.username, p.password);
        EXPECT_EQ(role_code(a.role), p.role);
    }
}

#include "db/user_repository.h"
#include "models/errors.h"
#include "support/service_fixture.h"

#include <nlohmann/json.hpp>

using namespace md;

class UserServiceTest : public test::ServiceTest {};

TEST_P(UserServiceTest, OnlyAdminsAddUsersAndRefusalsAreAudited) {
    for (Role r : all_roles()) {
        if (r == Role::Admin) continue;
        const Actor a = sign_in_as(r);
        EXPECT_THROW(services->users.add(a, {"eve", "", "admin", "password-eve"}), PermissionError) << role_code(r);
    }
    EXPECT_FALSE(UserRepository(services->database()).find_by_username("eve"));
    const auto denied = audit("user.manage");
    ASSERT_EQ(denied.size(), 5u);
    EXPECT_EQ(denied[0].outcome, AuditOutcome::Denied);
    EXPECT_EQ(denied[0].entity_id, "eve");
}

TEST_P(UserServiceTest, AddWritesTheUserAndItsAuditLineWithBeforeAndAfter) {
    services->users.add(admin, {"li.na", "李娜", "marketing", "password-lina"});
    const auto rows = audit("user.add");
    ASSERT_FALSE(rows.empty());
    EXPECT_EQ(rows[0].actor, "admin");
    EXPECT_EQ(rows[0].entity_id, "li.na");
    EXPECT_TRUE(rows[0].before.empty());
    const auto after = nlohmann::json::parse(rows[0].after);
    EXPECT_EQ(after["role"], "marketing");
    EXPECT_EQ(after["display_name"], "李娜");
}

TEST_P(UserServiceTest, BadInputIsRefusedWholeAndNamesTheField) {
    const auto before = audit("user.").size();
    try {
        services->users.add(admin, {"li.na", "", "boss", "password-lina"});
        FAIL();
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.field(), "role");
        EXPECT_EQ(e.value(), "boss");
    }
    EXPECT_THROW(services->users.add(admin, {"Li Na", "", "service", "password-lina"}), ValidationError);
    EXPECT_THROW(services->users.add(admin, {"li.na", "", "service", "short"}), ValidationError);
    EXPECT_THROW(services->users.add(admin, {"service.user", "", "service", "password-x"}), ConflictError);
    EXPECT_FALSE(UserRepository(services->database()).find_by_username("li.na"));
    EXPECT_EQ(audit("user.").size(), before);
}

TEST_P(UserServiceTest, TheChangeAndItsAuditLineCommitTogether) {
    // With the audit trail unwritable, the change must not happen either.
    services->database().sql() << "ALTER TABLE audit_log RENAME TO audit_log_away";
    EXPECT_THROW(services->users.add(admin, {"li.na", "", "marketing", "password-lina"}), StorageError);
    services->database().sql() << "ALTER TABLE audit_log_away RENAME TO audit_log";
    EXPECT_FALSE(UserRepository(services->database()).find_by_username("li.na"));
}

TEST_P(UserServiceTest, SavingOverANewerVersionSaysWhoChangedItAndKeepsTheirChange) {
    const User loaded = services->users.get(admin, "finance.user");
    UserChanges first;
    first.role = "approver";
    services->users.update(admin, "finance.user", first, loaded.version);
    UserChanges second;
    second.display_name = "陈静";
    try {
        services->users.update(admin, "finance.user", second, loaded.version);
        FAIL() << "a stale edit was saved";
    } catch (const StaleEditError& e) {
        EXPECT_EQ(e.changed_by(), "admin");
        EXPECT_FALSE(e.changed_at().empty());
    }
    const User stored = services->users.get(admin, "finance.user");
    EXPECT_EQ(stored.role, Role::Approver);
    EXPECT_EQ(stored.display_name, "");
    EXPECT_EQ(stored.version, loaded.version + 1);
}

TEST_P(UserServiceTest, TheLastActiveAdministratorStaysOne) {
    UserChanges demote;
    demote.role = "service";
    EXPECT_THROW(services->users.update(admin, "admin", demote, std::nullopt), ConflictError);
    UserChanges off;
    off.active = false;
    EXPECT_THROW(services->users.update(admin, "admin", off, std::nullopt), ConflictError);
    EXPECT_EQ(services->users.get(admin, "admin").role, Role::Admin);
}

TEST_P(UserServiceTest, ResetPasswordUnlocksAndTheOldPasswordStopsWorking) {
    for (int i = 0; i < 5; ++i) EXPECT_THROW(services->auth.sign_in("service.user", "nope-nope"), AuthenticationError);
    services->users.reset_password(admin, "service.user", "a-new-password", std::nullopt);
    EXPECT_THROW(services->auth.sign_in("service.user", "password-service"), AuthenticationError);
    EXPECT_NO_THROW(services->auth.sign_in("service.user", "a-new-password"));
    EXPECT_EQ(audit("user.reset_password").size(), 1u);
}

TEST_P(UserServiceTest, TheAuditorReadsButCannotChange) {
    const Actor auditor = sign_in_as(Role::Auditor);
    EXPECT_EQ(services->users.list(auditor).size(), 6u);
    EXPECT_FALSE(services->audit.list(auditor, AuditFilter{}).empty());
    UserChanges c;
    c.role = "admin";
    EXPECT_THROW(services->users.update(auditor, "auditor.user", c, std::nullopt), PermissionError);
    const Actor service = sign_in_as(Role::Service);
    EXPECT_THROW(services->audit.list(service, AuditFilter{}), PermissionError);
}

MD_ON_BOTH_BACKENDS(UserServiceTest);

#include "models/errors.h"
#include "support/service_fixture.h"

using namespace md;
using boost::posix_time::minutes;

class AuthServiceTest : public test::ServiceTest {};

TEST_P(AuthServiceTest, TheRightPasswordSignsInAndIsAudited) {
    const Actor a = services->auth.sign_in("service.user", "password-service");
    EXPECT_EQ(a.role, Role::Service);
    auto rows = audit("auth.sign_in");
    ASSERT_FALSE(rows.empty());
    EXPECT_EQ(rows[0].actor, "service.user");
    EXPECT_EQ(rows[0].outcome, AuditOutcome::Ok);
}

TEST_P(AuthServiceTest, FiveWrongPasswordsLockForFifteenMinutes) {
    for (int i = 0; i < 4; ++i)
        EXPECT_THROW(services->auth.sign_in("service.user", "wrong-password"), AuthenticationError);
    // A right password before the fifth wrong one still works and resets the count.
    EXPECT_NO_THROW(services->auth.sign_in("service.user", "password-service"));
    for (int i = 0; i < 5; ++i)
        EXPECT_THROW(services->auth.sign_in("service.user", "wrong-password"), AuthenticationError);
    *now += minutes(14);
    try {
        services->auth.sign_in("service.user", "password-service");
        FAIL() << "a locked account signed in";
    } catch (const AuthenticationError& e) {
        EXPECT_NE(std::string(e.what()).find("locked"), std::string::npos) << e.what();
    }
    *now += minutes(1);
    EXPECT_NO_THROW(services->auth.sign_in("service.user", "password-service"));
}

TEST_P(AuthServiceTest, UnknownUsersAndWrongPasswordsAreRecordedAsFailures) {
    EXPECT_THROW(services->auth.sign_in("nobody", "whatever1"), AuthenticationError);
    EXPECT_THROW(services->auth.sign_in("finance.user", "wrong-password"), AuthenticationError);
    auto rows = audit("auth.sign_in");
    ASSERT_GE(rows.size(), 2u);
    EXPECT_EQ(rows[0].actor, "finance.user");
    EXPECT_EQ(rows[0].outcome, AuditOutcome::Failed);
    EXPECT_EQ(rows[1].actor, "nobody");
    EXPECT_EQ(rows[1].outcome, AuditOutcome::Failed);
    // The wrong password itself is never written anywhere.
    for (const auto& r : rows) EXPECT_EQ(r.detail.find("wrong-password"), std::string::npos);
}

TEST_P(AuthServiceTest, DisabledUsersCannotSignIn) {
    UserChanges off;
    off.active = false;
    services->users.update(admin, "finance.user", off, std::nullopt);
    EXPECT_THROW(services->auth.sign_in("finance.user", "password-finance"), AuthenticationError);
}

TEST_P(AuthServiceTest, PasswordsAreStoredOnlyAsArgon2idHashes) {
    auto& sql = services->database().sql();
    std::string hash;
    sql << "SELECT password_hash FROM users WHERE username = 'finance.user'", soci::into(hash);
    EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
    long long leaks = -1;
    sql << "SELECT COUNT(*) FROM audit_log WHERE before_value LIKE '%password-%' OR after_value LIKE '%password-%'"
           " OR detail LIKE '%password-%' OR after_value LIKE '%argon2%'",
        soci::into(leaks);
    EXPECT_EQ(leaks, 0);
}

MD_ON_BOTH_BACKENDS(AuthServiceTest);

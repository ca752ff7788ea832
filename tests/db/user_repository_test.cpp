#include "db/migrations.h"
#include "db/user_repository.h"
#include "support/scratch_database.h"

#include <gtest/gtest.h>

using namespace md;

class UserRepositoryTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        db = scratch.open();
        migrate(*db);
    }
    User sample(const std::string& name) {
        User u;
        u.username = name;
        u.display_name = "张敏";
        u.role = Role::Service;
        u.password_hash = "$argon2id$fake";
        u.created_at = u.updated_at = parse_instant("2026-11-22 06:00:00");
        u.updated_by = "admin";
        return u;
    }
    test::ScratchDatabase scratch{GetParam()};
    std::unique_ptr<Database> db;
};

TEST_P(UserRepositoryTest, InsertedUsersReadBackFieldForField) {
    UserRepository repo(*db);
    const std::int64_t id = repo.insert(sample("zhang.min"));
    EXPECT_GT(id, 0);
    auto u = repo.find_by_id(id);
    ASSERT_TRUE(u);
    EXPECT_EQ(u->username, "zhang.min");
    EXPECT_EQ(u->display_name, "张敏");
    EXPECT_EQ(u->role, Role::Service);
    EXPECT_TRUE(u->active);
    EXPECT_EQ(u->version, 1);
    EXPECT_FALSE(u->locked_until);
    EXPECT_EQ(format_instant(u->created_at), "2026-11-22 06:00:00");
    EXPECT_FALSE(repo.find_by_username("nobody"));
    EXPECT_EQ(repo.count(), 1);
}

TEST_P(UserRepositoryTest, AnUpdateOverANewerVersionChangesNothing) {
    UserRepository repo(*db);
    User u = sample("zhang.min");
    u.id = repo.insert(u);
    User first = *repo.find_by_id(u.id);
    User second = first;
    first.role = Role::Finance;
    ASSERT_TRUE(repo.update_if_version(first));
    second.display_name = "stale";
    EXPECT_FALSE(repo.update_if_version(second));
    const User stored = *repo.find_by_id(u.id);
    EXPECT_EQ(stored.role, Role::Finance);
    EXPECT_EQ(stored.display_name, "张敏");
    EXPECT_EQ(stored.version, 2);
}

TEST_P(UserRepositoryTest, DuplicateUsernamesAreRefusedByTheSchema) {
    UserRepository repo(*db);
    repo.insert(sample("zhang.min"));
    EXPECT_ANY_THROW(repo.insert(sample("zhang.min")));
    EXPECT_EQ(repo.count(), 1);
}

TEST_P(UserRepositoryTest, SignInBookkeepingLeavesTheVersionAlone) {
    UserRepository repo(*db);
    const std::int64_t id = repo.insert(sample("zhang.min"));
    const Instant until = parse_instant("2026-11-22 06:15:00");
    repo.record_sign_in_result(id, 0, until);
    User u = *repo.find_by_id(id);
    ASSERT_TRUE(u.locked_until);
    EXPECT_EQ(format_instant(*u.locked_until), "2026-11-22 06:15:00");
    EXPECT_EQ(u.version, 1);
    repo.record_sign_in_result(id, 2, std::nullopt);
    u = *repo.find_by_id(id);
    EXPECT_FALSE(u.locked_until);
    EXPECT_EQ(u.failed_sign_ins, 2);
}

MD_ON_BOTH_BACKENDS(UserRepositoryTest);

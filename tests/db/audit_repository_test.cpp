#include "db/audit_repository.h"
#include "db/migrations.h"
#include "support/scratch_database.h"

#include <gtest/gtest.h>

using namespace md;

class AuditRepositoryTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        db = scratch.open();
        migrate(*db);
    }
    void add(const std::string& at, const std::string& actor, const std::string& action) {
        AuditRecord r;
        r.at = parse_instant(at);
        r.actor = actor;
        r.action = action;
        r.entity = "user";
        r.entity_id = "x";
        r.after = R"({"role":"service"})";
        // The repository stores the links it is given; computing them is the service's (AuditTrail).
        AuditRepository repo(*db);
        const AuditChainHead head = repo.lock_chain_head();
        repo.append(r, head.hash, "hash-of-" + at);
    }
    test::ScratchDatabase scratch{GetParam()};
    std::unique_ptr<Database> db;
};

TEST_P(AuditRepositoryTest, FiltersByActorActionPrefixAndTimeNewestFirst) {
    add("2026-11-20 10:00:00", "admin", "user.add");
    add("2026-11-21 10:00:00", "bob", "auth.sign_in");
    add("2026-11-22 10:00:00", "admin", "user.set_role");
    AuditRepository repo(*db);
    AuditFilter all;
    auto rows = repo.list(all, std::nullopt, std::nullopt);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].action, "user.set_role");
    EXPECT_EQ(rows[2].after, R"({"role":"service"})");
    EXPECT_TRUE(rows[2].before.empty());

    AuditFilter by_admin;
    by_admin.actor = "admin";
    EXPECT_EQ(repo.list(by_admin, std::nullopt, std::nullopt).size(), 2u);

    AuditFilter users_only;
    users_only.action = "user.";
    EXPECT_EQ(repo.list(users_only, std::nullopt, std::nullopt).size(), 2u);

    AuditFilter window;
    auto mid = repo.list(window, parse_instant("2026-11-21 00:00:00"), parse_instant("2026-11-22 00:00:00"));
    ASSERT_EQ(mid.size(), 1u);
    EXPECT_EQ(mid[0].actor, "bob");

    AuditFilter one;
    one.limit = 1;
    EXPECT_EQ(repo.list(one, std::nullopt, std::nullopt).size(), 1u);
}

TEST_P(AuditRepositoryTest, AnAppendMovesTheChainHeadAndKeepsItsLinks) {
    AuditRepository repo(*db);
    const AuditChainHead empty = repo.chain_head();
    EXPECT_EQ(empty.last_id, 0);
    EXPECT_EQ(empty.hash, "");
    add("2026-11-20 10:00:00", "admin", "user.add");
    add("2026-11-21 10:00:00", "bob", "auth.sign_in");
    const AuditChainHead head = repo.chain_head();
    EXPECT_EQ(head.hash, "hash-of-2026-11-21 10:00:00");
    std::vector<StoredAuditRecord> chain;
    repo.for_each_from(head.first_id, [&](const StoredAuditRecord& s) { chain.push_back(s); });
    ASSERT_EQ(chain.size(), 2u);
    EXPECT_EQ(head.last_id, chain[1].record.id);
    EXPECT_EQ(chain[0].prev_hash, "");
    EXPECT_EQ(chain[1].prev_hash, "hash-of-2026-11-20 10:00:00");
    EXPECT_TRUE(chain[1].has_hash);
    EXPECT_EQ(chain[1].record.actor, "bob");
    EXPECT_EQ(repo.count_before(head.first_id), 0);
}

MD_ON_BOTH_BACKENDS(AuditRepositoryTest);

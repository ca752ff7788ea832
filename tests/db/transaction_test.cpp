// Transactions opened inside another are savepoints of it: the inner one's rollback undoes only
// its own work, and nothing is kept unless the outermost commits (a batch lands whole or not at all).
#include "db/migrations.h"
#include "support/scratch_database.h"

#include <gtest/gtest.h>

using namespace md;

class NestedTransactionTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        db = scratch.open();
        migrate(*db);
    }
    void put(const std::string& name) {
        db->sql() << "INSERT INTO settings (name, value) VALUES (:n, 'x')", soci::use(name);
    }
    std::vector<std::string> names() {
        std::vector<std::string> out;
        soci::rowset<std::string> rows = (db->sql().prepare << "SELECT name FROM settings WHERE name LIKE 'nest.%' ORDER BY name");
        for (const std::string& n : rows) out.push_back(n);
        return out;
    }
    test::ScratchDatabase scratch{GetParam()};
    std::unique_ptr<Database> db;
};

TEST_P(NestedTransactionTest, AnInnerRollbackUndoesOnlyTheInnerWork) {
    Transaction outer(*db);
    put("nest.a");
    {
        Transaction inner(*db);
        put("nest.b");
    }  // not committed: rolled back to its savepoint
    {
        Transaction inner(*db);
        put("nest.c");
        inner.commit();
    }
    outer.commit();
    EXPECT_EQ(names(), (std::vector<std::string>{"nest.a", "nest.c"}));
}

TEST_P(NestedTransactionTest, NothingIsKeptWhenTheOutermostRollsBack) {
    {
        Transaction outer(*db);
        put("nest.a");
        Transaction inner(*db);
        put("nest.b");
        inner.commit();
    }
    EXPECT_TRUE(names().empty());
    // And the connection is usable for a plain transaction afterwards.
    Transaction again(*db);
    put("nest.z");
    again.commit();
    EXPECT_EQ(names(), (std::vector<std::string>{"nest.z"}));
}

TEST_P(NestedTransactionTest, SavepointsNestDeeper) {
    Transaction outer(*db);
    {
        Transaction middle(*db);
        put("nest.m");
        {
            Transaction inner(*db);
            put("nest.i");
        }
        middle.commit();
    }
    outer.commit();
    EXPECT_EQ(names(), (std::vector<std::string>{"nest.m"}));
}

MD_ON_BOTH_BACKENDS(NestedTransactionTest);

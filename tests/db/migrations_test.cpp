#include "db/migrations.h"
#include "db/user_repository.h"
#include "models/errors.h"
#include "support/scratch_database.h"

#include <filesystem>
#include <gtest/gtest.h>

using namespace md;

class Migrations : public ::testing::TestWithParam<Backend> {
protected:
    test::ScratchDatabase scratch{GetParam()};
};

TEST_P(Migrations, AnEmptyDatabaseMigratesToTheLatestVersion) {
    auto db = scratch.open();
    EXPECT_EQ(schema_version(*db), 0);
    migrate(*db);
    EXPECT_EQ(schema_version(*db), latest_schema_version());
    EXPECT_GE(latest_schema_version(), 3);
    migrate(*db);  // a second run changes nothing
    long long rows = 0;
    db->sql() << "SELECT COUNT(*) FROM schema_version", soci::into(rows);
    EXPECT_EQ(rows, latest_schema_version());
}

TEST_P(Migrations, ADatabaseMadeByTheFirstMigrationUpgradesKeepingItsData) {
    {
        auto db = scratch.open();
        migrate(*db, 1);
        ASSERT_EQ(schema_version(*db), 1);
        db->sql() << "INSERT INTO users (username, display_name, role, password_hash, created_at, updated_at,"
                     " updated_by) VALUES ('old.admin', '老管理员', 'admin', 'x', '2025-01-01 00:00:00',"
                     " '2025-01-01 00:00:00', 'old.admin')";
        EXPECT_THROW(require_current_schema(*db), StorageError);
    }
    auto db = scratch.open(OpenMode::ExistingOnly);
    migrate(*db);
    EXPECT_EQ(schema_version(*db), latest_schema_version());
    EXPECT_NO_THROW(require_current_schema(*db));
    auto user = UserRepository(*db).find_by_username("old.admin");
    ASSERT_TRUE(user);
    EXPECT_EQ(user->display_name, "老管理员");
    long long audit_rows = -1;
    db->sql() << "SELECT COUNT(*) FROM audit_log", soci::into(audit_rows);
    EXPECT_EQ(audit_rows, 0);
}

TEST_P(Migrations, ANewerDatabaseIsRefusedNamingBothVersions) {
    auto db = scratch.open();
    migrate(*db);
    const int newer = latest_schema_version() + 4;
    db->sql() << "INSERT INTO schema_version (version, description, applied_at) VALUES (:v, 'future', "
                 "'2030-01-01 00:00:00')",
        soci::use(newer);
    try {
        migrate(*db);
        FAIL() << "a newer database was accepted";
    } catch (const StorageError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("version " + std::to_string(newer)), std::string::npos) << message;
        EXPECT_NE(message.find("(" + std::to_string(latest_schema_version()) + ")"), std::string::npos) << message;
    }
    EXPECT_THROW(require_current_schema(*db), StorageError);
}

TEST_P(Migrations, AFailingStatementLeavesNoHalfMigration) {
    // Occupy a name migration 2 creates: migration 2 fails and must leave version 1 intact.
    auto db = scratch.open();
    migrate(*db, 1);
    db->sql() << "CREATE INDEX audit_log_at ON users (username)";
    EXPECT_THROW(migrate(*db), StorageError);
    EXPECT_EQ(schema_version(*db), 1);
}

MD_ON_BOTH_BACKENDS(Migrations);

TEST(SqliteConnection, UsesWalForeignKeysAndABusyTimeout) {
    test::ScratchDatabase scratch(Backend::Sqlite);
    auto db = scratch.open();
    std::string journal;
    int foreign_keys = 0, timeout = 0;
    db->sql() << "PRAGMA journal_mode", soci::into(journal);
    db->sql() << "PRAGMA foreign_keys", soci::into(foreign_keys);
    db->sql() << "PRAGMA busy_timeout", soci::into(timeout);
    EXPECT_EQ(journal, "wal");
    EXPECT_EQ(foreign_keys, 1);
    EXPECT_GE(timeout, 1000);
}

TEST(SqliteConnection, AMissingFileIsNotCreatedWhenOnlyOpening) {
    test::ScratchDatabase scratch(Backend::Sqlite);
    EXPECT_THROW(scratch.open(OpenMode::ExistingOnly), NotFoundError);
    EXPECT_FALSE(std::filesystem::exists(scratch.sqlite_path()));
    EXPECT_THROW(Database::open("sqlite3://db=/no/such/folder/x.db", OpenMode::CreateIfMissing), StorageError);
}

TEST(PostgresConnection, AnUnreachableServerIsAStorageErrorNamingIt) {
    try {
        Database::open("postgresql://dbname=nowhere host=/nonexistent-socket-dir port=1", OpenMode::ExistingOnly);
        FAIL();
    } catch (const StorageError& e) {
        EXPECT_NE(std::string(e.what()).find("nowhere"), std::string::npos) << e.what();
    }
}

TEST(DatabaseUrl, UnknownSchemesAreInvalidInput) {
    EXPECT_THROW(parse_database_url("mysql://db=x"), ValidationError);
    EXPECT_THROW(parse_database_url("sqlite3://db="), ValidationError);
    EXPECT_THROW(parse_database_url("postgresql://host=x"), ValidationError);
    EXPECT_EQ(parse_database_url("sqlite3://db=/tmp/a b.db").sqlite_path, "/tmp/a b.db");
    EXPECT_EQ(parse_database_url("postgresql://dbname=m host=h port=5 password=secret").display, "postgresql m@h:5");
}

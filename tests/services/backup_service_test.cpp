// BackupService::backup with progress: it reports how far it is, and Cancel leaves nothing behind
// (no file, no partial file, no audit line, no "last backup"), on both backends.
#include "models/errors.h"
#include "support/service_fixture.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <unistd.h>
#include <vector>

namespace md::test {
namespace {
namespace fs = std::filesystem;

class BackupProgressTest : public ServiceTest {
protected:
    void SetUp() override {
        ServiceTest::SetUp();
        folder = fs::temp_directory_path() / ("memberdesk-backup-test-" + std::to_string(::getpid()));
        fs::create_directories(folder);
        file = (folder / "backup.db").string();
    }
    void TearDown() override { fs::remove_all(folder); }
    bool sqlite() const { return GetParam() == Backend::Sqlite; }

    fs::path folder;
    std::string file;
};

TEST_P(BackupProgressTest, CancelLeavesNoFileNoPartialFileAndNothingRecorded) {
    int asked = 0;
    EXPECT_THROW(services->backups.backup(admin, file, [&](int) { ++asked; return false; }), CancelledError);
    EXPECT_EQ(asked, 1);
    EXPECT_FALSE(fs::exists(file));
    EXPECT_FALSE(fs::exists(file + ".partial"));
    EXPECT_TRUE(audit("db.backup").empty());
    EXPECT_FALSE(services->backups.status(admin).last_at);
}

TEST_P(BackupProgressTest, ProgressIsReportedAndTheFinishedBackupIsRecorded) {
    if (sqlite()) {
        // About 16 MB of pages (4,000 pages or more), so the copy takes several steps and reports between them.
        services->database().sql() << "CREATE TABLE filler AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL "
                                      "SELECT i + 1 FROM n WHERE i < 4000) SELECT i, randomblob(4000) AS b FROM n";
    }
    std::vector<int> seen;
    const BackupReport r = services->backups.backup(admin, file, [&](int permille) {
        seen.push_back(permille);
        return true;
    });
    ASSERT_FALSE(seen.empty());
    if (sqlite()) {
        EXPECT_GE(seen.size(), 3u) << "a 16 MB copy reports after each step of 1024 pages";
        for (std::size_t i = 1; i < seen.size(); ++i) EXPECT_GE(seen[i], seen[i - 1]) << "step " << i;
        EXPECT_GT(seen.front(), 0);
        EXPECT_LT(seen.front(), 1000);
        EXPECT_EQ(seen.back(), 1000);
    } else {
        for (int p : seen) EXPECT_EQ(p, -1) << "pg_dump's progress cannot be measured, only shown alive";
    }
    EXPECT_TRUE(fs::exists(r.file));
    EXPECT_FALSE(fs::exists(file + ".partial"));
    EXPECT_EQ(fs::file_size(r.file), r.bytes);
    EXPECT_EQ(audit("db.backup").size(), 1u);
    EXPECT_TRUE(services->backups.status(admin).last_at);
}

MD_ON_BOTH_BACKENDS(BackupProgressTest);

}  // namespace
}  // namespace md::test

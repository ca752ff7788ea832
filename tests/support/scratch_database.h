#pragma once
// A fresh, empty database for one test, on the backend the test is parameterised with:
// a new SQLite file in a temp folder, or a new schema in the PostgreSQL test server that
// scripts/test starts (MEMBERDESK_TEST_PG_URL). Removed afterwards.
#include "db/database.h"

#include <gtest/gtest.h>
#include <memory>
#include <string>

namespace md::test {

class ScratchDatabase {
public:
    explicit ScratchDatabase(Backend backend);
    ~ScratchDatabase();
    const std::string& url() const { return url_; }
    std::unique_ptr<Database> open(OpenMode mode = OpenMode::CreateIfMissing) const {
        return Database::open(url_, mode);
    }
    const std::string& sqlite_path() const { return sqlite_path_; }

private:
    Backend backend_;
    std::string url_;
    std::string folder_;
    std::string sqlite_path_;
    std::string schema_;
};

std::string backend_name(const ::testing::TestParamInfo<Backend>& info);

// Every database test runs on both backends.
#define MD_ON_BOTH_BACKENDS(Suite) \
    INSTANTIATE_TEST_SUITE_P(Backends, Suite, ::testing::Values(md::Backend::Sqlite, md::Backend::Postgres), \
                             md::test::backend_name)

}  // namespace md::test

#include "support/scratch_database.h"

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <unistd.h>

namespace md::test {
namespace {
std::atomic<int> g_counter{0};

std::string postgres_base_url() {
    const char* url = std::getenv("MEMBERDESK_TEST_PG_URL");
    if (!url || !*url)
        throw std::runtime_error(
            "MEMBERDESK_TEST_PG_URL is not set: PostgreSQL tests need the server that scripts/test starts");
    return url;
}
}  // namespace

std::string backend_name(const ::testing::TestParamInfo<Backend>& info) {
    return info.param == Backend::Sqlite ? "sqlite" : "postgresql";
}

ScratchDatabase::ScratchDatabase(Backend backend) : backend_(backend) {
    const std::string tag = std::to_string(getpid()) + "_" + std::to_string(++g_counter);
    if (backend == Backend::Sqlite) {
        folder_ = (std::filesystem::temp_directory_path() / ("memberdesk-test-" + tag)).string();
        std::filesystem::create_directories(folder_);
        sqlite_path_ = folder_ + "/test.db";
        url_ = "sqlite3://db=" + sqlite_path_;
        return;
    }
    const std::string base = postgres_base_url();
    schema_ = "t_" + tag;
    auto admin = Database::open(base, OpenMode::ExistingOnly);
    admin->sql() << "CREATE SCHEMA " + schema_;
    url_ = base + " options='-csearch_path=" + schema_ + "'";
}

ScratchDatabase::~ScratchDatabase() {
    try {
        if (backend_ == Backend::Sqlite) {
            std::filesystem::remove_all(folder_);
        } else {
            auto admin = Database::open(postgres_base_url(), OpenMode::ExistingOnly);
            admin->sql() << "DROP SCHEMA " + schema_ + " CASCADE";
        }
    } catch (...) {
        // Leftovers vanish with the throwaway server or temp folder.
    }
}

}  // namespace md::test

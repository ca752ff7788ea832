#include "views/database_opener.h"

#include "db/migrations.h"

#include <wx/event.h>

namespace md::views {

std::shared_ptr<Services> open_services(const std::string& url) {
    auto services = std::make_shared<Services>(Database::open(url, OpenMode::ExistingOnly));
    require_current_schema(services->database());
    return services;
}

DatabaseOpener::~DatabaseOpener() {
    if (worker_.joinable()) worker_.join();
}

void DatabaseOpener::start(const std::string& url, std::function<void(OpenedDatabase)> done) {
    if (worker_.joinable()) worker_.join();
    busy_ = true;
    worker_ = std::thread([this, url, done] {
        OpenedDatabase result;
        try {
            result.services = open_services(url);
        } catch (...) {
            result.error = std::current_exception();
        }
        owner_.CallAfter([this, done, result] {
            busy_ = false;
            done(result);
        });
    });
}

}  // namespace md::views

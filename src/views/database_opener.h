#pragma once
// Opens a database off the GUI thread, so an unreachable PostgreSQL server (up to its 5 s
// connect timeout) or a slow disk never freezes a window. The result comes back as an event
// on the owner's thread through CallAfter.
#include "services/services.h"

#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <thread>

class wxEvtHandler;

namespace md::views {

struct OpenedDatabase {
    std::shared_ptr<Services> services;  // set on success
    std::exception_ptr error;            // set on failure
};

// Opens an existing database and insists its schema is current: the GUI never creates or
// upgrades one (that is `memberdesk-cli db init` / `db migrate`).
std::shared_ptr<Services> open_services(const std::string& url);

class DatabaseOpener {
public:
    explicit DatabaseOpener(wxEvtHandler& owner) : owner_(owner) {}
    ~DatabaseOpener();  // waits for a running attempt: its result must not outlive the owner
    DatabaseOpener(const DatabaseOpener&) = delete;
    DatabaseOpener& operator=(const DatabaseOpener&) = delete;

    void start(const std::string& url, std::function<void(OpenedDatabase)> done);
    bool busy() const { return busy_; }

private:
    wxEvtHandler& owner_;
    std::thread worker_;
    bool busy_ = false;
};

}  // namespace md::views

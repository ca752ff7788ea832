#pragma once
// Program-wide settings (name → text value), e.g. the business time zone.
#include "db/database.h"

#include <optional>
#include <string>

namespace md {

class SettingsRepository {
public:
    explicit SettingsRepository(Database& db) : db_(db) {}
    std::optional<std::string> get(const std::string& name);
    void set(const std::string& name, const std::string& value);

private:
    Database& db_;
};

}  // namespace md

#pragma once
// JSON shapes the CLI prints with --json. Field names are part of the CLI contract.
#include "models/audit.h"
#include "models/user.h"
#include "services/database_service.h"

#include <nlohmann/json.hpp>

namespace md::cli {

nlohmann::json to_json(const User& user);       // never includes the password hash
nlohmann::json to_json(const AuditRecord& record);
nlohmann::json to_json(const DatabaseStatus& status);
std::string iso_utc(const Instant& at);         // "2026-11-22T06:40:00Z"

}  // namespace md::cli

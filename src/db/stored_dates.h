#pragma once
// Dates as they come back through SOCI: ISO text on SQLite, DATE (read as text) on PostgreSQL,
// sometimes with a time after it. Every repository reads them the same way.
#include "models/timestamps.h"

#include <optional>
#include <soci/soci.h>
#include <string>

namespace md {

inline Date stored_date(const std::string& text, const char* field) { return parse_date(text.substr(0, 10), field); }

// None for NULL or an empty column.
inline std::optional<Date> optional_stored_date(const std::string& text, soci::indicator ind, const char* field) {
    if (ind != soci::i_ok || text.empty()) return std::nullopt;
    return stored_date(text, field);
}

}  // namespace md

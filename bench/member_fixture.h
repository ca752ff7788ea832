#pragma once
// The benchmarks' member registry: N members with realistic Chinese names (and their pinyin
// keys), unique scattered mobiles, e-mails for a third of them, registrations spread over the
// 1,000 days before 2026-11-22 and, for most, a first recharge, a first purchase and a last
// activity. Deterministic (fixed seed), so every run measures the same data.
#include "db/database.h"
#include "db/database_url.h"

#include <string>

namespace md::bench {

// Adds `members` rows in one transaction; numbering starts at M00000001.
void fill_members(Database& db, long long members);

// A bench program's database argument: a SQLite file, or a URL as given (postgresql://..., for the
// PostgreSQL variants of the cases).
inline std::string database_url_of(const std::string& file_or_url) {
    return file_or_url.find("://") != std::string::npos ? file_or_url : sqlite_url(file_or_url);
}

// The mobile of member i (0-based), as fill_members stored it (E.164).
std::string mobile_for(long long i);

}  // namespace md::bench

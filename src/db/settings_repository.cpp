#include "db/settings_repository.h"

namespace md {

std::optional<std::string> SettingsRepository::get(const std::string& name) {
    return db_.guarded("reading settings", [&]() -> std::optional<std::string> {
        std::string value;
        soci::indicator ind = soci::i_null;
        db_.sql() << "SELECT value FROM settings WHERE name = :n", soci::use(name), soci::into(value, ind);
        if (!db_.sql().got_data() || ind != soci::i_ok) return std::nullopt;
        return value;
    });
}

void SettingsRepository::set(const std::string& name, const std::string& value) {
    db_.guarded("saving a setting", [&] {
        // Inserted the first time a setting is saved (the backup reminder has no row until then).
        db_.sql() << "INSERT INTO settings (name, value) VALUES (:n, :v)"
                     " ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            soci::use(name), soci::use(value);
    });
}

}  // namespace md

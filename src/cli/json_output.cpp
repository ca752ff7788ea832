#include "cli/json_output.h"

namespace md::cli {

std::string iso_utc(const Instant& at) {
    std::string text = format_instant(at);
    if (text.size() > 10) text[10] = 'T';
    return text + "Z";
}

nlohmann::json to_json(const User& u) {
    return {
        {"id", u.id},
        {"username", u.username},
        {"display_name", u.display_name},
        {"role", role_code(u.role)},
        {"active", u.active},
        {"locked_until", u.locked_until ? nlohmann::json(iso_utc(*u.locked_until)) : nlohmann::json(nullptr)},
        {"created_at", iso_utc(u.created_at)},
        {"updated_at", iso_utc(u.updated_at)},
        {"updated_by", u.updated_by},
        {"version", u.version},
    };
}

nlohmann::json to_json(const AuditRecord& r) {
    auto parsed = [](const std::string& text) {
        if (text.empty()) return nlohmann::json(nullptr);
        // Records written before every writer used JSON keep their text as a string.
        nlohmann::json value = nlohmann::json::parse(text, nullptr, false);
        return value.is_discarded() ? nlohmann::json(text) : value;
    };
    return {
        {"id", r.id},         {"at", iso_utc(r.at)},         {"actor", r.actor},
        {"action", r.action}, {"entity", r.entity},          {"entity_id", r.entity_id},
        {"outcome", outcome_code(r.outcome)}, {"before", parsed(r.before)}, {"after", parsed(r.after)},
        {"detail", r.detail},
    };
}

nlohmann::json to_json(const DatabaseStatus& s) {
    nlohmann::json j = {
        {"backend", s.backend},
        {"location", s.location},
        {"schema_version", s.schema_version},
        {"latest_schema_version", s.latest_schema_version},
        {"initialized", s.initialized},
        {"users", s.users},
        {"time_zone", s.time_zone},
    };
    if (!s.journal_mode.empty()) j["journal_mode"] = s.journal_mode;
    return j;
}

}  // namespace md::cli

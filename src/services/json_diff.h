#pragma once
// Field-by-field differences between two JSON documents, for a change request's diff.
// Paths read like the import errors: "tiers[2].threshold".
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace md {

struct FieldChange {
    std::string path;
    std::string before;  // "" when the field is new
    std::string after;   // "" when the field is gone
};

std::vector<FieldChange> json_diff(const nlohmann::json& before, const nlohmann::json& after);

}  // namespace md

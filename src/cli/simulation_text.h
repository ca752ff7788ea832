#pragma once
// A what-if simulation (the JSON the simulator stores with a change request) as plain text,
// for `tier simulate` and `change show`.
#include <nlohmann/json.hpp>
#include <string>

namespace md::cli {

std::string simulation_text(const nlohmann::ordered_json& simulation);

}  // namespace md::cli

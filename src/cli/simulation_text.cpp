#include "cli/simulation_text.h"

#include <sstream>

namespace md::cli {
namespace {

std::string tier_or_none(const nlohmann::ordered_json& v) {
    const std::string s = v.is_string() ? v.get<std::string>() : "";
    return s.empty() ? "none" : s;
}

// Basis points as a percentage with two decimals: 3333 → "33.33%".
std::string percent(long long bp) {
    std::ostringstream out;
    out << bp / 100 << "." << (bp % 100 < 10 ? "0" : "") << bp % 100 << "%";
    return out.str();
}

void money_line(std::ostringstream& out, const char* label, const nlohmann::ordered_json& m) {
    out << "  " << label << ": " << m["current"].get<std::string>() << " → " << m["draft"].get<std::string>()
        << " (change " << m["change"].get<std::string>() << ")\n";
}

}  // namespace

std::string simulation_text(const nlohmann::ordered_json& s) {
    if (s.contains("error")) return "what-if: not available (" + s["error"].get<std::string>() + ")";
    std::ostringstream out;
    out << "what-if over " << s["months"].get<int>() << " months, " << s["from"].get<std::string>() << " to "
        << s["to"].get<std::string>() << ", " << s["members"].get<long long>() << " members (rules in force → draft)\n";
    if (s.value("starts_with_data", false)) out << "  (the data starts on " << s["from"].get<std::string>() << ")\n";
    money_line(out, "discount given (yuan)", s["discount"]);
    const auto& coins = s["coins_issued"];
    out << "  coins issued: " << coins["current"].get<long long>() << " → " << coins["draft"].get<long long>()
        << " (change " << coins["change"].get<long long>() << ")\n";
    money_line(out, "points liability (yuan)", s["points_liability"]);
    money_line(out, "recharge bonus given (yuan)", s["bonus"]);
    out << "tier migration (members):\n";
    for (const auto& cell : s["matrix"])
        out << "  " << cell["ladder"].get<std::string>() << "  " << tier_or_none(cell["from"]) << " → "
            << tier_or_none(cell["to"]) << ": " << cell["members"].get<long long>() << "\n";
    out << "tier mix (share of members holding a tier; target 3 : 5 : 2):\n";
    for (const auto& m : s["tier_mix"]) {
        out << "  " << m["ladder"].get<std::string>() << "  " << m["tier"].get<std::string>() << ": "
            << percent(m["current_bp"].get<long long>()) << " → " << percent(m["draft_bp"].get<long long>());
        if (!m["target_bp"].is_null()) out << " (target " << percent(m["target_bp"].get<long long>()) << ")";
        out << "\n";
    }
    out << "members who would move: " << s["movers_total"].get<long long>();
    for (const auto& m : s["movers"])
        out << "\n  " << m["member"].get<std::string>() << "  " << m["ladder"].get<std::string>() << "  "
            << tier_or_none(m["from"]) << " → " << tier_or_none(m["to"]);
    if (s["movers"].size() < s["movers_total"].get<std::size_t>())
        out << "\n  … " << s["movers_total"].get<std::size_t>() - s["movers"].size() << " more";
    return out.str();
}

}  // namespace md::cli

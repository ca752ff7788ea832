#include "services/json_diff.h"

#include <map>

namespace md {
namespace {

void flatten(const nlohmann::json& value, const std::string& path, std::map<std::string, std::string>& out) {
    if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it)
            flatten(it.value(), path.empty() ? it.key() : path + "." + it.key(), out);
    } else if (value.is_array() && !value.empty()) {
        for (std::size_t i = 0; i < value.size(); ++i) flatten(value[i], path + "[" + std::to_string(i + 1) + "]", out);
    } else if (!value.is_null()) {
        out[path] = value.is_string() ? value.get<std::string>() : value.dump();
    }
}

}  // namespace

std::vector<FieldChange> json_diff(const nlohmann::json& before, const nlohmann::json& after) {
    std::map<std::string, std::string> a, b;
    flatten(before, "", a);
    flatten(after, "", b);
    std::vector<FieldChange> out;
    for (const auto& [path, value] : a) {
        auto it = b.find(path);
        if (it == b.end()) out.push_back({path, value, ""});
        else if (it->second != value) out.push_back({path, value, it->second});
    }
    for (const auto& [path, value] : b)
        if (!a.count(path)) out.push_back({path, "", value});
    return out;
}

}  // namespace md

#pragma once
// Small text rules shared by every layer that reads what people type.
#include <string>

namespace md {

// Without leading and trailing spaces, tabs and line breaks ("" when nothing else is left).
inline std::string trim_space(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace md

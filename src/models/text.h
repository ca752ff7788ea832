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

// At most `max_bytes` of `s`, cut between characters: half a UTF-8 character would make a
// message invalid text, which the CLI's --json output cannot write (found by fuzzing).
inline std::string utf8_prefix(const std::string& s, std::size_t max_bytes) {
    if (s.size() <= max_bytes) return s;
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    return s.substr(0, cut);
}

}  // namespace md

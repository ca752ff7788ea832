#pragma once
// Small text rules shared by every layer that reads what people type.
#include <cstdio>
#include <string>

namespace md {

// "07" for 7: months, days, hours and minutes as dates and clocks write them.
inline std::string two_digits(int n) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d", n);
    return buf;
}

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

// The start of a long value for a message, cut between whole UTF-8 characters (a cut inside one
// would make the message, and the JSON error that carries it, invalid UTF-8), with "…" after it.
inline std::string shortened(const std::string& value, std::size_t max_bytes = 60) {
    return value.size() <= max_bytes ? value : utf8_prefix(value, max_bytes) + "\xE2\x80\xA6";
}

// Spreadsheets run a cell that starts with = + - @ as a formula, and some drop a leading tab or
// carriage return first: "=HYPERLINK(...)" typed as a member's name would become a live link in
// an export. Every CSV and XLSX writer passes its text cells through this, which puts an apostrophe
// in front of such text (OWASP's rule against CSV injection), so the spreadsheet shows the text as
// typed. Text cells only: numbers, money and dates are written typed, and "-12.00" stays a number.
// Text that is a plain signed number ("-3" typed in a field that wanted a count) is left as it is:
// a spreadsheet reads it as that number, never as a formula.
inline std::string neutralise_formula(const std::string& text) {
    if (text.empty() || std::string("=+-@\t\r").find(text[0]) == std::string::npos) return text;
    const auto digits = text.find_first_not_of("0123456789.", 1);
    const bool plain_number = (text[0] == '-' || text[0] == '+') && text.size() > 1 && digits == std::string::npos &&
                              text.find('.') == text.rfind('.') && text[1] != '.' && text.back() != '.';
    return plain_number ? text : "'" + text;
}

// The text neutralise_formula was given: a file MemberDesk wrote (an export, a rejects file) reads
// back as it was typed. Only an apostrophe before = + - @ tab or CR is taken away, so text that
// really began with "'=" comes back without its apostrophe, the one ambiguity the rule leaves.
inline std::string restore_formula_text(const std::string& text) {
    if (text.size() > 1 && text[0] == '\'' && std::string("=+-@\t\r").find(text[1]) != std::string::npos)
        return text.substr(1);
    return text;
}

}  // namespace md

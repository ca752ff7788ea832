#include "cli/report_language.h"

#include "models/errors.h"
#include "models/translate.h"

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <unordered_map>
#include <vector>

namespace md::cli {
namespace {

std::unordered_map<std::string, std::string>& catalog() {
    static std::unordered_map<std::string, std::string> entries;
    return entries;
}

std::string translate(const char* msgid) {
    const auto it = catalog().find(msgid);
    return it == catalog().end() || it->second.empty() ? std::string(msgid) : it->second;
}

// The GNU .mo format: a header of 32-bit words (magic, revision, count, the offsets of the
// original and translated string tables), each table holding (length, offset) pairs.
bool read_mo(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto word = [&](std::size_t at) -> std::uint32_t {
        std::uint32_t w = 0;
        if (at + 4 <= bytes.size()) std::memcpy(&w, bytes.data() + at, 4);
        return w;
    };
    if (word(0) != 0x950412de) return false;  // little-endian, as msgfmt writes on this machine
    const std::uint32_t count = word(8), originals = word(12), translations = word(16);
    auto string_at = [&](std::uint32_t table, std::uint32_t i) -> std::string {
        const std::uint32_t length = word(table + 8 * i), offset = word(table + 8 * i + 4);
        if (static_cast<std::size_t>(offset) + length > bytes.size()) return {};
        return std::string(bytes.data() + offset, length);
    };
    for (std::uint32_t i = 0; i < count; ++i) {
        std::string msgid = string_at(originals, i), msgstr = string_at(translations, i);
        // Plural forms are NUL-separated; the reports use none, the first form is kept.
        msgid = msgid.substr(0, msgid.find('\0'));
        msgstr = msgstr.substr(0, msgstr.find('\0'));
        if (!msgid.empty()) catalog()[msgid] = msgstr;
    }
    return true;
}

}  // namespace

void use_report_language(const std::string& language) {
    if (language.empty() || language == "en" || language == "en_US") return;
    // Beside the GUI in a build tree (src/app/locale), or ../share/locale once installed.
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe").parent_path();
    for (const std::filesystem::path& dir : {exe / "locale", exe / ".." / "app" / "locale", exe / ".." / "share" / "locale"})
        if (read_mo(dir / language / "LC_MESSAGES" / "memberdesk.mo")) {
            set_translator(&translate);
            return;
        }
    throw ValidationError("lang", language, subst(tr("lang: there is no catalog for \"{0}\" (en or zh_CN)"), {language}));
}

}  // namespace md::cli

#include "models/translate.h"

#include <atomic>
#include <vector>

namespace md {
namespace {
std::atomic<Translator> g_translator{nullptr};
}

void set_translator(Translator translator) { g_translator = translator; }

std::string tr(const char* msgid) {
    Translator t = g_translator.load();
    return t ? t(msgid) : std::string(msgid);
}

std::string subst(const std::string& pattern, std::initializer_list<std::string> args) {
    const std::vector<std::string> values(args);
    std::string out;
    out.reserve(pattern.size() + 32);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{') {
            const std::size_t close = pattern.find('}', i);
            if (close != std::string::npos && close > i + 1) {
                const std::string digits = pattern.substr(i + 1, close - i - 1);
                if (digits.find_first_not_of("0123456789") == std::string::npos) {
                    const std::size_t n = std::stoul(digits);
                    if (n < values.size()) {
                        out += values[n];
                        i = close;
                        continue;
                    }
                }
            }
        }
        out += pattern[i];
    }
    return out;
}

}  // namespace md

#include "services/name_keys.h"

#include <memory>
#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>
#include <unordered_map>

namespace md {
namespace {

// One character in Latin letters, the way ICU's Han-Latin reads it alone.
std::string latin_of(UChar32 c) {
    // A transliterator is costly to build and not safe to share between threads.
    thread_local std::unique_ptr<icu::Transliterator> to_latin = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> t(
            icu::Transliterator::createInstance("Han-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
        return U_SUCCESS(status) ? std::move(t) : nullptr;
    }();
    icu::UnicodeString text(c);
    if (to_latin) to_latin->transliterate(text);
    std::string latin;
    text.toUTF8String(latin);
    return latin;
}

}  // namespace

NameKeys name_keys(const std::string& name) {
    // Names are read a character at a time, and each character's reading is remembered: a
    // registry of a million names uses a few thousand characters, so an import of a million
    // members transliterates a few thousand times instead of a million. Every Han character
    // is its own syllable (its own initial); other letters run together into words.
    thread_local std::unordered_map<UChar32, std::string> cache;
    NameKeys keys;
    bool word_start = true;
    auto take = [&](char c) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        const bool letter = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (letter) {
            keys.pinyin += c;
            if (word_start) keys.initials += c;
        }
        word_start = !letter;
    };
    const auto* bytes = reinterpret_cast<const uint8_t*>(name.data());
    const auto length = static_cast<int32_t>(name.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        if (c < 0) continue;  // not UTF-8: nothing to read aloud
        if (c < 0x80) {
            take(static_cast<char>(c));
            continue;
        }
        auto known = cache.find(c);
        if (known == cache.end()) known = cache.emplace(c, latin_of(c)).first;
        const bool han = (c >= 0x3400 && c <= 0x9FFF) || (c >= 0x20000 && c <= 0x3134F) || (c >= 0xF900 && c <= 0xFAFF);
        if (han) word_start = true;
        for (char l : known->second) take(l);
        if (han) word_start = true;
    }
    return keys;
}

}  // namespace md

#include "services/name_keys.h"

#include <memory>
#include <unicode/translit.h>
#include <unicode/unistr.h>

namespace md {

NameKeys name_keys(const std::string& name) {
    // A transliterator is costly to build and not safe to share between threads.
    thread_local std::unique_ptr<icu::Transliterator> to_latin = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> t(
            icu::Transliterator::createInstance("Han-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
        return U_SUCCESS(status) ? std::move(t) : nullptr;
    }();
    std::string latin;
    if (to_latin) {
        icu::UnicodeString text = icu::UnicodeString::fromUTF8(name);
        to_latin->transliterate(text);
        text.toUTF8String(latin);
    } else {
        latin = name;
    }
    NameKeys keys;
    bool word_start = true;
    for (char c : latin) {
        const bool letter = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (letter) {
            keys.pinyin += c;
            if (word_start) keys.initials += c;
        }
        word_start = !letter;
    }
    return keys;
}

}  // namespace md

#include "services/text_encoding.h"

#include "models/errors.h"
#include "models/translate.h"

#include <algorithm>
#include <memory>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>

namespace md {
namespace {

std::string where(const std::string& bytes, std::size_t offset) {
    const auto line = 1 + std::count(bytes.begin(), bytes.begin() + static_cast<long>(std::min(offset, bytes.size())), '\n');
    return subst(tr("line {0}, byte {1}"), {std::to_string(line), std::to_string(offset + 1)});
}

// Control bytes other than tab, line feed and carriage return do not occur in CSV text;
// a NUL, or the 0x1A of a PNG header, means the file is not text at all.
void refuse_binary(const std::string& bytes) {
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
            throw ValidationError("file", where(bytes, i),
                                  subst(tr("file: not a CSV text file (a binary byte 0x{0} at {1})"),
                                        {std::string(1, "0123456789ABCDEF"[c >> 4]) + "0123456789ABCDEF"[c & 15],
                                         where(bytes, i)}));
    }
}

std::string from_gb18030(const std::string& bytes) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open("GB18030", &status), ucnv_close);
    if (U_FAILURE(status)) throw Error("GB18030 converter unavailable (ICU data missing)");
    // Stop at the first invalid sequence instead of substituting: a wrong byte is an error to
    // report, not a character to guess.
    ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    std::u16string utf16(bytes.size() + 1, u'\0');
    const char* source = bytes.data();
    UChar* target = reinterpret_cast<UChar*>(utf16.data());
    ucnv_toUnicode(conv.get(), &target, target + utf16.size(), &source, bytes.data() + bytes.size(), nullptr, true, &status);
    if (U_FAILURE(status)) {
        // `source` stops after the offending bytes; ICU keeps them in its buffer: step back to their start.
        int8_t len = 32;
        char invalid[32];
        UErrorCode ignored = U_ZERO_ERROR;
        ucnv_getInvalidChars(conv.get(), invalid, &len, &ignored);
        const std::size_t offset = static_cast<std::size_t>(source - bytes.data()) - static_cast<std::size_t>(std::max<int8_t>(len, 0));
        throw ValidationError("file", where(bytes, offset),
                              subst(tr("file: invalid GBK/GB18030 byte sequence at {0}"), {where(bytes, offset)}));
    }
    utf16.resize(static_cast<std::size_t>(target - reinterpret_cast<UChar*>(utf16.data())));
    std::string out;
    out.resize(utf16.size() * 3);
    int32_t written = 0;
    UErrorCode s2 = U_ZERO_ERROR;
    u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &written, reinterpret_cast<const UChar*>(utf16.data()),
                static_cast<int32_t>(utf16.size()), &s2);
    out.resize(static_cast<std::size_t>(written));
    return out;
}

}  // namespace

TextEncoding parse_text_encoding(const std::string& name, const std::string& field) {
    std::string n = name;
    for (char& c : n) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (n == "auto") return TextEncoding::Auto;
    if (n == "utf-8" || n == "utf8") return TextEncoding::Utf8;
    if (n == "gbk" || n == "gb18030" || n == "gb2312" || n == "cp936") return TextEncoding::Gb18030;
    throw ValidationError(field, name, subst(tr("{0}: \"{1}\" is not one of auto, utf-8, gbk, gb18030"), {field, name}));
}

std::string text_encoding_name(TextEncoding e) {
    return e == TextEncoding::Gb18030 ? "gb18030" : e == TextEncoding::Utf8 ? "utf-8" : "auto";
}

bool valid_utf8(const std::string& s, std::size_t* bad) {
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = 0;
        unsigned min = 0;
        if (c < 0x80) { ++i; continue; }
        if (c >= 0xC2 && c <= 0xDF) { len = 2; min = 0x80; }
        else if (c >= 0xE0 && c <= 0xEF) { len = 3; min = 0x800; }
        else if (c >= 0xF0 && c <= 0xF4) { len = 4; min = 0x10000; }
        else { if (bad) *bad = i; return false; }
        if (i + len > n) { if (bad) *bad = i; return false; }
        unsigned cp = c & (0xFF >> (len + 1));
        for (std::size_t k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) { if (bad) *bad = i; return false; }
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) { if (bad) *bad = i; return false; }
        i += len;
    }
    return true;
}

DecodedText decode_text(const std::string& bytes, TextEncoding encoding) {
    refuse_binary(bytes);
    const bool bom = bytes.rfind("\xEF\xBB\xBF", 0) == 0;
    if (bom || encoding == TextEncoding::Utf8 || (encoding == TextEncoding::Auto && valid_utf8(bytes))) {
        std::string text = bom ? bytes.substr(3) : bytes;
        std::size_t bad = 0;
        if (!valid_utf8(text, &bad)) {
            const std::size_t offset = bad + (bom ? 3 : 0);
            throw ValidationError("file", where(bytes, offset),
                                  subst(tr("file: invalid UTF-8 byte sequence at {0} (if the file is GBK, pass --encoding gbk)"),
                                        {where(bytes, offset)}));
        }
        return {std::move(text), TextEncoding::Utf8};
    }
    if (encoding == TextEncoding::Gb18030) return {from_gb18030(bytes), TextEncoding::Gb18030};
    // Auto, and not UTF-8: most likely GBK. If it is not that either, say where each reading
    // breaks; the UTF-8 position is usually the real damage in a UTF-8 file.
    try {
        return {from_gb18030(bytes), TextEncoding::Gb18030};
    } catch (const ValidationError& gbk) {
        std::size_t bad = 0;
        valid_utf8(bytes, &bad);
        throw ValidationError("file", where(bytes, bad),
                              subst(tr("file: neither UTF-8 (invalid bytes at {0}) nor GBK (invalid bytes at {1})"),
                                    {where(bytes, bad), gbk.value()}));
    }
}

}  // namespace md

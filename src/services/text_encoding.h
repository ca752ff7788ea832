#pragma once
// Bytes from another system into UTF-8. Files come as UTF-8 (with or without a BOM) or as
// GBK / GB18030, the way Excel saves CSV on a Chinese Windows. Detection: a BOM means UTF-8;
// otherwise bytes that are valid UTF-8 are UTF-8 (GBK text almost never is); anything else is
// read as GB18030, a superset of GBK. An invalid sequence is refused, naming the line and byte.
#include <string>

namespace md {

enum class TextEncoding { Auto, Utf8, Gb18030 };

// "auto", "utf-8" / "utf8", "gbk" / "gb18030" / "gb2312"; ValidationError naming `field` otherwise.
TextEncoding parse_text_encoding(const std::string& name, const std::string& field);
std::string text_encoding_name(TextEncoding e);  // "utf-8", "gb18030"

struct DecodedText {
    std::string utf8;
    TextEncoding encoding = TextEncoding::Utf8;  // the one used (never Auto)
};

// Throws ValidationError: field "file", value "line N, byte M", for binary content (NUL and
// other control bytes: not a text file at all) and for sequences invalid in the encoding.
DecodedText decode_text(const std::string& bytes, TextEncoding encoding);

// Whether the bytes are well-formed UTF-8 (no overlongs, no surrogates); `bad` gets the offset.
bool valid_utf8(const std::string& bytes, std::size_t* bad = nullptr);

}  // namespace md

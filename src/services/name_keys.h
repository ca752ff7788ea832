#pragma once
// Search keys for a name, through ICU's Han-Latin transliteration: 张三 → pinyin
// "zhangsan", initials "zs"; Latin names are lower-cased ("Bob Smith" → "bobsmith", "bs").
#include <string>

namespace md {

struct NameKeys {
    std::string pinyin;
    std::string initials;
};

NameKeys name_keys(const std::string& name);

}  // namespace md

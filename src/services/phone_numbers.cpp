#include "services/phone_numbers.h"

#include "models/errors.h"
#include "models/translate.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <phonenumbers/phonenumberutil.h>
#include <unordered_map>

namespace md {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

namespace {

// "138 0013 8000", "138-0013-8000", "+86 138...", "86138..." as the eleven national digits
// of a Chinese mobile; "" for anything else.
std::string chinese_mobile_digits(const std::string& text) {
    std::string digits;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9') digits += c;
        else if (c == '+' && i == 0) continue;
        else if (c != ' ' && c != '-' && c != '(' && c != ')') return "";
    }
    if (digits.size() == 13 && digits.rfind("861", 0) == 0) digits = digits.substr(2);
    return digits.size() == 11 && digits[0] == '1' && (text[0] != '+' || text.rfind("+86", 0) == 0) ? digits : "";
}

// libphonenumber reads letters as keypad digits (a "vanity" number: 138abcd1234 would become
// 138 2223 1234). Nobody writes a Chinese mobile that way, so a letter is a typo, not a digit.
bool has_letter(const std::string& text) {
    return std::any_of(text.begin(), text.end(), [](unsigned char c) { return std::isalpha(c) != 0; });
}

}  // namespace

std::string normalize_mobile(const std::string& text, const std::string& field) {
    const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    // The common case, eleven digits of a Chinese mobile, skips the general parser (which
    // costs most of an import's time); validity and type still come from libphonenumber.
    if (const std::string digits = chinese_mobile_digits(text); !digits.empty()) {
        number.set_country_code(86);
        number.set_national_number(std::stoull(digits));
        // Whether an eleven-digit Chinese number is valid, and a mobile, depends on its first
        // five digits only in libphonenumber's metadata (the number blocks are allocated that
        // way); the unit test MobileTypeDependsOnTheFirstFiveDigits checks it against the
        // installed library. So each block is asked once, not each number.
        thread_local std::unordered_map<std::uint32_t, int> type_of_prefix;  // -1 = not valid
        const auto prefix = static_cast<std::uint32_t>(std::stoul(digits.substr(0, kMobileBlockDigits)));
        auto known = type_of_prefix.find(prefix);
        if (known == type_of_prefix.end())
            known = type_of_prefix
                        .emplace(prefix, util->IsValidNumber(number) ? static_cast<int>(util->GetNumberType(number)) : -1)
                        .first;
        if (known->second < 0)
            throw ValidationError(field, text, subst(tr("{0}: \"{1}\" is not a valid phone number"), {field, text}));
        if (known->second != PhoneNumberUtil::MOBILE && known->second != PhoneNumberUtil::FIXED_LINE_OR_MOBILE)
            throw ValidationError(field, text, subst(tr("{0}: \"{1}\" is not a mobile number"), {field, text}));
        return "+86" + digits;
    } else if (text.size() > 40 || has_letter(text) ||
               util->Parse(text, "CN", &number) != PhoneNumberUtil::NO_PARSING_ERROR) {
        throw ValidationError(field, text, subst(tr("{0}: \"{1}\" is not a phone number"), {field, text}));
    }
    if (!util->IsValidNumber(number))
        throw ValidationError(field, text, subst(tr("{0}: \"{1}\" is not a valid phone number"), {field, text}));
    const auto type = util->GetNumberType(number);
    if (type != PhoneNumberUtil::MOBILE && type != PhoneNumberUtil::FIXED_LINE_OR_MOBILE)
        throw ValidationError(field, text, subst(tr("{0}: \"{1}\" is not a mobile number"), {field, text}));
    std::string e164;
    util->Format(number, PhoneNumberUtil::E164, &e164);
    return e164;
}

bool looks_like_phone(const std::string& text) {
    int digits = 0;
    for (char c : text) {
        if (c >= '0' && c <= '9') ++digits;
        else if (c != ' ' && c != '+' && c != '-' && c != '(' && c != ')') return false;
    }
    return digits >= 4;
}

}  // namespace md

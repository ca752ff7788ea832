#include "services/phone_numbers.h"

#include "models/errors.h"
#include "models/translate.h"

#include <phonenumbers/phonenumberutil.h>

namespace md {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

std::string normalize_mobile(const std::string& text, const std::string& field) {
    const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    if (text.size() > 40 || util->Parse(text, "CN", &number) != PhoneNumberUtil::NO_PARSING_ERROR)
        throw ValidationError(field, text, subst(tr("{0}: \"{1}\" is not a phone number"), {field, text}));
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

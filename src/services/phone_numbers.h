#pragma once
// Mobile numbers through libphonenumber, default region CN: whatever staff or a file typed
// ("138-0013-8000", "+86 138 0013 8000") becomes E.164 ("+8613800138000") or is refused.
#include <string>

namespace md {

// E.164 of a valid mobile number; ValidationError naming `field` and the text otherwise
// (unparseable, not a valid number, or a landline).
std::string normalize_mobile(const std::string& text, const std::string& field);

// Digits of an eleven-digit Chinese number that decide its validity and type (see the .cpp).
constexpr int kMobileBlockDigits = 5;

// True when the text looks like someone typed a phone number (digits, spaces, + - ( )).
bool looks_like_phone(const std::string& text);

}  // namespace md

#include "models/user.h"

#include "models/errors.h"
#include "models/translate.h"

#include <cctype>

namespace md {

bool is_locked(const User& user, const Instant& now) {
    return user.locked_until && now < *user.locked_until;
}

void validate_username(const std::string& username) {
    // Sign-in names are typed at a prompt and appear in the audit trail: keep them plain.
    const bool length_ok = username.size() >= 2 && username.size() <= 32;
    const bool chars_ok = username.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789._-") ==
                          std::string::npos;
    if (!length_ok || !chars_ok || !std::isalpha(static_cast<unsigned char>(username.empty() ? '0' : username[0])))
        throw ValidationError(
            "username", username,
            subst(tr("username: \"{0}\" is not allowed (2–32 characters: lower-case letters, digits, "
                     "'.', '_' or '-', starting with a letter)"),
                  {username}));
}

void validate_display_name(const std::string& display_name) {
    if (display_name.size() > 200)
        throw ValidationError("display_name", display_name,
                              tr("display name: longer than 200 bytes"));
}

void validate_new_password(const std::string& password) {
    // The value is never echoed back: it is a secret even when it is wrong.
    if (password.size() < 8)
        throw ValidationError("password", "(hidden)",
                              tr("password: too short (at least 8 characters)"));
    if (password.size() > 256)
        throw ValidationError("password", "(hidden)", tr("password: too long (at most 256 characters)"));
}

}  // namespace md

#pragma once
// Argon2id password hashes through libsodium (crypto_pwhash_str, interactive limits).
// The clear password is never stored or logged; only the self-describing hash string is.
#include <string>

namespace md {

std::string hash_password(const std::string& password);
bool verify_password(const std::string& hash, const std::string& password);
// A random password people can type: 12 characters without look-alikes (0/O, 1/l).
std::string random_password();

}  // namespace md

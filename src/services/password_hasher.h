#pragma once
// Argon2id password hashes through libsodium (crypto_pwhash_str, interactive limits).
// The clear password is never stored or logged; only the self-describing hash string is.
#include <string>

namespace md {

std::string hash_password(const std::string& password);
bool verify_password(const std::string& hash, const std::string& password);
// Card PINs: Argon2id with small limits (about a millisecond), so a batch of thousands of cards
// is hashed in seconds. No hash makes an eight-digit PIN safe from an offline search; what protects
// a card is that its hash never leaves the database and five wrong PINs block it.
std::string hash_pin(const std::string& pin);
bool verify_pin(const std::string& hash, const std::string& pin);
// Eight random digits (libsodium's uniform generator).
std::string random_pin();
// A random password people can type: 12 characters without look-alikes (0/O, 1/l).
std::string random_password();

}  // namespace md

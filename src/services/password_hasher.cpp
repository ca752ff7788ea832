#include "services/password_hasher.h"

#include "models/errors.h"

#include <sodium.h>

namespace md {
namespace {

void ensure_sodium() {
    static const bool ready = sodium_init() >= 0;
    if (!ready) throw Error("libsodium could not start");
}

}  // namespace

std::string hash_password(const std::string& password) {
    ensure_sodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw Error("out of memory while hashing a password");
    return out;
}

bool verify_password(const std::string& hash, const std::string& password) {
    ensure_sodium();
    if (hash.size() >= crypto_pwhash_STRBYTES) return false;
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string hash_pin(const std::string& pin) {
    ensure_sodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, pin.data(), pin.size(), 2, 256 * 1024, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw Error("out of memory while hashing a PIN");
    return out;
}

bool verify_pin(const std::string& hash, const std::string& pin) { return verify_password(hash, pin); }

std::string random_pin() {
    ensure_sodium();
    std::string out;
    for (int i = 0; i < 8; ++i) out += static_cast<char>('0' + randombytes_uniform(10));
    return out;
}

std::string random_password() {
    ensure_sodium();
    static const char alphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    std::string out;
    for (int i = 0; i < 12; ++i) out += alphabet[randombytes_uniform(sizeof alphabet - 1)];
    return out;
}

}  // namespace md

#include "services/audit_chain.h"

#include <sodium.h>

namespace md {

std::string audit_chain_hash(const std::string& previous_hash, const AuditRecord& r) {
    // Each field as its length in bytes, a colon and its bytes: the fields stay apart whatever they
    // hold ("a|b" + "c" never hashes as "a" + "b|c"), and any bytes are hashed as stored.
    std::string text;
    for (const std::string& field : {previous_hash, format_instant(r.at), r.actor, r.action, r.entity, r.entity_id,
                                     outcome_code(r.outcome), r.before, r.after, r.detail})
        text += std::to_string(field.size()) + ':' + field;
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    static const char* hex = "0123456789abcdef";
    std::string out;
    out.reserve(2 * sizeof digest);
    for (unsigned char b : digest) {
        out += hex[b >> 4];
        out += hex[b & 15];
    }
    return out;
}

}  // namespace md

#pragma once
// The audit trail's hash chain. Each record stores the hash of the record before it and its own
// hash, SHA-256 over that previous hash and every field it holds (not its id: the links give the
// order). The chain's head (the last record's id and hash) is kept beside the trail, so a record
// edited, deleted (the last one too) or moved out of place breaks a link that verify names.
// What it cannot catch: someone with write access who rewrites every hash after their edit. Note
// the head hash `audit verify` prints somewhere else, and compare it later, to catch that too.
#include "models/audit.h"

#include <string>
#include <vector>

namespace md {

// Hex SHA-256 of the previous hash and the record's stored fields, in a fixed JSON array.
std::string audit_chain_hash(const std::string& previous_hash, const AuditRecord& record);

struct AuditChainCheck {
    long long chained = 0;    // records in the chain, checked
    long long unchained = 0;  // records written before the chain began (an older database)
    std::string head_hash;    // the last record's hash: note it to compare later
    std::vector<std::string> problems;  // each names the record and what is wrong; at most 100
};

}  // namespace md

#include "services/ledger_draft.h"

namespace md {

// Writes the request row, its lines and the new balances. Returns the request id; each line's id
// is filled in (a coin lot refers to the line that earned it).
std::int64_t write(LedgerRepository& repo, Draft& d, const std::string& key, const std::string& kind,
                   const std::string& request_json, const std::string& detail_json) {
    LedgerRequest r;
    r.key = key;
    r.kind = kind;
    r.request = request_json;
    r.account_id = d.account().id;
    r.business_day = d.day();
    r.value_after = d.account().value;
    r.coins_after = d.account().coins;
    r.package_after = d.account().package_value;
    r.detail = detail_json;
    r.actor = d.actor();
    r.at = d.at();
    r.id = repo.add_request(r);
    for (LedgerEntry& e : d.lines()) {
        e.request_id = r.id;
        e.id = repo.add_entry(e);
    }
    repo.save_balances(d.account());
    d.recorded(r.id, key, kind, detail_json);
    return r.id;
}

// The answer to a request just written, from what is in memory.
TxnResult posted(const Draft& d, const std::string& member_number) {
    TxnResult t;
    t.txn = d.id();
    t.kind = d.kind();
    t.key = d.key();
    t.member_number = member_number;
    t.business_day = d.day();
    t.entries = d.lines();
    t.value_after = d.account().value;
    t.coins_after = d.account().coins;
    t.package_after = d.account().package_value;
    t.detail = d.detail();
    return t;
}

}  // namespace md

#pragma once
// The inside of a ledger posting, shared by LedgerService and the opening-balance import:
// a Draft collects a transaction's lines in memory (each knowing its balance after, a line
// that would go below zero refused there), write() stores the request, its lines and the new
// balances in the caller's transaction, posted() answers from memory.
#include "db/ledger_repository.h"
#include "models/errors.h"
#include "models/translate.h"
#include "services/ledger_service.h"

#include <string>
#include <vector>

namespace md {

// A transaction being put together in memory: lines change the account's balances as they are
// added, so each line knows its balance_after and a line that would go below zero is caught here.
class Draft {
public:
    Draft(Account account, Date day, std::string actor, Instant at, std::string reason)
        : account_(std::move(account)), before_(account_), day_(day), actor_(std::move(actor)), at_(at),
          reason_(std::move(reason)) {}

    // `campaign`: the code of the campaign that caused the line, if one did.
    void add(EntryType type, Bucket bucket, std::int64_t amount, const std::string& campaign = "") {
        if (amount == 0) return;
        std::int64_t after = 0;
        if (bucket == Bucket::Coins) after = account_.coins += amount;
        else if (bucket == Bucket::Package) after = (account_.package_value += Money::from_fen(amount)).fen();
        else after = (account_.value.at(bucket) += Money::from_fen(amount)).fen();
        if (after < 0)  // the callers check balances first; this is the guard behind them
            throw ValidationError(bucket_code(bucket), std::to_string(amount),
                                  subst(tr("{0}: the balance would go below zero"), {bucket_code(bucket)}));
        LedgerEntry e;
        e.account_id = account_.id;
        e.type = type;
        e.bucket = bucket;
        e.amount = amount;
        e.balance_after = after;
        e.business_day = day_;
        e.reason = reason_;
        e.actor = actor_;
        e.at = at_;
        e.campaign = campaign;
        lines_.push_back(std::move(e));
    }

    // What write() stored, so the caller's answer needs no second read of it.
    void recorded(std::int64_t id, std::string key, std::string kind, std::string detail) {
        id_ = id;
        key_ = std::move(key);
        kind_ = std::move(kind);
        detail_ = std::move(detail);
    }
    void set_detail(std::string detail) { detail_ = std::move(detail); }
    std::int64_t id() const { return id_; }
    const std::string& key() const { return key_; }
    const std::string& kind() const { return kind_; }
    const std::string& detail() const { return detail_; }

    Account& account() { return account_; }
    const Account& account() const { return account_; }
    const Account& before() const { return before_; }
    std::vector<LedgerEntry>& lines() { return lines_; }
    const std::vector<LedgerEntry>& lines() const { return lines_; }
    const Date& day() const { return day_; }
    const Instant& at() const { return at_; }
    const std::string& actor() const { return actor_; }

private:
    Account account_;
    Account before_;
    Date day_;
    std::string actor_;
    Instant at_;
    std::string reason_;
    std::vector<LedgerEntry> lines_;
    std::int64_t id_ = 0;
    std::string key_, kind_, detail_;
};

// Writes the request row, its lines and the new balances. Returns the request id; each line's id
// is filled in (a coin lot refers to the line that earned it).
std::int64_t write(LedgerRepository& repo, Draft& d, const std::string& key, const std::string& kind,
                   const std::string& request_json, const std::string& detail_json);

// The answer to a request just written, from what is in memory.
TxnResult posted(const Draft& d, const std::string& member_number);

}  // namespace md

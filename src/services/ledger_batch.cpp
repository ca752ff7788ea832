#include "services/ledger_batch.h"

#include "models/errors.h"
#include "models/text.h"
#include "models/translate.h"
#include "services/text_encoding.h"

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

namespace md {
namespace {

enum class Column { Kind, Member, Amount, StoredValue, Key };

const std::map<std::string, Column>& known_headers() {
    static const std::map<std::string, Column> known = {
        {"kind", Column::Kind},     {"member", Column::Member},           {"amount", Column::Amount},
        {"stored_value", Column::StoredValue}, {"key", Column::Key},
    };
    return known;
}

struct BatchRow {
    int line = 0;
    bool purchase = false;
    std::string member, key;
    Money amount;
    std::optional<Money> stored_value;
};

// A row the ledger refused: the same kind of error, naming the row, so the exit code stays the
// one the contract gives for its cause.
[[noreturn]] void refuse_row(const BatchRow& row, const std::exception& cause) {
    const std::string message = subst(tr("row {0} ({1}): {2}; nothing in the batch was posted"),
                                      {std::to_string(row.line), row.key, cause.what()});
    if (auto* v = dynamic_cast<const ValidationError*>(&cause)) throw ValidationError(v->field(), v->value(), message);
    if (dynamic_cast<const NotFoundError*>(&cause)) throw NotFoundError(message);
    if (dynamic_cast<const ConflictError*>(&cause)) throw ConflictError(message);
    if (dynamic_cast<const PermissionError*>(&cause)) throw PermissionError(message);
    throw StorageError(message);
}

}  // namespace

LedgerBatchResult LedgerBatch::post_csv(const Actor& actor, const std::string& bytes, const std::string& file_name,
                                        bool dry_run) {
    audit_.require(actor, Action::PostTransactions, "ledger_batch", file_name);
    const std::vector<CsvRecord> records = read_csv(decode_text(bytes, TextEncoding::Auto).utf8);
    if (records.size() < 2) throw ValidationError("file", file_name, tr("file: no rows in the batch"));

    std::map<Column, std::size_t> at;
    std::vector<std::string> header;
    for (std::size_t c = 0; c < records[0].fields.size(); ++c) {
        header.push_back(trim_space(records[0].fields[c]));
        auto known = known_headers().find(header.back());
        if (known == known_headers().end())
            throw ValidationError("header", header.back(),
                                  subst(tr("header: unknown column \"{0}\" (known: kind, member, amount, stored_value, key)"),
                                        {header.back()}));
        if (!at.emplace(known->second, c).second)
            throw ValidationError("header", header.back(), subst(tr("header: column \"{0}\" appears twice"), {header.back()}));
    }
    for (const char* needed : {"kind", "member", "amount", "key"})
        if (!at.count(known_headers().at(needed)))
            throw ValidationError("header", needed, subst(tr("header: the batch needs a {0} column"), {needed}));

    // Every row is checked before anything is written, and every problem reported.
    LedgerBatchResult result;
    std::vector<BatchRow> rows;
    std::set<std::string> keys;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const CsvRecord& rec = records[r];
        ++result.rows;
        auto cell = [&](Column c) {
            auto it = at.find(c);
            return it == at.end() || it->second >= rec.fields.size() ? std::string() : trim_space(rec.fields[it->second]);
        };
        auto problem = [&](Column c, const std::string& value, const std::string& reason) {
            result.problems.push_back({rec.line, header[at.at(c)], value, reason});
        };
        BatchRow row;
        row.line = rec.line;
        const std::string kind = cell(Column::Kind);
        row.purchase = kind == "purchase";
        if (kind != "recharge" && kind != "purchase")
            problem(Column::Kind, kind, subst(tr("kind: \"{0}\" is not recharge or purchase"), {kind}));
        row.member = cell(Column::Member);
        if (row.member.empty()) problem(Column::Member, "", tr("member: a row needs the member's number"));
        const std::string amount = cell(Column::Amount);
        try {
            row.amount = Money::parse(amount, "amount");
            if (row.amount.fen() <= 0)
                problem(Column::Amount, amount, subst(tr("amount: {0} must be more than zero"), {amount}));
        } catch (const ValidationError& e) {
            problem(Column::Amount, amount, e.what());
        }
        if (const std::string part = cell(Column::StoredValue); !part.empty()) {
            if (!row.purchase) {
                problem(Column::StoredValue, part, tr("stored_value: only a purchase pays from stored value"));
            } else {
                try {
                    row.stored_value = Money::parse(part, "stored_value");
                    if (row.stored_value->fen() < 0)
                        problem(Column::StoredValue, part, subst(tr("stored_value: {0} is below zero"), {part}));
                } catch (const ValidationError& e) {
                    problem(Column::StoredValue, part, e.what());
                }
            }
        }
        row.key = cell(Column::Key);
        if (row.key.empty()) problem(Column::Key, "", tr("key: every row needs its own idempotency key"));
        else if (row.key.size() > 200) problem(Column::Key, shortened(row.key, 40), tr("key: at most 200 characters"));
        else if (!keys.insert(row.key).second)
            problem(Column::Key, row.key, subst(tr("key: \"{0}\" appears twice in the file"), {row.key}));
        rows.push_back(std::move(row));
    }
    if (!result.problems.empty()) return result;

    // One transaction: each posting is a savepoint of it, and only the final commit makes any
    // of them durable, so a batch cut short by a crash leaves no row behind.
    Transaction tx(db_);
    for (const BatchRow& row : rows) {
        TxnResult posted;
        try {
            if (row.purchase) {
                PurchaseRequest p;
                p.member = row.member;
                p.list_price = row.amount;
                p.stored_value = row.stored_value;
                p.key = row.key;
                posted = ledger_.purchase(actor, p);
            } else {
                posted = ledger_.recharge(actor, {row.member, row.amount, row.key});
            }
        } catch (const Error& e) {
            refuse_row(row, e);
        }
        (posted.repeated ? result.repeated : result.posted) += 1;
        (row.purchase ? result.purchased : result.recharged) += row.amount;
        if (!result.first_txn) result.first_txn = posted.txn;
        result.last_txn = posted.txn;
    }
    if (dry_run) return result;  // everything checked against the ledger; the rollback undoes it
    audit_.record(actor.username, "txn.batch", "ledger_batch", file_name, "",
                  nlohmann::json{{"rows", result.rows},
                                 {"posted", result.posted},
                                 {"repeated", result.repeated},
                                 {"recharged", result.recharged.to_string()},
                                 {"purchased", result.purchased.to_string()}}
                      .dump(),
                  "");
    tx.commit();
    result.written = true;
    return result;
}

}  // namespace md

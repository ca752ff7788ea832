#include "services/opening_balances.h"

#include "db/ledger_repository.h"
#include "models/errors.h"
#include "models/translate.h"
#include "services/ledger_draft.h"
#include "services/member_service.h"
#include "services/text_encoding.h"

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

namespace md {
namespace {

enum class Column { Member, Principal, Bonus, Compensation, Coins, CoinsExpireOn };

// The header names each column is known by, lower-case.
const std::map<std::string, Column>& known_headers() {
    static const std::map<std::string, Column> known = {
        {"member", Column::Member},           {"会员号", Column::Member},
        {"principal", Column::Principal},     {"本金", Column::Principal},
        {"bonus", Column::Bonus},             {"赠送", Column::Bonus},
        {"compensation", Column::Compensation}, {"补偿", Column::Compensation},
        {"coins", Column::Coins},             {"兑换币", Column::Coins},
        {"coins_expire_on", Column::CoinsExpireOn}, {"兑换币到期日", Column::CoinsExpireOn},
    };
    return known;
}

std::string trimmed(const std::string& s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string::npos) return "";
    return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

std::string lower_ascii(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

struct OpeningRow {
    int line = 0;
    Member member;
    StoredValue value;
    std::int64_t coins = 0;
    std::optional<Date> coins_expire_on;
};

}  // namespace

OpeningImportResult OpeningBalanceImport::import_csv(const Actor& actor, const std::string& bytes,
                                                     const std::string& file_name, bool dry_run) {
    audit_.require(actor, Action::AdjustBalances, "member", file_name);
    const DecodedText decoded = decode_text(bytes, TextEncoding::Auto);
    const std::vector<CsvRecord> records = read_csv(decoded.utf8);
    if (records.size() < 2) throw ValidationError("file", file_name, tr("file: no opening balances in the file"));

    // The header: every column must be one this import knows, so a misspelt "bouns" is not
    // silently read as zero.
    std::map<Column, std::size_t> at;
    std::vector<std::string> header;
    for (std::size_t c = 0; c < records[0].fields.size(); ++c) {
        header.push_back(trimmed(records[0].fields[c]));
        auto known = known_headers().find(lower_ascii(header.back()));
        if (known == known_headers().end())
            throw ValidationError("header", header.back(),
                                  subst(tr("header: unknown column \"{0}\" (known: member, principal, bonus, compensation, "
                                           "coins, coins_expire_on)"),
                                        {header.back()}));
        if (!at.emplace(known->second, c).second)
            throw ValidationError("header", header.back(), subst(tr("header: column \"{0}\" appears twice"), {header.back()}));
    }
    if (!at.count(Column::Member))
        throw ValidationError("header", "", tr("header: the file needs a member column (member or 会员号)"));

    const Instant now = clock_();
    const Date today = to_business_time(now).date();
    OpeningImportResult result;
    std::vector<OpeningRow> rows;
    std::set<std::string> seen;
    Transaction tx(db_);
    LedgerRepository repo(db_);
    for (std::size_t r = 1; r < records.size(); ++r) {
        const CsvRecord& rec = records[r];
        ++result.rows;
        auto cell = [&](Column c) -> std::string {
            auto it = at.find(c);
            return it == at.end() || it->second >= rec.fields.size() ? "" : trimmed(rec.fields[it->second]);
        };
        auto problem = [&](Column c, const std::string& value, const std::string& reason) {
            result.problems.push_back({rec.line, at.count(c) ? header[at.at(c)] : "", value, reason});
        };
        OpeningRow row;
        row.line = rec.line;
        bool ok = true;
        for (Column c : {Column::Principal, Column::Bonus, Column::Compensation}) {
            const std::string text = cell(c);
            if (text.empty()) continue;
            const std::string name = header[at.at(c)];
            try {
                const Money m = Money::parse(text, name);
                if (m.fen() < 0) throw ValidationError(name, text, subst(tr("{0}: an opening balance cannot be negative"), {name}));
                row.value.at(c == Column::Principal ? Bucket::Principal
                             : c == Column::Bonus   ? Bucket::Bonus
                                                    : Bucket::Compensation) = m;
            } catch (const ValidationError& e) {
                problem(c, text, e.what());
                ok = false;
            }
        }
        if (const std::string coins = cell(Column::Coins); !coins.empty()) {
            if (coins.size() > 12 || coins.find_first_not_of("0123456789") != std::string::npos) {
                problem(Column::Coins, coins, subst(tr("coins: \"{0}\" is not a whole number of coins (0 or more)"), {coins}));
                ok = false;
            } else {
                row.coins = std::stoll(coins);
            }
        }
        if (const std::string expires = cell(Column::CoinsExpireOn); !expires.empty()) {
            try {
                row.coins_expire_on = parse_date(expires, "coins_expire_on");
                if (*row.coins_expire_on < today) {
                    problem(Column::CoinsExpireOn, expires,
                            subst(tr("coins_expire_on: {0} is already past; expired coins are not carried over"), {expires}));
                    ok = false;
                }
            } catch (const ValidationError& e) {
                problem(Column::CoinsExpireOn, expires, e.what());
                ok = false;
            }
        }
        const std::string number = cell(Column::Member);
        if (number.empty()) {
            problem(Column::Member, "", tr("member: a row needs the member's number"));
            continue;
        }
        if (!seen.insert(number).second) {
            problem(Column::Member, number, subst(tr("member: {0} appears twice in the file"), {number}));
            continue;
        }
        try {
            row.member = load_member(db_, number);
        } catch (const NotFoundError& e) {
            problem(Column::Member, number, e.what());
            continue;
        }
        if (ok && row.value.total().fen() == 0 && row.coins == 0) {
            problem(Column::Member, number, subst(tr("member: the row for {0} carries no value and no coins"), {number}));
            continue;
        }
        if (auto account = repo.open_account(row.member.id))
            if (auto txn = repo.opening_balance_txn(account->id))
                throw ConflictError(subst(tr("row {0}: member {1} already has an opening balance ({2}); nothing was "
                                             "imported"),
                                          {std::to_string(rec.line), number, reference_label(Reference::Transaction, *txn)}));
        if (!ok) continue;
        result.value.principal += row.value.principal;
        result.value.bonus += row.value.bonus;
        result.value.compensation += row.value.compensation;
        result.coins += row.coins;
        rows.push_back(std::move(row));
    }
    if (dry_run || !result.problems.empty()) return result;  // nothing written: the transaction rolls back

    const Program& rules = program_.rules_in_force(today);
    const std::string reason = subst(tr("opening balance from {0}"), {file_name});
    for (const OpeningRow& row : rows) {
        Draft d(repo.lock_open_account(row.member.id, now), today, actor.username, now, reason);
        for (Bucket b : kValueBuckets) d.add(EntryType::OpeningBalance, b, row.value.at(b).fen());
        d.add(EntryType::OpeningBalance, Bucket::Coins, row.coins);
        // Coins carried over mean the member was in the coin scheme already.
        if (row.coins > 0 && !d.account().coin_member_since) d.account().coin_member_since = today;
        // One key per member: a second import of the member can never post twice.
        const std::string key = "opening:" + row.member.number;
        const nlohmann::json request = {{"file", file_name},
                                        {"line", row.line},
                                        {"principal", row.value.principal.to_string()},
                                        {"bonus", row.value.bonus.to_string()},
                                        {"compensation", row.value.compensation.to_string()},
                                        {"coins", row.coins}};
        write(repo, d, key, "opening_balance", request.dump(), nlohmann::json::object().dump());
        if (row.coins > 0) {
            const std::optional<Date> expires =
                row.coins_expire_on ? row.coins_expire_on : (rules.points ? coin_expiry(*rules.points, today) : std::nullopt);
            repo.add_coin_lot(d.account().id, d.lines().back().id, {0, today, expires, row.coins});
        }
        ++result.posted;
    }
    audit_.record(actor.username, "txn.opening_import", "member", file_name, "",
                  nlohmann::json{{"members", result.posted},
                                 {"principal", result.value.principal.to_string()},
                                 {"bonus", result.value.bonus.to_string()},
                                 {"compensation", result.value.compensation.to_string()},
                                 {"coins", result.coins}}
                      .dump(),
                  "");
    tx.commit();
    result.written = true;
    return result;
}

}  // namespace md

#include "db/breakage_repository.h"

#include "db/ledger_scan.h"

#include <string>

namespace md {
namespace {

// Rows per query. One SELECT over ten million lines would make libpq hold the whole result
// before the first row is seen; a page bounds that, and the (account_id, id) index serves
// each page as a range scan.
constexpr int kPageRows = 20000;

// The columns both paths select; a card activation's lines also look up their card's batch (by
// the activation's request), every other line reads NULL there.
const char* kColumns =
    "SELECT account_id, id, entry_type, amount, business_day,"
    " CASE WHEN entry_type IN ('card_load', 'recharge_bonus') THEN"
    "  (SELECT c.batch_id FROM cards c WHERE c.request_id = e.request_id) END"
    " FROM ledger_entries e";

void each_sqlite_line(Database& db, const Date& day, const std::function<void(const StoredValueLine&)>& visit) {
    SqliteScan scan(db, std::string(kColumns) + " WHERE bucket IN ('principal', 'bonus') AND business_day <= ?"
                                              " ORDER BY account_id, id",
                    {format_date(day)});
    LedgerCodes parse;
    StoredValueLine line;
    while (scan.next()) {
        line.account_id = scan.integer(0);
        line.entry_type = parse.types(scan.text(2));
        line.amount = scan.integer(3);
        line.business_day = parse.days(scan.text(4));
        line.card_batch = scan.is_null(5) ? 0 : scan.integer(5);
        visit(line);
    }
}

}  // namespace

void BreakageRepository::each_stored_value_line(const Date& day, const std::function<void(const StoredValueLine&)>& visit) {
    db_.guarded("reading the stored-value lines for breakage", [&] {
        if (db_.backend() == Backend::Sqlite) return each_sqlite_line(db_, day, visit);
        const std::string d = format_date(day);
        LedgerCodes parse;
        long long after_account = -1, after_id = -1;
        for (;;) {
            long long account = 0, id = 0, amount = 0, batch = 0;
            soci::indicator batch_ind = soci::i_ok;
            std::string type, business_day;
            // A row-value comparison: PostgreSQL serves it as a range of the (account_id, id) index,
            // where an OR of two conditions could rescan from the start.
            soci::statement st =
                (db_.sql().prepare << std::string(kColumns) + " WHERE (account_id, id) > (:a, :i)"
                                      " AND bucket IN ('principal', 'bonus') AND business_day <= :d"
                                      " ORDER BY account_id, id LIMIT " + std::to_string(kPageRows),
                 soci::into(account), soci::into(id), soci::into(type), soci::into(amount), soci::into(business_day),
                 soci::into(batch, batch_ind), soci::use(after_account), soci::use(after_id), soci::use(d));
            st.execute(false);
            int rows = 0;
            StoredValueLine line;
            while (st.fetch()) {
                ++rows;
                line.account_id = account;
                line.entry_type = parse.types(type);
                line.amount = amount;
                line.business_day = parse.days(business_day);
                line.card_batch = batch_ind == soci::i_ok ? batch : 0;
                visit(line);
                after_account = account;
                after_id = id;
            }
            if (rows < kPageRows) break;
        }
    });
}

}  // namespace md

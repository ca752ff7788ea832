#include "reports/card_batch_report.h"

#include "db/card_batch_report_repository.h"
#include "models/date_text.h"
#include "models/translate.h"
#include "reports/report_header.h"
#include "services/services.h"

namespace md::report {
namespace {

std::int64_t of(const std::map<std::string, std::int64_t>& counts, CardState state) {
    const auto it = counts.find(card_state_code(state));
    return it == counts.end() ? 0 : it->second;
}

}  // namespace

Document card_batch_report(Services& services, const Actor& actor, const Date& as_of, const Date& from) {
    Document d = begin_report(services, actor, Action::ViewAccounts, "card_batches", tr("Card batch reconciliation"),
                              {{tr("As of the end of"), display_date(as_of)}, {tr("Movements from"), display_date(from)}});
    Transaction tx(services.database(), TransactionKind::ReadSnapshot);
    const std::vector<BatchCardCounts> batches = CardBatchReportRepository(services.database())
                                                     .counts(business_day_start_utc(from),
                                                             business_day_start_utc(as_of + boost::gregorian::days(1)));
    tx.commit();

    Section held;
    held.heading = subst(tr("Cards by state at the end of {0}"), {display_date(as_of)});
    held.notes.push_back(tr("In stock: issued and not sold. Outstanding: in stock or sold, so still able to be activated. "
                            "Sold cards were paid for but their value is in no account until activated; their face value "
                            "is owed on top of the stored value in the liability report."));
    if (batches.empty()) held.notes.push_back(subst(tr("No card batch had been made by the end of {0}."), {display_date(as_of)}));
    ReportTable t;
    t.table.columns = {{"batch", tr("Batch"), ColumnType::Text},          {"face_value", tr("Face value"), ColumnType::Money},
                       {"issued", tr("Issued"), ColumnType::Count},       {"in_stock", tr("In stock"), ColumnType::Count},
                       {"sold", tr("Sold"), ColumnType::Count},           {"activated", tr("Activated"), ColumnType::Count},
                       {"blocked", tr("Blocked"), ColumnType::Count},     {"closed", tr("Closed"), ColumnType::Count},
                       {"expired", tr("Expired"), ColumnType::Count},     {"outstanding", tr("Outstanding"), ColumnType::Count},
                       {"sold_value", tr("Sold, not activated"), ColumnType::Money}};
    std::int64_t totals[9] = {};
    std::int64_t sold_value = 0;
    for (const BatchCardCounts& b : batches) {
        const std::int64_t n[9] = {b.batch.quantity,
                                   of(b.held, CardState::Issued),
                                   of(b.held, CardState::Sold),
                                   of(b.held, CardState::Activated),
                                   of(b.held, CardState::Blocked),
                                   of(b.held, CardState::Closed),
                                   of(b.held, CardState::Expired),
                                   of(b.held, CardState::Issued) + of(b.held, CardState::Sold),
                                   0};
        const std::int64_t value = n[2] * b.batch.face_value.fen();
        std::vector<Cell> row = {b.batch.code, b.batch.face_value};
        for (int i = 0; i < 8; ++i) {
            row.push_back(n[i]);
            totals[i] += n[i];
        }
        row.push_back(Money::from_fen(value));
        sold_value += value;
        t.table.rows.push_back(std::move(row));
    }
    std::vector<Cell> total_row = {tr("Total"), Cell{}};
    for (int i = 0; i < 8; ++i) total_row.push_back(totals[i]);
    total_row.push_back(Money::from_fen(sold_value));
    t.totals = std::move(total_row);
    held.tables.push_back(std::move(t));
    d.sections.push_back(std::move(held));

    Section moved;
    moved.heading = subst(tr("Movements from {0} to {1}"), {display_date(from), display_date(as_of)});
    moved.notes.push_back(tr("Each change of a card's state in the period, counted by the state it moved to; unblocking a "
                             "card is not counted again. Value activated: face value and bonus loaded into accounts."));
    ReportTable m;
    m.table.columns = {{"batch", tr("Batch"), ColumnType::Text},        {"sold", tr("Sold"), ColumnType::Count},
                       {"activated", tr("Activated"), ColumnType::Count}, {"blocked", tr("Blocked"), ColumnType::Count},
                       {"closed", tr("Closed"), ColumnType::Count},     {"expired", tr("Expired"), ColumnType::Count},
                       {"activated_value", tr("Value activated"), ColumnType::Money}};
    std::int64_t moves[5] = {};
    std::int64_t activated_value = 0;
    for (const BatchCardCounts& b : batches) {
        const CardState states[5] = {CardState::Sold, CardState::Activated, CardState::Blocked, CardState::Closed, CardState::Expired};
        std::vector<Cell> row = {b.batch.code};
        for (int i = 0; i < 5; ++i) {
            const std::int64_t n = of(b.moved, states[i]);
            row.push_back(n);
            moves[i] += n;
        }
        // What activation loaded: the face value and the denomination's bonus of each card.
        const std::int64_t value = of(b.moved, CardState::Activated) * (b.batch.face_value.fen() + b.batch.bonus.fen());
        row.push_back(Money::from_fen(value));
        activated_value += value;
        m.table.rows.push_back(std::move(row));
    }
    std::vector<Cell> move_totals = {tr("Total")};
    for (std::int64_t n : moves) move_totals.push_back(n);
    move_totals.push_back(Money::from_fen(activated_value));
    m.totals = std::move(move_totals);
    moved.tables.push_back(std::move(m));
    d.sections.push_back(std::move(moved));
    return d;
}

}  // namespace md::report

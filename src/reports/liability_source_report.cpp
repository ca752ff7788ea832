#include "reports/liability_source_report.h"

#include "db/card_repository.h"
#include "models/date_text.h"
#include "models/translate.h"
#include "reports/breakage_report.h"
#include "reports/report_figures.h"
#include "reports/report_header.h"
#include "services/services.h"

#include <map>

namespace md::report {
namespace {

std::vector<Column> value_columns(const std::string& first_key, const std::string& first_title) {
    return {{first_key, first_title, ColumnType::Text},
            {"loaded", tr("Loaded"), ColumnType::Money},
            {"outstanding", tr("Still owed"), ColumnType::Money},
            {"share", tr("Share of what is owed"), ColumnType::Percent}};
}

// Spending that found no load to take it from (a history that does not start at zero) lowers
// what is owed without belonging to any load: a row of its own keeps the totals true. Its last two
// columns are the still-owed amount and its share; the ones between are left blank.
void unattributed_row(ReportTable& t, std::int64_t unattributed, std::int64_t owed) {
    if (unattributed == 0) return;
    std::vector<Cell> row(t.table.columns.size());
    row.front() = tr("Spent with no load to take it from");
    row[row.size() - 2] = Money::from_fen(-unattributed);
    row.back() = rate_cell(-unattributed, owed);
    t.table.rows.push_back(std::move(row));
}

Section by_issue_month(const CohortFigures& f, std::int64_t loaded, std::int64_t owed, const Date& as_of) {
    Section s;
    s.heading = tr("Stored value by issue month");
    s.notes.push_back(subst(tr("What members paid (principal) and the bonus given with it, still owed at the end of {0}, "
                               "by the month it was loaded in. Each account spends its oldest loads first and a refund "
                               "gives back the last fen spent, as in the breakage estimate. Compensation is not sold "
                               "value and is not in this split; the liability report gives it."),
                            {display_date(as_of)}));
    ReportTable t;
    t.table.columns = value_columns("issue_month", tr("Issue month"));
    Chart chart;
    chart.title = tr("Still owed by issue month");
    chart.value_type = ColumnType::Money;
    chart.series.push_back({tr("Still owed"), {}});
    for (const auto& [month, c] : f.cohorts) {
        const std::int64_t left = c.loaded - c.redeemed;
        if (c.loaded == 0 && left == 0) continue;
        t.table.rows.push_back({month_label(month), Money::from_fen(c.loaded), Money::from_fen(left), rate_cell(left, owed)});
        chart.labels.push_back(month_label(month));
        chart.series[0].values.push_back(left);
    }
    unattributed_row(t, f.unattributed, owed);
    t.totals = std::vector<Cell>{tr("Total"), Money::from_fen(loaded), Money::from_fen(owed), rate_cell(owed, owed)};
    if (t.table.rows.empty()) s.notes.push_back(subst(tr("No stored value had been loaded by the end of {0}."), {display_date(as_of)}));
    s.tables.push_back(std::move(t));
    if (!chart.labels.empty()) s.charts.push_back(std::move(chart));
    return s;
}

Section by_batch(const CohortFigures& f, const std::map<std::int64_t, CardBatch>& batches, std::int64_t loaded, std::int64_t owed) {
    Section s;
    s.heading = tr("Stored value by card batch");
    s.notes.push_back(tr("A card's face value and its batch's bonus belong to the batch from the day the card is "
                         "activated. Value loaded without a card (cash recharges and their bonuses, adjustments, "
                         "balances carried over or merged in) has a row of its own."));
    ReportTable t;
    t.table.columns = value_columns("batch", tr("Batch"));
    t.table.columns.insert(t.table.columns.begin() + 1, {"face_value", tr("Face value"), ColumnType::Money});
    t.table.columns.insert(t.table.columns.begin() + 2, {"bonus", tr("Bonus per card"), ColumnType::Money});
    for (const auto& [id, figures] : f.sources) {
        if (id == 0) continue;
        const auto b = batches.find(id);
        const std::string code = b == batches.end() ? "#" + std::to_string(id) : b->second.code;
        t.table.rows.push_back({code, b == batches.end() ? Money{} : b->second.face_value, b == batches.end() ? Money{} : b->second.bonus,
                                Money::from_fen(figures.loaded), Money::from_fen(figures.outstanding), rate_cell(figures.outstanding, owed)});
    }
    if (const auto none = f.sources.find(0); none != f.sources.end())
        t.table.rows.push_back({tr("No card"), Cell{}, Cell{}, Money::from_fen(none->second.loaded),
                                Money::from_fen(none->second.outstanding), rate_cell(none->second.outstanding, owed)});
    unattributed_row(t, f.unattributed, owed);
    t.totals = std::vector<Cell>{tr("Total"), Cell{}, Cell{}, Money::from_fen(loaded), Money::from_fen(owed), rate_cell(owed, owed)};
    s.tables.push_back(std::move(t));
    return s;
}

Section by_denomination(const CohortFigures& f, const std::map<std::int64_t, CardBatch>& batches, std::int64_t loaded,
                        std::int64_t owed) {
    Section s;
    s.heading = tr("Stored value by denomination");
    s.notes.push_back(tr("The card batches above added up by their cards' face value."));
    std::map<std::int64_t, SourceFigures> by_face;  // face value in fen → figures
    for (const auto& [id, figures] : f.sources) {
        if (id == 0) continue;
        const auto b = batches.find(id);
        SourceFigures& d = by_face[b == batches.end() ? 0 : b->second.face_value.fen()];
        d.loaded += figures.loaded;
        d.outstanding += figures.outstanding;
    }
    ReportTable t;
    t.table.columns = value_columns("denomination", tr("Denomination"));
    for (const auto& [face, figures] : by_face)
        t.table.rows.push_back({Money::from_fen(face).to_display(), Money::from_fen(figures.loaded), Money::from_fen(figures.outstanding),
                                rate_cell(figures.outstanding, owed)});
    if (const auto none = f.sources.find(0); none != f.sources.end())
        t.table.rows.push_back({tr("No card"), Money::from_fen(none->second.loaded), Money::from_fen(none->second.outstanding),
                                rate_cell(none->second.outstanding, owed)});
    unattributed_row(t, f.unattributed, owed);
    t.totals = std::vector<Cell>{tr("Total"), Money::from_fen(loaded), Money::from_fen(owed), rate_cell(owed, owed)};
    s.tables.push_back(std::move(t));
    return s;
}

}  // namespace

Document liability_source_report(Services& services, const Actor& actor, const Date& as_of, const ReportProgress& progress) {
    Document d = begin_report(services, actor, Action::ViewAccounts, "liability_sources", tr("Prepaid liability by source"),
                              {{tr("As of the end of"), display_date(as_of)}});
    std::map<std::int64_t, CardBatch> batches;
    for (const BatchSummary& b : CardRepository(services.database()).batches()) batches[b.batch.id] = b.batch;
    const CohortFigures f = read_cohorts(services, as_of, as_of, progress);
    progress.stage(900, tr("Adding up the stored value by source"));
    std::int64_t loaded = 0, owed = -f.unattributed;
    for (const auto& [id, figures] : f.sources) {
        loaded += figures.loaded;
        owed += figures.outstanding;
    }
    d.sections.push_back(by_issue_month(f, loaded, owed, as_of));
    d.sections.push_back(by_batch(f, batches, loaded, owed));
    d.sections.push_back(by_denomination(f, batches, loaded, owed));
    progress.stage(1000, tr("Done"));
    return d;
}

}  // namespace md::report

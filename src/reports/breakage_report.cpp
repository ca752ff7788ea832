#include "reports/breakage_report.h"

#include "db/breakage_repository.h"
#include "models/date_text.h"
#include "reports/breakage_cohorts.h"
#include "reports/breakage_method.h"
#include "reports/report_header.h"
#include "services/services.h"

#include <array>
#include <cstdio>

// Definitions (also the notes on the report):
// - Stored value = the paid (principal) and bonus buckets. Compensation granted on complaints is
//   left out: nobody paid for it, so it is no prepaid consideration whose breakage is revenue.
// - A cohort is the month value was loaded in (cash recharge, card load, recharge bonus; also
//   adjust up, opening balances and merged-in balances). Each account's redemptions (purchases,
//   meal-package purchases, adjust down) take its oldest loads first (FIFO); a refund gives back
//   the last fen redeemed first (LIFO), lowering that cohort's redeemed figure in the refund's
//   month. One pass over the ledger in (account, id) order; see breakage_cohorts.h.
// - Redemption curve: the share of a cohort's loaded value redeemed by the end of the k-th month
//   after its issue month (M0 = the issue month itself), shown at kCurveMonths, and "now" (the
//   end of the as-of day). A month not yet ended by the as-of day is left blank.
// - Expected unredeemed share (rate): over the cohorts whose month kBreakageHorizonMonths (24)
//   has ended, Σ(loaded − redeemed by then) ÷ Σ loaded. None that old: rate 0, and the report
//   says so. See breakage_method.h.
// - Recognised to date per cohort = min(loaded × rate, redeemed × rate ÷ (1 − rate)); in the
//   period = to date at the end of as_of − to date at the end of the day before `from`, each with
//   the rate known on that day, so a change of estimate is caught up in the period.
// - Rounding: shares and the rate in basis points, half up; money half up to the fen. No floating
//   point anywhere.
// - Journal: Dr 2203 prepaid stored-value liability / Cr 6051 breakage revenue for the period's
//   amount, dated the as-of day (reversed if the amount is negative).

namespace md::report {

CohortFigures read_cohorts(Services& services, const Date& as_of, const Date& cutoff, const ReportProgress& progress) {
    CohortLedger ledger(as_of, cutoff);
    // One read transaction: the pages of lines see one ledger even while consoles post.
    Transaction tx(services.database(), TransactionKind::ReadSnapshot);
    std::int64_t lines = 0;
    BreakageRepository(services.database()).each_stored_value_line(as_of, [&](const StoredValueLine& line) {
        progress.tick(++lines, 100000, 100, tr("Reading the stored-value lines"));
        ledger.add(line.account_id, line.entry_type, line.amount, line.business_day, line.card_batch);
    });
    tx.commit();
    return ledger.finish();
}

namespace {

// The months after the issue month at which the curve is shown: to the rate's horizon, denser
// early on where most redemption happens, few enough that the percentages fit an A4 page unbroken.
constexpr std::array<int, 7> kCurveMonths = {0, 1, 3, 6, 12, 18, 24};
static_assert(kCurveMonths.back() == kBreakageHorizonMonths);

struct CohortRow {
    int month = 0;
    std::int64_t loaded = 0, redeemed = 0, before = 0, to_date = 0;
};

struct Estimate {
    Date as_of, from, cutoff;
    CohortFigures figures;
    BreakageRate rate, rate_before;
    std::vector<CohortRow> rows;
    std::int64_t loaded = 0, redeemed = 0, before = 0, to_date = 0;
    std::int64_t in_period() const { return to_date - before; }
};

Estimate estimate(Services& services, const Date& as_of, const Date& from, const ReportProgress& progress) {
    Estimate e;
    e.as_of = as_of;
    e.from = from;
    e.cutoff = from - boost::gregorian::days(1);
    e.figures = read_cohorts(services, as_of, e.cutoff, progress);
    e.rate = breakage_rate(e.figures, as_of, false);
    e.rate_before = breakage_rate(e.figures, e.cutoff, true);
    for (const auto& [month, c] : e.figures.cohorts) {
        if (c.loaded <= 0 && c.loaded_at_cutoff <= 0) continue;
        CohortRow r;
        r.month = month;
        r.loaded = c.loaded;
        r.redeemed = c.redeemed;
        r.before = recognised_to_date(c.loaded_at_cutoff, c.redeemed_at_cutoff, e.rate_before.basis_points);
        r.to_date = recognised_to_date(c.loaded, c.redeemed, e.rate.basis_points);
        e.loaded += r.loaded;
        e.redeemed += r.redeemed;
        e.before += r.before;
        e.to_date += r.to_date;
        e.rows.push_back(r);
    }
    return e;
}

std::int64_t share(std::int64_t part, std::int64_t whole) { return whole > 0 ? mul_div_half_up(part, kBasisPoints, whole) : 0; }

std::string months_text() {
    std::string out;
    for (int k : kCurveMonths) out += (out.empty() ? "" : ", ") + std::to_string(k);
    return out;
}

Section method(const Estimate& e) {
    Section s;
    s.heading = tr("How breakage is estimated");
    s.notes.push_back(tr("Stored value here is what members paid (principal) and the bonus given with it. Compensation "
                         "granted on complaints is left out: nobody paid for it."));
    s.notes.push_back(tr("A cohort is the month value was loaded in (cash recharges, cards, recharge bonuses; also "
                         "adjustments up, opening balances and merged-in balances). Each account spends its oldest "
                         "loads first (first in, first out), so every fen redeemed belongs to one cohort. A refund "
                         "gives back the last fen redeemed first and lowers that cohort's redeemed value in the "
                         "refund's month. A balance merged into another account leaves its cohort."));
    s.notes.push_back(subst(tr("Expected unredeemed share (breakage rate): over the cohorts at least {0} months old, "
                               "the value not redeemed by the end of month {0} after the issue month, divided by the "
                               "value loaded. If no cohort is that old, no breakage is recognised (rate 0)."),
                            {std::to_string(kBreakageHorizonMonths)}));
    s.notes.push_back(tr("Recognition in proportion to redemption: breakage recognised to date = loaded × rate × "
                         "min(1, redeemed ÷ (loaded × (1 − rate))). Recognised in the period = recognised to the end "
                         "of the period − recognised to the end of the day before it, each with the rate known on "
                         "that day. Rates in basis points, amounts rounded half up to the fen."));
    s.notes.push_back(subst(tr("Journal: debit {0} {1}, credit {2} {3}, dated the last day of the period."),
                            {kStoredValueLiabilityAccount.code, tr(kStoredValueLiabilityAccount.name),
                             kBreakageRevenueAccount.code, tr(kBreakageRevenueAccount.name)}));
    if (e.rows.empty())
        s.notes.push_back(subst(tr("No stored value was loaded by the end of {0}: there is nothing to estimate."),
                                {display_date(e.as_of)}));
    if (e.figures.unattributed != 0)
        s.notes.push_back(subst(tr("WARNING: {0} of redemptions found no load to come from; run db check."),
                                {Money::from_fen(e.figures.unattributed).to_display()}));
    return s;
}

Section curves(const Estimate& e) {
    Section s;
    s.heading = tr("Redemption curves by issue month");
    s.notes.push_back(subst(tr("Share of each cohort's loaded value redeemed by the end of month k after the issue month "
                               "(M0 is the issue month itself), shown for k = {0}, and now (the end of {1}). A month "
                               "that has not ended yet is left blank; later months are not shown. The last row and the chart "
                               "average, weighted by value, the cohorts that have reached each month."),
                            {months_text(), display_date(e.as_of)}));
    ReportTable t;
    t.table.columns = {{"issue_month", tr("Issue month"), ColumnType::Text}, {"loaded", tr("Loaded"), ColumnType::Money}};
    for (int k : kCurveMonths)
        t.table.columns.push_back({"m" + std::to_string(k), subst(tr("M{0}"), {std::to_string(k)}), ColumnType::Percent});
    t.table.columns.push_back({"now", tr("Now"), ColumnType::Percent});
    // The value-weighted average of the cohorts that reached each month: the totals row and the chart.
    std::array<std::int64_t, kCurveMonths.size()> reached_loaded{}, reached_redeemed{};
    for (const CohortRow& r : e.rows) {
        const Cohort& c = e.figures.cohorts.at(r.month);
        std::vector<Cell> row = {month_label(r.month), Money::from_fen(r.loaded)};
        row.reserve(t.table.columns.size());  // no reallocation: GCC 12 misreads moving a variant there
        for (std::size_t i = 0; i < kCurveMonths.size(); ++i) {
            if (!month_ended(r.month, kCurveMonths[i], e.as_of) || r.loaded <= 0) {
                row.emplace_back();  // blank: the month has not ended
                continue;
            }
            row.push_back(share(c.redeemed_by_month(kCurveMonths[i]), r.loaded));
            reached_loaded[i] += r.loaded;
            reached_redeemed[i] += c.redeemed_by_month(kCurveMonths[i]);
        }
        row.push_back(r.loaded > 0 ? Cell(share(r.redeemed, r.loaded)) : Cell{});
        t.table.rows.push_back(std::move(row));
    }
    std::vector<Cell> average = {tr("All cohorts (value-weighted)"), Money::from_fen(e.loaded)};
    average.reserve(t.table.columns.size());
    Chart chart;
    chart.title = tr("Average redemption curve (value-weighted)");
    chart.value_type = ColumnType::Percent;
    chart.series.push_back({tr("Redeemed"), {}});
    for (std::size_t i = 0; i < kCurveMonths.size(); ++i) {
        if (reached_loaded[i] == 0) {
            average.emplace_back();
            continue;
        }
        const std::int64_t bp = share(reached_redeemed[i], reached_loaded[i]);
        average.push_back(bp);
        chart.labels.push_back(subst(tr("M{0}"), {std::to_string(kCurveMonths[i])}));
        chart.series[0].values.push_back(bp);
    }
    average.push_back(share(e.redeemed, e.loaded));
    t.totals = average;
    s.tables.push_back(std::move(t));
    if (!chart.labels.empty()) s.charts.push_back(std::move(chart));
    return s;
}

Section rate_section(const Estimate& e) {
    Section s;
    s.heading = tr("Expected unredeemed share");
    const std::string horizon = std::to_string(kBreakageHorizonMonths);
    if (e.rate.known)
        s.notes.push_back(subst(tr("Estimated from {0} cohorts at least {1} months old: {2} of their loaded value was "
                                   "not redeemed by month {1}."),
                                {std::to_string(e.rate.cohorts), horizon, format_percent(e.rate.basis_points)}));
    else
        s.notes.push_back(subst(tr("No cohort is {0} months old by the end of {1}: the redemption history is too short "
                                   "to estimate breakage, so none is recognised (rate 0)."),
                                {horizon, display_date(e.as_of)}));
    if (e.rate_before.basis_points != e.rate.basis_points)
        s.notes.push_back(subst(tr("At the end of {0} the rate was {1}; the change is caught up in this period."),
                                {display_date(e.cutoff), format_percent(e.rate_before.basis_points)}));
    ReportTable t;
    t.table.columns = {{"issue_month", tr("Issue month"), ColumnType::Text},
                       {"loaded", tr("Loaded"), ColumnType::Money},
                       {"redeemed", subst(tr("Redeemed by M{0}"), {horizon}), ColumnType::Money},
                       {"unredeemed", subst(tr("Unredeemed at M{0}"), {horizon}), ColumnType::Money},
                       {"share", tr("Unredeemed share"), ColumnType::Percent}};
    for (const CohortRow& r : e.rows) {
        if (!month_ended(r.month, kBreakageHorizonMonths, e.as_of) || r.loaded <= 0) continue;
        const std::int64_t by = e.figures.cohorts.at(r.month).redeemed_by_month(kBreakageHorizonMonths);
        t.table.rows.push_back({month_label(r.month), Money::from_fen(r.loaded), Money::from_fen(by),
                                Money::from_fen(r.loaded - by), share(r.loaded - by, r.loaded)});
    }
    t.totals = std::vector<Cell>{tr("Breakage rate"), Money::from_fen(e.rate.loaded),
                                 Money::from_fen(e.rate.loaded - e.rate.unredeemed), Money::from_fen(e.rate.unredeemed),
                                 e.rate.basis_points};
    s.tables.push_back(std::move(t));
    return s;
}

Section recognition(const Estimate& e) {
    Section s;
    s.heading = subst(tr("Breakage recognised from {0} to {1}"), {display_date(e.from), display_date(e.as_of)});
    ReportTable t;
    t.table.columns = {{"issue_month", tr("Issue month"), ColumnType::Text},
                       {"loaded", tr("Loaded"), ColumnType::Money},
                       {"redeemed", tr("Redeemed"), ColumnType::Money},
                       {"unredeemed", tr("Unredeemed"), ColumnType::Money},
                       {"before", subst(tr("Recognised to {0}"), {display_date(e.cutoff)}), ColumnType::Money},
                       {"to_date", subst(tr("Recognised to {0}"), {display_date(e.as_of)}), ColumnType::Money},
                       {"period", tr("In the period"), ColumnType::Money}};
    for (const CohortRow& r : e.rows)
        t.table.rows.push_back({month_label(r.month), Money::from_fen(r.loaded), Money::from_fen(r.redeemed),
                                Money::from_fen(r.loaded - r.redeemed), Money::from_fen(r.before),
                                Money::from_fen(r.to_date), Money::from_fen(r.to_date - r.before)});
    t.totals = std::vector<Cell>{tr("Total"), Money::from_fen(e.loaded), Money::from_fen(e.redeemed),
                                 Money::from_fen(e.loaded - e.redeemed), Money::from_fen(e.before),
                                 Money::from_fen(e.to_date), Money::from_fen(e.in_period())};
    s.tables.push_back(std::move(t));
    if (e.rows.empty()) s.notes.push_back(tr("No stored value in this period: nothing to recognise."));
    return s;
}

// One balanced entry: debit the liability, credit revenue (the other way round for a reversal).
Section journal(const Estimate& e, bool with_notes) {
    Section s;
    s.heading = tr("Journal entry");
    const std::int64_t amount = e.in_period();
    const std::string memo = subst(tr("Breakage {0} to {1} at {2}"),
                                   {display_date(e.from), display_date(e.as_of), format_percent(e.rate.basis_points)});
    ReportTable t;
    t.table.columns = {{"date", tr("Date"), ColumnType::Date},
                       {"account_code", tr("Account code"), ColumnType::Text},
                       {"account_name", tr("Account name"), ColumnType::Text},
                       {"debit", tr("Debit"), ColumnType::Money},
                       {"credit", tr("Credit"), ColumnType::Money},
                       {"memo", tr("Memo"), ColumnType::Text}};
    const JournalAccount& debited = amount >= 0 ? kStoredValueLiabilityAccount : kBreakageRevenueAccount;
    const JournalAccount& credited = amount >= 0 ? kBreakageRevenueAccount : kStoredValueLiabilityAccount;
    const Money value = Money::from_fen(amount >= 0 ? amount : -amount);
    t.table.rows.push_back({e.as_of, std::string(debited.code), tr(debited.name), value, std::monostate{}, memo});
    t.table.rows.push_back({e.as_of, std::string(credited.code), tr(credited.name), std::monostate{}, value, memo});
    s.tables.push_back(std::move(t));
    if (with_notes) {
        // No totals row: the table is what finance imports, line for line.
        s.notes.push_back(subst(tr("Debits {0} = credits {0}."), {value.to_display()}));
        if (amount == 0) s.notes.push_back(tr("No breakage to recognise in this period."));
        if (amount < 0) s.notes.push_back(tr("Negative: breakage recognised earlier is reversed."));
    }
    return s;
}

std::vector<std::pair<std::string, std::string>> parameters(const Date& as_of, const Date& from) {
    return {{tr("As of the end of"), display_date(as_of)}, {tr("Period from"), display_date(from)}};
}

}  // namespace

Document breakage_report(Services& services, const Actor& actor, const Date& as_of, const Date& from,
                         const ReportProgress& progress) {
    Document d = begin_report(services, actor, Action::ViewAccounts, "breakage", tr("Breakage estimate"), parameters(as_of, from));
    const Estimate e = estimate(services, as_of, from, progress);
    d.parameters.push_back({tr("Expected unredeemed share"), format_percent(e.rate.basis_points)});
    d.sections.push_back(method(e));
    d.sections.push_back(curves(e));
    d.sections.push_back(rate_section(e));
    d.sections.push_back(recognition(e));
    d.sections.push_back(journal(e, true));
    return d;
}

Document breakage_journal_report(Services& services, const Actor& actor, const Date& as_of, const Date& from,
                                 const ReportProgress& progress) {
    Document d = begin_report(services, actor, Action::ViewAccounts, "breakage_journal", tr("Breakage journal entry"),
                              parameters(as_of, from));
    const Estimate e = estimate(services, as_of, from, progress);
    d.parameters.push_back({tr("Expected unredeemed share"), format_percent(e.rate.basis_points)});
    d.sections.push_back(journal(e, false));
    return d;
}

}  // namespace md::report

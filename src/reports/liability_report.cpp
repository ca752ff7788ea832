#include "reports/liability_report.h"

#include "db/liability_repository.h"
#include "models/errors.h"
#include "models/translate.h"
#include "reports/ledger_words.h"
#include "reports/report_header.h"
#include "services/services.h"

#include <array>

namespace md::report {
namespace {

constexpr std::array<Bucket, 4> kOwedBuckets = {Bucket::Principal, Bucket::Bonus, Bucket::Compensation, Bucket::Package};

std::int64_t of(const std::map<std::string, std::int64_t>& sums, Bucket b) {
    const auto it = sums.find(bucket_code(b));
    return it == sums.end() ? 0 : it->second;
}

// One reconciliation row: the three stored-value buckets, their sum, and the package goods.
std::vector<Cell> value_row(const std::string& label, const std::array<std::int64_t, 4>& amounts) {
    return {label,
            Money::from_fen(amounts[0]),
            Money::from_fen(amounts[1]),
            Money::from_fen(amounts[2]),
            Money::from_fen(amounts[0] + amounts[1] + amounts[2]),
            Money::from_fen(amounts[3])};
}

std::array<std::int64_t, 4> owed(const std::map<std::string, std::int64_t>& sums) {
    return {of(sums, Bucket::Principal), of(sums, Bucket::Bonus), of(sums, Bucket::Compensation), of(sums, Bucket::Package)};
}

Section summary(const std::array<std::int64_t, 4>& closing, std::int64_t coins, Money coin_value, const Date& as_of) {
    Section s;
    s.heading = subst(tr("Owed to members at the end of {0}"), {format_date(as_of)});
    ReportTable t;
    t.table.columns = {{"item", tr("Liability"), ColumnType::Text}, {"amount", tr("Amount"), ColumnType::Money}};
    const Money coins_value = Money::from_fen(coins * coin_value.fen());
    const std::vector<std::pair<std::string, Money>> items = {
        {tr("Stored value paid by members (principal)"), Money::from_fen(closing[0])},
        {tr("Bonus value given with recharges and cards"), Money::from_fen(closing[1])},
        {tr("Compensation granted on complaints"), Money::from_fen(closing[2])},
        {tr("Meal-package goods not yet delivered"), Money::from_fen(closing[3])},
        {subst(tr("Coins at redemption value ({0} coins × {1})"), {std::to_string(coins), coin_value.to_display()}), coins_value},
    };
    Chart chart;
    chart.title = tr("Liability by kind");
    chart.value_type = ColumnType::Money;
    chart.series.push_back({tr("Amount"), {}});
    Money total;
    for (const auto& [label, amount] : items) {
        t.table.rows.push_back({label, amount});
        chart.labels.push_back(label);
        chart.series[0].values.push_back(amount.fen());
        total = total + amount;
    }
    t.totals = std::vector<Cell>{tr("Total liability"), total};
    s.tables.push_back(std::move(t));
    s.charts.push_back(std::move(chart));
    if (total.fen() == 0) s.notes.push_back(subst(tr("Nothing was owed to members at the end of {0}."), {format_date(as_of)}));
    return s;
}

Section reconciliation(const std::array<std::int64_t, 4>& opening, const std::array<std::int64_t, 4>& closing,
                       const std::vector<LedgerMovement>& movements, const Date& from, const Date& as_of) {
    Section s;
    s.heading = subst(tr("Movements from {0} to {1}, reconciled"), {format_date(from), format_date(as_of)});
    s.notes.push_back(tr("Each column adds up: the opening balance plus every movement of the period equals the closing "
                         "balance. Amounts are signed: what members spent or were refunded out of a bucket is negative."));
    ReportTable t;
    t.table.columns = {{"movement", tr("Movement"), ColumnType::Text},
                       {"principal", tr("Principal"), ColumnType::Money},
                       {"bonus", tr("Bonus"), ColumnType::Money},
                       {"compensation", tr("Compensation"), ColumnType::Money},
                       {"stored_value", tr("Stored value"), ColumnType::Money},
                       {"packages", tr("Packages to deliver"), ColumnType::Money}};
    t.table.rows.push_back(value_row(subst(tr("Opening balance (end of {0})"), {format_date(from - boost::gregorian::days(1))}), opening));
    std::array<std::int64_t, 4> check = opening;
    for (int type = 0; type <= static_cast<int>(EntryType::Compensation); ++type) {
        std::array<std::int64_t, 4> amounts{};
        bool any = false;
        for (const LedgerMovement& m : movements) {
            if (m.entry_type != entry_type_code(static_cast<EntryType>(type))) continue;
            for (std::size_t b = 0; b < kOwedBuckets.size(); ++b)
                if (m.bucket == bucket_code(kOwedBuckets[b])) {
                    amounts[b] += m.amount;
                    any = any || m.amount != 0;
                }
        }
        if (!any) continue;
        for (std::size_t b = 0; b < 4; ++b) check[b] += amounts[b];
        t.table.rows.push_back(value_row(entry_type_words(static_cast<EntryType>(type)), amounts));
    }
    std::vector<Cell> closing_row = value_row(subst(tr("Closing balance (end of {0})"), {format_date(as_of)}), closing);
    t.totals = closing_row;
    s.tables.push_back(std::move(t));
    // Entries are only ever appended, so this holds; if it ever does not, the report says so.
    if (check != closing) s.notes.push_back(tr("WARNING: the movements do not add up to the closing balance; run db check."));
    return s;
}

Section coins_section(std::int64_t opening, std::int64_t closing, const std::vector<LedgerMovement>& movements,
                      Money coin_value, const Date& as_of) {
    Section s;
    s.heading = tr("Coins (points liability)");
    s.notes.push_back(subst(tr("Coins are valued at {0} each, the redemption value of the points rule in force on {1}."),
                            {coin_value.to_display(), format_date(as_of)}));
    ReportTable t;
    t.table.columns = {{"movement", tr("Movement"), ColumnType::Text},
                       {"coins", tr("Coins"), ColumnType::Count},
                       {"value", tr("Value"), ColumnType::Money}};
    auto row = [&](const std::string& label, std::int64_t coins) {
        t.table.rows.push_back({label, coins, Money::from_fen(coins * coin_value.fen())});
    };
    row(tr("Opening balance"), opening);
    for (const LedgerMovement& m : movements)
        if (m.bucket == bucket_code(Bucket::Coins) && m.amount != 0)
            row(entry_type_words(parse_entry_type(m.entry_type, "entry_type")), m.amount);
    t.totals = std::vector<Cell>{subst(tr("Closing balance (end of {0})"), {format_date(as_of)}), closing,
                                 Money::from_fen(closing * coin_value.fen())};
    s.tables.push_back(std::move(t));
    return s;
}

Section aging(LiabilityRepository& repo, const Date& as_of, const ReportProgress& progress) {
    Section s;
    s.heading = tr("Stored value by last activity");
    s.notes.push_back(tr("Each account's stored value at the end of the day, by the days since its last stored-value "
                         "movement (a recharge, card, purchase, refund, adjustment or compensation), counted to the "
                         "report's day; bands include both ends."));
    struct Band {
        const char* label;
        int up_to;  // days, inclusive; -1: no limit
        std::int64_t accounts = 0, value = 0;
    };
    std::array<Band, 4> bands = {{{tr_noop("0–90 days"), 90}, {tr_noop("91–180 days"), 180}, {tr_noop("181–365 days"), 365},
                                  {tr_noop("More than 365 days"), -1}}};
    std::int64_t visited = 0;
    repo.each_account_value(as_of, [&](std::int64_t value, const Date& last) {
        progress.tick(++visited, 50000, 500, tr("Ageing each account's stored value"));
        const long days = (as_of - last).days();
        for (Band& b : bands)
            if (b.up_to < 0 || days <= b.up_to) {
                ++b.accounts;
                b.value += value;
                break;
            }
    });
    ReportTable t;
    t.table.columns = {{"band", tr("Since last activity"), ColumnType::Text},
                       {"accounts", tr("Accounts"), ColumnType::Count},
                       {"stored_value", tr("Stored value"), ColumnType::Money}};
    Chart chart;
    chart.title = tr("Stored value by last activity");
    chart.value_type = ColumnType::Money;
    chart.series.push_back({tr("Stored value"), {}});
    std::int64_t accounts = 0, value = 0;
    for (const Band& b : bands) {
        t.table.rows.push_back({tr(b.label), b.accounts, Money::from_fen(b.value)});
        chart.labels.push_back(tr(b.label));
        chart.series[0].values.push_back(b.value);
        accounts += b.accounts;
        value += b.value;
    }
    t.totals = std::vector<Cell>{tr("Total"), accounts, Money::from_fen(value)};
    s.tables.push_back(std::move(t));
    s.charts.push_back(std::move(chart));
    return s;
}

}  // namespace

Document liability_report(Services& services, const Actor& actor, const Date& as_of, const Date& from,
                          const ReportProgress& progress) {
    Document d = begin_report(services, actor, Action::ViewAccounts, "liability", tr("Prepaid liability"),
                              {{tr("As of the end of"), format_date(as_of)}, {tr("Movements from"), format_date(from)}});
    LiabilityRepository repo(services.database());
    // One read transaction, so every section sees the same entries even while consoles post.
    Transaction tx(services.database());
    progress.stage(50, tr("Adding up the balances"));
    const auto [opening, closing] = repo.balances_at(from - boost::gregorian::days(1), as_of);
    progress.stage(400, tr("Reading the period's movements"));
    const auto movements = repo.movements(from, as_of);
    const Program& rules = services.program.rules_in_force(as_of);
    const Money coin_value = rules.points ? rules.points->coin_value : PointsRule{}.coin_value;

    d.sections.push_back(summary(owed(closing), of(closing, Bucket::Coins), coin_value, as_of));
    d.sections.push_back(reconciliation(owed(opening), owed(closing), movements, from, as_of));
    d.sections.push_back(coins_section(of(opening, Bucket::Coins), of(closing, Bucket::Coins), movements, coin_value, as_of));
    progress.stage(500, tr("Ageing each account's stored value"));
    d.sections.push_back(aging(repo, as_of, progress));
    progress.stage(1000, tr("Done"));
    tx.commit();
    return d;
}

}  // namespace md::report

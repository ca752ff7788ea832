#include "reports/liability_report.h"

#include "db/liability_repository.h"
#include "db/tier_mix_repository.h"
#include "models/date_text.h"
#include "models/errors.h"
#include "models/translate.h"
#include "reports/ledger_words.h"
#include "reports/liability_tally.h"
#include "reports/report_figures.h"
#include "reports/report_header.h"
#include "services/services.h"

#include <algorithm>
#include <array>
#include <map>

namespace md::report {
namespace {

// One reconciliation row: the three stored-value buckets, their sum, and the package goods.
std::vector<Cell> value_row(const std::string& label, const BucketSums& sums) {
    auto at = [&](Bucket b) { return sums[static_cast<std::size_t>(b)]; };
    return {label,
            Money::from_fen(at(Bucket::Principal)),
            Money::from_fen(at(Bucket::Bonus)),
            Money::from_fen(at(Bucket::Compensation)),
            Money::from_fen(at(Bucket::Principal) + at(Bucket::Bonus) + at(Bucket::Compensation)),
            Money::from_fen(at(Bucket::Package))};
}

std::int64_t of(const BucketSums& sums, Bucket b) { return sums[static_cast<std::size_t>(b)]; }

Section summary(const BucketSums& closing, Money coin_value, const Date& as_of) {
    Section s;
    s.heading = subst(tr("Owed to members at the end of {0}"), {display_date(as_of)});
    ReportTable t;
    t.table.columns = {{"item", tr("Liability"), ColumnType::Text}, {"amount", tr("Amount"), ColumnType::Money}};
    const std::int64_t coins = of(closing, Bucket::Coins);
    const Money coins_value = Money::from_fen(coins * coin_value.fen());
    const std::vector<std::pair<std::string, Money>> items = {
        {tr("Stored value paid by members (principal)"), Money::from_fen(of(closing, Bucket::Principal))},
        {tr("Bonus value given with recharges and cards"), Money::from_fen(of(closing, Bucket::Bonus))},
        {tr("Compensation granted on complaints"), Money::from_fen(of(closing, Bucket::Compensation))},
        {tr("Meal-package goods not yet delivered"), Money::from_fen(of(closing, Bucket::Package))},
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
    if (total.fen() == 0) s.notes.push_back(subst(tr("Nothing was owed to members at the end of {0}."), {display_date(as_of)}));
    return s;
}

Section reconciliation(const LiabilityTally& tally, const Date& from, const Date& as_of) {
    Section s;
    s.heading = subst(tr("Movements from {0} to {1}, reconciled"), {display_date(from), display_date(as_of)});
    s.notes.push_back(tr("Each column adds up: the opening balance plus every movement of the period equals the closing "
                         "balance. Amounts are signed: what members spent or were refunded out of a bucket is negative."));
    ReportTable t;
    t.table.columns = {{"movement", tr("Movement"), ColumnType::Text},
                       {"principal", tr("Principal"), ColumnType::Money},
                       {"bonus", tr("Bonus"), ColumnType::Money},
                       {"compensation", tr("Compensation"), ColumnType::Money},
                       {"stored_value", tr("Stored value"), ColumnType::Money},
                       {"packages", tr("Packages to deliver"), ColumnType::Money}};
    t.table.rows.push_back(value_row(subst(tr("Opening balance (end of {0})"), {display_date(from - boost::gregorian::days(1))}), tally.opening()));
    BucketSums check = tally.opening();
    for (std::size_t type = 0; type < kEntryTypeCount; ++type) {
        const BucketSums& amounts = tally.movements(static_cast<EntryType>(type));
        bool any = false;
        for (Bucket b : {Bucket::Principal, Bucket::Bonus, Bucket::Compensation, Bucket::Package}) {
            check[static_cast<std::size_t>(b)] += of(amounts, b);
            any = any || of(amounts, b) != 0;
        }
        if (any) t.table.rows.push_back(value_row(entry_type_words(static_cast<EntryType>(type)), amounts));
    }
    t.totals = value_row(subst(tr("Closing balance (end of {0})"), {display_date(as_of)}), tally.closing());
    s.tables.push_back(std::move(t));
    // Entries are only ever appended, so this holds; if it ever does not, the report says so.
    check[static_cast<std::size_t>(Bucket::Coins)] = of(tally.closing(), Bucket::Coins);
    if (check != tally.closing()) s.notes.push_back(tr("WARNING: the movements do not add up to the closing balance; run db check."));
    return s;
}

Section coins_section(const LiabilityTally& tally, Money coin_value, const Date& as_of) {
    const std::int64_t opening = of(tally.opening(), Bucket::Coins), closing = of(tally.closing(), Bucket::Coins);
    Section s;
    s.heading = tr("Coins (points liability)");
    s.notes.push_back(subst(tr("Coins are valued at {0} each, the redemption value of the points rule in force on {1}."),
                            {coin_value.to_display(), display_date(as_of)}));
    ReportTable t;
    t.table.columns = {{"movement", tr("Movement"), ColumnType::Text},
                       {"coins", tr("Coins"), ColumnType::Count},
                       {"value", tr("Value"), ColumnType::Money}};
    auto row = [&](const std::string& label, std::int64_t coins) {
        t.table.rows.push_back({label, coins, Money::from_fen(coins * coin_value.fen())});
    };
    row(tr("Opening balance"), opening);
    for (std::size_t type = 0; type < kEntryTypeCount; ++type)
        if (const std::int64_t coins = of(tally.movements(static_cast<EntryType>(type)), Bucket::Coins); coins != 0)
            row(entry_type_words(static_cast<EntryType>(type)), coins);
    t.totals = std::vector<Cell>{subst(tr("Closing balance (end of {0})"), {display_date(as_of)}), closing,
                                 Money::from_fen(closing * coin_value.fen())};
    s.tables.push_back(std::move(t));
    return s;
}

Section aging(const LiabilityTally& tally, const Date& as_of) {
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
    tally.each_account_value([&](std::int64_t, std::int64_t value, const Date& last) {
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

// Stored value by the tier each member held at the end of the day, one table per ladder in force:
// a member's accounts are added together, and members below a ladder's first tier have a row.
std::vector<Section> by_tier(Services& services, const LiabilityTally& tally, const Program& rules, const Date& as_of) {
    // Member id → stored value, from the accounts that hold any.
    std::vector<std::int64_t> value_of_member;
    std::vector<std::int64_t> member_of_account;
    LiabilityRepository(services.database()).each_account_member([&](std::int64_t account, std::int64_t member) {
        if (static_cast<std::size_t>(account) >= member_of_account.size()) member_of_account.resize(account + 1, 0);
        member_of_account[account] = member;
    });
    tally.each_account_value([&](std::int64_t account, std::int64_t value, const Date&) {
        const std::int64_t member = static_cast<std::size_t>(account) < member_of_account.size() ? member_of_account[account] : 0;
        if (static_cast<std::size_t>(member) >= value_of_member.size()) value_of_member.resize(member + 1, 0);
        value_of_member[member] += value;
    });
    std::int64_t members = 0, value = 0;
    for (std::int64_t v : value_of_member)
        if (v != 0) {
            ++members;
            value += v;
        }
    struct Held {
        std::int64_t members = 0, value = 0;
    };
    std::map<std::pair<std::string, std::string>, Held> held;  // (ladder, tier)
    TierMixRepository(services.database()).each_tier_held_at(as_of, [&](std::int64_t member, const std::string& ladder,
                                                                         const std::string& tier) {
        if (static_cast<std::size_t>(member) >= value_of_member.size() || value_of_member[member] == 0) return;
        Held& h = held[{ladder, tier}];
        ++h.members;
        h.value += value_of_member[member];
    });
    std::vector<Section> out;
    if (rules.ladders.empty()) {
        Section s;
        s.heading = tr("Stored value by tier");
        s.notes.push_back(subst(tr("No tier ladder was in force on {0}."), {display_date(as_of)}));
        out.push_back(std::move(s));
    }
    for (const TierLadder& ladder : rules.ladders) {
        Section s;
        s.heading = subst(tr("Stored value by tier: {0}"), {both_names(ladder.name_zh, ladder.name_en)});
        s.notes.push_back(subst(tr("Each member's stored value at the end of {0}, under the tier they held then (from the tier "
                                   "history); a member's accounts are added together."),
                                {display_date(as_of)}));
        ReportTable t;
        t.table.columns = {{"tier", tr("Tier"), ColumnType::Text},
                           {"members", tr("Members"), ColumnType::Count},
                           {"stored_value", tr("Stored value"), ColumnType::Money}};
        Held tiered;
        for (const Tier& tier : ladder.tiers) {
            const auto it = held.find({ladder.code, tier.code});
            const Held h = it == held.end() ? Held{} : it->second;
            t.table.rows.push_back({both_names(tier.name_zh, tier.name_en), h.members, Money::from_fen(h.value)});
            tiered.members += h.members;
            tiered.value += h.value;
        }
        t.table.rows.push_back({tr("Below the first tier"), members - tiered.members, Money::from_fen(value - tiered.value)});
        t.totals = std::vector<Cell>{tr("Total"), members, Money::from_fen(value)};
        s.tables.push_back(std::move(t));
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace

Document liability_report(Services& services, const Actor& actor, const Date& as_of, const Date& from,
                          const ReportProgress& progress) {
    Document d = begin_report(services, actor, Action::ViewAccounts, "liability", tr("Prepaid liability"),
                              {{tr("As of the end of"), display_date(as_of)}, {tr("Movements from"), display_date(from)}});
    // One read transaction, so every section sees the same entries even while consoles post.
    Transaction tx(services.database(), TransactionKind::ReadSnapshot);
    progress.stage(20, tr("Reading the ledger"));
    LiabilityTally tally(from);
    LiabilityRepository(services.database())
        .each_line_through(
            as_of, [&](const LiabilityLine& line) { tally.add(line); },
            [&](std::int64_t lines) { progress.stage(static_cast<int>(20 + std::min<std::int64_t>(lines / 20000, 780)), tr("Reading the ledger")); });
    const Program& rules = services.program.rules_in_force(as_of);
    const Money coin_value = rules.points ? rules.points->coin_value : PointsRule{}.coin_value;

    d.sections.push_back(summary(tally.closing(), coin_value, as_of));
    d.sections.push_back(reconciliation(tally, from, as_of));
    d.sections.push_back(coins_section(tally, coin_value, as_of));
    d.sections.push_back(aging(tally, as_of));
    progress.stage(850, tr("Adding up the stored value by tier"));
    for (Section& s : by_tier(services, tally, rules, as_of)) d.sections.push_back(std::move(s));
    progress.stage(1000, tr("Done"));
    tx.commit();
    return d;
}

}  // namespace md::report

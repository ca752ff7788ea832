#include "reports/member_kpi_report.h"

#include "db/member_kpi_repository.h"
#include "models/date_text.h"
#include "models/translate.h"
#include "reports/report_figures.h"
#include "reports/report_header.h"
#include "services/services.h"

#include <optional>

namespace md::report {
namespace {

using boost::gregorian::days;
using boost::gregorian::months;

// b − a, when both are there.
Cell change(const Cell& now, const Cell& before) {
    const auto* a = std::get_if<std::int64_t>(&now);
    const auto* b = std::get_if<std::int64_t>(&before);
    if (a && b) return *a - *b;
    const auto* m = std::get_if<Money>(&now);
    const auto* n = std::get_if<Money>(&before);
    if (m && n) return Money::from_fen(m->fen() - n->fen());
    return Cell{};
}

// Average order value: sales ÷ purchases in fen, half up.
Cell average(std::int64_t sales, std::int64_t purchases) {
    if (purchases == 0) return Cell{};
    const std::int64_t twice = sales * 2 / purchases;
    return Money::from_fen(twice >= 0 ? (twice + 1) / 2 : -((-twice + 1) / 2));
}

// Purchases per buyer with two decimals, half up ("2.35 per member"): a ratio, neither a count nor a rate.
Cell frequency(std::int64_t purchases, std::int64_t buyers) {
    if (buyers == 0) return Cell{};
    return subst(tr("{0} per member"), {two_decimals(purchases, buyers)});
}

struct Row {
    std::string label;
    Cell now, before;
};

ReportTable table_of(const std::string& measure, ColumnType type, const std::vector<Row>& rows) {
    ReportTable t;
    t.table.columns = {{"measure", measure, ColumnType::Text},
                       {"period", tr("This period"), type},
                       {"previous", tr("Previous period"), type},
                       {"change", tr("Change"), type}};
    for (const Row& r : rows) t.table.rows.push_back({r.label, r.now, r.before, change(r.now, r.before)});
    return t;
}

}  // namespace

std::pair<Date, Date> previous_period(const Date& from, const Date& to) {
    const Date month_end = from.end_of_month();
    if (from.day() == 1 && to == month_end) {
        const Date first = from - months(1);
        return {first, first.end_of_month()};
    }
    if (from.day() == 1 && to < month_end) {
        const Date first = from - months(1);
        const Date last = first + days(to.day() - 1);
        return {first, last < first.end_of_month() ? last : first.end_of_month()};
    }
    const auto length = (to - from).days() + 1;
    return {from - days(length), from - days(1)};
}

Document member_kpi_report(Services& services, const Actor& actor, const Date& as_of, const Date& from) {
    const auto [previous_from, previous_to] = previous_period(from, as_of);
    Document d = begin_report(services, actor, Action::ViewMembers, "member_kpis", tr("Member KPIs"),
                              {{tr("Period"), display_date(from) + " – " + display_date(as_of)},
                               {tr("Compared with"), display_date(previous_from) + " – " + display_date(previous_to)}});
    MemberKpiRepository repo(services.database());
    Transaction tx(services.database(), TransactionKind::ReadSnapshot);
    const PeriodActivity now = repo.activity(previous_from, from, as_of);
    const auto [before_from, before_to] = previous_period(previous_from, previous_to);
    const PeriodActivity before = repo.activity(before_from, previous_from, previous_to);
    tx.commit();

    Section figures;
    figures.heading = tr("Members and their purchases");
    if (now.purchases == 0 && now.joined == 0)
        figures.notes.push_back(tr("No member joined and no purchase was made in the period."));
    figures.tables.push_back(table_of(tr("Members"), ColumnType::Count,
                                      {{tr("Members at the end"), now.members_at_end, before.members_at_end},
                                       {tr("New members"), now.joined, before.joined},
                                       {tr("Members who bought"), now.buyers, before.buyers},
                                       {tr("Purchases"), now.purchases, before.purchases},
                                       {tr("Members who lapsed"), now.lapsed, before.lapsed}}));
    const std::vector<Row> rates = {
        {tr("Member growth rate"), rate_cell(now.joined, now.members_at_start), rate_cell(before.joined, before.members_at_start)},
        {tr("Active rate"), rate_cell(now.buyers, now.members_at_end), rate_cell(before.buyers, before.members_at_end)},
        {tr("Retention"), rate_cell(now.retained, now.previous_buyers), rate_cell(before.retained, before.previous_buyers)},
        {tr("Churn"), rate_cell(now.previous_buyers - now.retained, now.previous_buyers),
         rate_cell(before.previous_buyers - before.retained, before.previous_buyers)},
        {tr("Repurchase rate"), rate_cell(now.repeat_buyers, now.buyers), rate_cell(before.repeat_buyers, before.buyers)},
        {tr("Points redemption rate"), rate_cell(now.coins_redeemed, now.coins_earned), rate_cell(before.coins_redeemed, before.coins_earned)},
    };
    figures.tables.push_back(table_of(tr("Rate"), ColumnType::Percent, rates));
    ReportTable money = table_of(tr("Sales"), ColumnType::Money,
                                 {{tr("Member sales"), Money::from_fen(now.sales), Money::from_fen(before.sales)},
                                  {tr("Average order value"), average(now.sales, now.purchases), average(before.sales, before.purchases)}});
    figures.tables.push_back(std::move(money));
    ReportTable ratio;
    ratio.table.columns = {{"measure", tr("Ratio"), ColumnType::Text},
                           {"period", tr("This period"), ColumnType::Text},
                           {"previous", tr("Previous period"), ColumnType::Text}};
    ratio.table.rows.push_back({tr("Purchase frequency"), frequency(now.purchases, now.buyers), frequency(before.purchases, before.buyers)});
    figures.tables.push_back(std::move(ratio));

    Chart chart;
    chart.title = tr("Rates: this period against the previous one");
    chart.value_type = ColumnType::Percent;
    chart.series = {{tr("This period"), {}}, {tr("Previous period"), {}}};
    for (const Row& r : rates) {
        chart.labels.push_back(r.label);
        const auto* a = std::get_if<std::int64_t>(&r.now);
        const auto* b = std::get_if<std::int64_t>(&r.before);
        chart.series[0].values.push_back(a ? *a : 0);
        chart.series[1].values.push_back(b ? *b : 0);
    }
    figures.charts.push_back(std::move(chart));
    d.sections.push_back(std::move(figures));

    Section definitions;
    definitions.heading = tr("Definitions");
    definitions.notes = {
        tr("Members at the end: members registered by the end of the period's last day. New members: registered in the period."),
        tr("Member growth rate: new members ÷ members at the start of the period."),
        tr("Active rate: members with at least one purchase in the period ÷ members at the end."),
        tr("Retention: members who bought in the previous period and bought again in this one ÷ those who bought in the "
           "previous period. Churn: the rest of them, the same way."),
        tr("Repurchase rate: members with two or more purchases in the period ÷ members with at least one."),
        tr("Purchase frequency: purchases ÷ members who bought. Average order value: member sales ÷ purchases, to the fen, "
           "half up."),
        tr("Member sales: what members paid for purchases made in the period (stored value, bonus, compensation and at the "
           "till), less what has been refunded of them. Member share of all sales needs the shop's total sales, which "
           "MemberDesk does not record."),
        tr("Points redemption rate: coins redeemed in the period ÷ coins earned in it. Members who lapsed: members whose "
           "lifecycle moved to lapsed in the period."),
        tr("Rates are in basis points rounded half up, shown as percentages; a rate with nothing to divide by is left empty."),
    };
    d.sections.push_back(std::move(definitions));
    return d;
}

}  // namespace md::report

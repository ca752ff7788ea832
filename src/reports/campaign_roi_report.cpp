#include "reports/campaign_roi_report.h"

#include "models/date_text.h"
#include "models/translate.h"
#include "reports/report_header.h"
#include "services/services.h"

namespace md::report {
namespace {

std::string name_of(const Campaign& c) {
    const std::string name = c.name_zh.empty() ? c.name_en : c.name_zh;
    return name + " (" + c.code + ")";
}

Cell met(bool yes) { return yes ? tr("Met") : tr("Not met"); }

ReportTable target_table(const std::string& kpi_heading, ColumnType type) {
    ReportTable t;
    t.table.columns = {{"campaign", tr("Campaign"), ColumnType::Text},
                       {"kpi", kpi_heading, ColumnType::Text},
                       {"target", tr("Target"), type},
                       {"actual", tr("Actual"), type},
                       {"met", tr("Result"), ColumnType::Text}};
    return t;
}

}  // namespace

Document campaign_roi_report(Services& services, const Actor& actor, const Date& as_of, const Date& from) {
    Document d = begin_report(services, actor, Action::ViewProgram, "campaign_roi", tr("Campaign ROI"),
                              {{tr("Campaigns running from"), display_date(from)}, {tr("Figures as of the end of"), display_date(as_of)}});
    std::vector<CampaignResults> results;
    {
        Transaction tx(services.database(), TransactionKind::ReadSnapshot);
        for (const CalendarCampaign& c : services.campaigns.calendar(actor, from, as_of)) {
            if (c.status != CampaignStatus::Approved && c.status != CampaignStatus::Running && c.status != CampaignStatus::Finished)
                continue;
            CampaignResults r = services.campaign_results.results(actor, c.campaign.code, as_of);
            if (r.campaign_days > 0) results.push_back(std::move(r));
        }
        tx.commit();
    }

    Section roi;
    roi.heading = tr("Budget, cost and return");
    roi.notes.push_back(tr("Actual cost: the coins the campaign granted (extra, referral and birthday coins, less any taken "
                           "back) at their redemption value. Participants: targeted members who bought on a campaign day. "
                           "Cost per new member: actual cost ÷ members who joined on a campaign day, to the fen, half up. "
                           "Sales: what participants paid on campaign days, less refunds. Incremental sales: sales less the "
                           "participants' sales on the 28 days before the first campaign day ÷ 28 × campaign days."));
    if (results.empty())
        roi.notes.push_back(subst(tr("No launched campaign ran from {0} to {1}."), {display_date(from), display_date(as_of)}));
    ReportTable t;
    t.table.columns = {{"campaign", tr("Campaign"), ColumnType::Text},
                       {"days", tr("Days run"), ColumnType::Count},
                       {"budget", tr("Budget"), ColumnType::Money},
                       {"cost", tr("Actual cost"), ColumnType::Money},
                       {"participants", tr("Participants"), ColumnType::Count},
                       {"new_members", tr("New members"), ColumnType::Count},
                       {"cost_per_new", tr("Cost per new member"), ColumnType::Money},
                       {"sales", tr("Sales"), ColumnType::Money},
                       {"incremental", tr("Incremental sales"), ColumnType::Money}};
    std::int64_t budget = 0, cost = 0, participants = 0, joined = 0, sales = 0, incremental = 0;
    Chart chart;
    chart.title = tr("Budget against actual cost");
    chart.value_type = ColumnType::Money;
    chart.series = {{tr("Budget"), {}}, {tr("Actual cost"), {}}};
    ReportTable counts = target_table(tr("KPI"), ColumnType::Count);
    ReportTable rates = target_table(tr("KPI"), ColumnType::Percent);
    ReportTable money = target_table(tr("KPI"), ColumnType::Money);
    for (const CampaignResults& r : results) {
        const Campaign& c = r.campaign.campaign;
        t.table.rows.push_back({name_of(c), static_cast<std::int64_t>(r.campaign_days), c.budget.total(), r.actual_cost,
                                r.participants, r.new_members, r.cost_per_new_member ? Cell{*r.cost_per_new_member} : Cell{},
                                r.sales, r.incremental_sales});
        budget += c.budget.total().fen();
        cost += r.actual_cost.fen();
        participants += r.participants;
        joined += r.new_members;
        sales += r.sales.fen();
        incremental += r.incremental_sales.fen();
        chart.labels.push_back(c.code);
        chart.series[0].values.push_back(c.budget.total().fen());
        chart.series[1].values.push_back(r.actual_cost.fen());

        const CampaignKpis& k = c.kpis;
        if (k.new_members)
            counts.table.rows.push_back({name_of(c), tr("New members"), *k.new_members, r.new_members, met(r.new_members >= *k.new_members)});
        auto rate_row = [&](const std::optional<int>& pct, const std::optional<int>& actual_bp, const std::string& label) {
            if (!pct) return;
            const std::int64_t target = static_cast<std::int64_t>(*pct) * 100;
            rates.table.rows.push_back({name_of(c), label, target, actual_bp ? Cell{static_cast<std::int64_t>(*actual_bp)} : Cell{},
                                        met(actual_bp && *actual_bp >= target)});
        };
        rate_row(k.participation_pct, r.participation_bp, tr("Participation rate"));
        rate_row(k.redemption_pct, r.redemption_bp, tr("Points redemption rate"));
        rate_row(k.repurchase_pct, r.repurchase_bp, tr("Repurchase rate"));
        if (k.cost_per_new_member)
            money.table.rows.push_back({name_of(c), tr("Cost per new member (at most)"), *k.cost_per_new_member,
                                        r.cost_per_new_member ? Cell{*r.cost_per_new_member} : Cell{},
                                        met(r.cost_per_new_member && *r.cost_per_new_member <= *k.cost_per_new_member)});
    }
    std::optional<Money> cost_per_new;
    if (joined > 0) cost_per_new = Money::from_fen((cost * 2 + joined) / (2 * joined));
    t.totals = std::vector<Cell>{tr("Total"),
                                 Cell{},
                                 Money::from_fen(budget),
                                 Money::from_fen(cost),
                                 participants,
                                 joined,
                                 cost_per_new ? Cell{*cost_per_new} : Cell{},
                                 Money::from_fen(sales),
                                 Money::from_fen(incremental)};
    roi.tables.push_back(std::move(t));
    if (!results.empty()) roi.charts.push_back(std::move(chart));
    d.sections.push_back(std::move(roi));

    Section kpis;
    kpis.heading = tr("KPI targets against the actual figures");
    kpis.notes.push_back(tr("A target is met when the actual figure reaches it (inclusive); the cost per new member when it "
                            "stays at or under it. A rate with nothing to divide by is left empty and not met."));
    for (ReportTable* table : {&counts, &rates, &money})
        if (!table->table.rows.empty()) kpis.tables.push_back(std::move(*table));
    if (kpis.tables.empty()) kpis.notes.push_back(tr("None of these campaigns has KPI targets."));
    d.sections.push_back(std::move(kpis));
    return d;
}

}  // namespace md::report

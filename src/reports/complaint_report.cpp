#include "reports/complaint_report.h"

#include "db/complaint_repository.h"
#include "models/date_text.h"
#include "models/translate.h"
#include "reports/complaint_words.h"
#include "reports/report_figures.h"
#include "reports/report_header.h"
#include "services/services.h"

#include <algorithm>
#include <map>

namespace md::report {
namespace {

struct ClockCounts {
    std::int64_t met = 0, late = 0, running = 0, running_late = 0;
    void add(const DeadlineClock& c) {
        if (c.done_at) (c.state == DeadlineState::Breached ? late : met) += 1;
        else if (c.state == DeadlineState::Breached) ++running_late;
        else ++running;
    }
};

Section volumes(const std::vector<ComplaintView>& tickets) {
    Section s;
    s.heading = tr("Tickets opened, by category and severity");
    ReportTable t;
    t.table.columns = {{"category", tr("Category"), ColumnType::Text}};
    for (const auto& [severity, msgid] : complaint_severity_msgids())
        t.table.columns.push_back({complaint_severity_code(severity), tr(msgid), ColumnType::Count});
    t.table.columns.push_back({"total", tr("Total"), ColumnType::Count});
    Chart chart;
    chart.title = tr("Tickets opened by category");
    chart.series = {{tr("Tickets"), {}}};
    std::vector<std::int64_t> column_totals(complaint_severity_msgids().size() + 1, 0);
    for (const auto& [category_code, msgid] : complaint_category_msgids()) {
        // Named again for the lambda: clang before 16 cannot capture a structured binding (the
        // fuzz build, tests/fuzz, compiles this with clang 14).
        const auto category = category_code;
        std::vector<Cell> row = {tr(msgid)};
        std::int64_t in_category = 0;
        for (std::size_t i = 0; i < complaint_severity_msgids().size(); ++i) {
            const ComplaintSeverity severity = complaint_severity_msgids()[i].first;
            const std::int64_t n = std::count_if(tickets.begin(), tickets.end(), [&](const ComplaintView& v) {
                return v.row.ticket.category == category && v.row.ticket.severity == severity;
            });
            row.push_back(n);
            column_totals[i] += n;
            in_category += n;
        }
        row.push_back(in_category);
        column_totals.back() += in_category;
        t.table.rows.push_back(std::move(row));
        chart.labels.push_back(tr(msgid));
        chart.series[0].values.push_back(in_category);
    }
    std::vector<Cell> totals = {tr("Total")};
    for (std::int64_t n : column_totals) totals.push_back(n);
    t.totals = std::move(totals);
    s.tables.push_back(std::move(t));
    s.charts.push_back(std::move(chart));
    return s;
}

// One clock's table: per severity, the deadlines met, missed and still running at the period's end.
Section deadlines(const std::vector<ComplaintView>& tickets, bool response, const Date& as_of) {
    Section s;
    s.heading = subst(response ? tr("First answers as they stood at the end of {0}") : tr("Resolutions as they stood at the end of {0}"),
                      {display_date(as_of)});
    if (response)
        s.notes.push_back(tr("In time: done at or before the due moment. Late: done after it. Not yet: not done at the end of "
                             "the period; a breach when past due by then. Breaches: late plus not yet and past due. On time: "
                             "in time ÷ (in time + breaches), in basis points rounded half up, shown as a percentage."));
    ReportTable t;
    t.table.columns = {{"severity", tr("Severity"), ColumnType::Text},
                       {"tickets", tr("Tickets"), ColumnType::Count},
                       {"in_time", tr("In time"), ColumnType::Count},
                       {"late", tr("Late"), ColumnType::Count},
                       {"not_yet", tr("Not yet"), ColumnType::Count},
                       {"breaches", tr("Breaches"), ColumnType::Count},
                       {"on_time", tr("On time"), ColumnType::Percent}};
    auto row_of = [](const std::string& label, std::int64_t n, const ClockCounts& k) {
        const std::int64_t breaches = k.late + k.running_late;
        return std::vector<Cell>{label, n, k.met, k.late, k.running + k.running_late, breaches, rate_cell(k.met, k.met + breaches)};
    };
    ClockCounts all;
    std::int64_t all_tickets = 0;
    for (const auto& [severity, msgid] : complaint_severity_msgids()) {
        ClockCounts counts;
        std::int64_t n = 0;
        for (const ComplaintView& v : tickets) {
            if (v.row.ticket.severity != severity) continue;
            ++n;
            counts.add(response ? v.response : v.resolution);
            all.add(response ? v.response : v.resolution);
        }
        all_tickets += n;
        t.table.rows.push_back(row_of(tr(msgid), n, counts));
    }
    t.totals = row_of(tr("Total"), all_tickets, all);
    s.tables.push_back(std::move(t));
    return s;
}

Section compensation(const std::vector<CompensationTotal>& granted, const Money& coin_value, const Money& budget,
                     const Money& per_month) {
    Section s;
    s.heading = tr("Compensation granted in the period");
    s.notes.push_back(subst(tr("Coins count at their redemption value ({0} each). The budget is the complaint policy's {1} a "
                               "month, taken for the period's days month by month (to the fen, half up). Rejected grants "
                               "are listed but not counted against it."),
                            {coin_value.to_display(), per_month.to_display()}));
    ReportTable t;
    t.table.columns = {{"state", tr("Compensation state"), ColumnType::Text},        {"grants", tr("Grants"), ColumnType::Count},
                       {"coins", tr("Coins"), ColumnType::Count},       {"coins_value", tr("Coins value"), ColumnType::Money},
                       {"stored_value", tr("Stored value"), ColumnType::Money}, {"value", tr("Total value"), ColumnType::Money}};
    const std::map<std::string, const char*> states = {
        {"paid", tr_noop("Paid")}, {"pending", tr_noop("Waiting for approval")}, {"rejected", tr_noop("Rejected")}};
    std::int64_t grants = 0, coins = 0, coins_fen = 0, stored = 0;
    for (const char* state : {"paid", "pending", "rejected"}) {
        CompensationTotal g{state, 0, 0, Money()};
        for (const CompensationTotal& x : granted)
            if (x.state == state) g = x;
        const std::int64_t value = g.coins * coin_value.fen();
        t.table.rows.push_back({tr(states.at(state)), g.grants, g.coins, Money::from_fen(value), g.amount,
                                Money::from_fen(value + g.amount.fen())});
        if (g.state == "rejected") continue;
        grants += g.grants;
        coins += g.coins;
        coins_fen += value;
        stored += g.amount.fen();
    }
    t.totals = std::vector<Cell>{tr("Granted, not rejected"), grants, coins, Money::from_fen(coins_fen), Money::from_fen(stored),
                                 Money::from_fen(coins_fen + stored)};
    s.tables.push_back(std::move(t));
    ReportTable b;
    b.table.columns = {{"item", tr("Budget"), ColumnType::Text}, {"amount", tr("Amount"), ColumnType::Money}};
    const std::int64_t used = coins_fen + stored;
    b.table.rows = {{tr("Budget for the period"), budget},
                    {tr("Granted, not rejected"), Money::from_fen(used)},
                    {tr("Left"), Money::from_fen(budget.fen() - used)}};
    s.tables.push_back(std::move(b));
    return s;
}

Section satisfaction(const std::vector<ComplaintView>& tickets, const Date& as_of) {
    Section s;
    s.heading = tr("Satisfaction");
    ReportTable t;
    t.table.columns = {{"score", tr("Score"), ColumnType::Text}, {"tickets", tr("Tickets"), ColumnType::Count},
                       {"share", tr("Share"), ColumnType::Percent}};
    std::int64_t scored = 0, points = 0, closed = 0;
    std::int64_t by_score[6] = {};
    for (const ComplaintView& v : tickets) {
        if (v.row.ticket.closed_at) ++closed;
        if (!v.row.ticket.satisfaction) continue;
        ++scored;
        points += *v.row.ticket.satisfaction;
        ++by_score[*v.row.ticket.satisfaction];
    }
    for (int score = 5; score >= 1; --score)
        t.table.rows.push_back({std::to_string(score), by_score[score], rate_cell(by_score[score], scored)});
    t.totals = std::vector<Cell>{tr("Scored"), scored, rate_cell(scored, scored)};
    s.tables.push_back(std::move(t));
    if (scored == 0) {
        s.notes.push_back(subst(tr("No ticket of the period had been given a score by the end of {0}."), {display_date(as_of)}));
    } else {
        // The mean score with two decimals, half up.
        s.notes.push_back(subst(tr("Average score {0} of 5, from {1} of the {2} closed tickets."),
                                {two_decimals(points, scored),
                                 std::to_string(scored), std::to_string(closed)}));
    }
    return s;
}

}  // namespace

Money budget_for(const Money& per_month, const Date& from, const Date& to) {
    std::int64_t total = 0;
    for (Date first = Date(from.year(), from.month(), 1); first <= to; first += boost::gregorian::months(1)) {
        const Date last = first.end_of_month();
        const std::int64_t days_in_month = last.day();
        const Date a = std::max(first, from), b = std::min(last, to);
        const std::int64_t days = (b - a).days() + 1;
        total += (per_month.fen() * days * 2 + days_in_month) / (2 * days_in_month);
    }
    return Money::from_fen(total);
}

Document complaint_report(Services& services, const Actor& actor, const Date& as_of, const Date& from) {
    Document d = begin_report(services, actor, Action::ViewComplaints, "complaints", tr("Complaints"),
                              {{tr("Period"), display_date(from) + " – " + display_date(as_of)}});
    Transaction tx(services.database(), TransactionKind::ReadSnapshot);
    const std::vector<ComplaintView> tickets = services.complaints.opened_between(actor, from, as_of);
    const std::vector<CompensationTotal> granted = ComplaintRepository(services.database())
                                                       .granted_between(business_day_start_utc(from),
                                                                        business_day_start_utc(as_of + boost::gregorian::days(1)));
    const ComplaintSettings settings = services.complaints.settings();
    const Program rules = services.program.rules_in_force(as_of);
    tx.commit();
    const Money coin_value = rules.points ? rules.points->coin_value : PointsRule{}.coin_value;
    const Money per_month = settings.policy.compensation_budget_per_month;

    Section opened = volumes(tickets);
    if (tickets.empty())
        opened.notes.push_back(subst(tr("No ticket was opened from {0} to {1}."), {display_date(from), display_date(as_of)}));
    d.sections.push_back(std::move(opened));
    d.sections.push_back(deadlines(tickets, true, as_of));
    d.sections.push_back(deadlines(tickets, false, as_of));
    d.sections.push_back(compensation(granted, coin_value, budget_for(per_month, from, as_of), per_month));
    d.sections.push_back(satisfaction(tickets, as_of));
    return d;
}

}  // namespace md::report

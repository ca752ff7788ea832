#include "reports/monthly_review_report.h"

#include "models/date_text.h"
#include "models/translate.h"
#include "reports/campaign_roi_report.h"
#include "reports/complaint_report.h"
#include "reports/liability_report.h"
#include "reports/member_kpi_report.h"
#include "reports/report_header.h"
#include "reports/tier_mix_report.h"
#include "services/services.h"

#include <algorithm>
#include <utility>

namespace md::report {

Document monthly_review_report(Services& services, const Actor& actor, const Date& as_of, const ReportProgress& progress) {
    const Date first = Date(as_of.year(), as_of.month(), 1);
    Document d = begin_report(services, actor, Action::ViewMembers, "monthly_review", tr("Monthly member activity review"),
                              {{tr("Month"), display_date(first) + " – " + display_date(as_of)}});
    // Each part is its report's own builder, which checks the user's permission for it.
    progress.stage(100, tr("Member KPIs"));
    const Document kpis = member_kpi_report(services, actor, as_of, first);
    Section members = kpis.sections.front();
    members.heading = tr("Members");
    members.tables.resize(std::min<std::size_t>(members.tables.size(), 2));  // counts and rates: the page's figures
    members.notes.push_back(tr("Definitions, sales and purchase frequency: see the Member KPIs report for the same period."));
    d.sections.push_back(std::move(members));

    progress.stage(250, tr("Tier mix"));
    const Document tiers = tier_mix_report(services, actor, as_of, first);
    // One page: each ladder's tiers as a small table (members, share, target), not a chart each.
    Section mix;
    mix.heading = tr("Tier mix");
    for (const Section& s : tiers.sections) {
        if (s.tables.empty()) {
            mix.notes.insert(mix.notes.end(), s.notes.begin(), s.notes.end());
            continue;
        }
        ReportTable t;
        t.table.title = s.heading;
        const Table& full = s.tables.front().table;
        t.table.columns.assign(full.columns.begin(), full.columns.begin() + std::min<std::size_t>(4, full.columns.size()));
        for (const auto& row : full.rows) t.table.rows.emplace_back(row.begin(), row.begin() + std::min(row.size(), t.table.columns.size()));
        mix.tables.push_back(std::move(t));
    }
    d.sections.push_back(std::move(mix));

    progress.stage(400, tr("Prepaid liability"));
    const Document owed = liability_report(services, actor, as_of, first);
    Section owed_summary = owed.sections.front();
    owed_summary.charts.clear();  // the table says it; the page keeps its charts for the rates
    d.sections.push_back(std::move(owed_summary));

    progress.stage(800, tr("Campaign ROI"));
    const Document campaigns = campaign_roi_report(services, actor, as_of, first);
    Section roi = campaigns.sections.front();
    roi.heading = tr("Campaigns");
    roi.notes.clear();
    roi.charts.clear();
    if (roi.tables.front().table.rows.empty()) {
        roi.tables.clear();
        roi.notes.push_back(subst(tr("No launched campaign ran from {0} to {1}."), {display_date(first), display_date(as_of)}));
    }
    d.sections.push_back(std::move(roi));

    progress.stage(900, tr("Complaints"));
    const Document complaints = complaint_report(services, actor, as_of, first);
    // The totals of first answers and of resolutions (tickets, in time, late, not yet, breaches,
    // on-time rate), one row each; by severity in the Complaints report.
    Section desk;
    desk.heading = tr("Complaints");
    desk.notes = complaints.sections.at(4).notes;  // the average satisfaction score
    ReportTable clocks;
    clocks.table.columns = complaints.sections.at(1).tables.at(0).table.columns;
    clocks.table.columns.front().title = tr("Deadline");
    for (const auto& [at, label] : {std::pair{1, tr("First answers")}, std::pair{2, tr("Resolutions")}}) {
        const ReportTable& by_severity = complaints.sections.at(at).tables.at(0);
        if (!by_severity.totals) continue;
        std::vector<Cell> row = *by_severity.totals;
        row.front() = label;
        clocks.table.rows.push_back(std::move(row));
    }
    desk.tables.push_back(std::move(clocks));
    d.sections.push_back(std::move(desk));
    progress.stage(1000, tr("Done"));
    return d;
}

}  // namespace md::report

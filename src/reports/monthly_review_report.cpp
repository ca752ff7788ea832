#include "reports/monthly_review_report.h"

#include "models/translate.h"
#include "reports/campaign_roi_report.h"
#include "reports/complaint_report.h"
#include "reports/liability_report.h"
#include "reports/member_kpi_report.h"
#include "reports/report_header.h"
#include "reports/tier_mix_report.h"
#include "services/services.h"

namespace md::report {

Document monthly_review_report(Services& services, const Actor& actor, const Date& as_of, const ReportProgress& progress) {
    const Date first = Date(as_of.year(), as_of.month(), 1);
    Document d = begin_report(services, actor, Action::ViewMembers, "monthly_review", tr("Monthly member activity review"),
                              {{tr("Month"), format_date(first) + " – " + format_date(as_of)}});
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
    for (const Section& s : tiers.sections) {
        Section chart_only;
        chart_only.heading = labelled(tr("Tier mix"), s.heading);
        chart_only.charts = s.charts;
        if (s.charts.empty()) chart_only.notes = s.notes;
        d.sections.push_back(std::move(chart_only));
    }

    progress.stage(400, tr("Prepaid liability"));
    const Document owed = liability_report(services, actor, as_of, first);
    d.sections.push_back(owed.sections.front());

    progress.stage(800, tr("Campaign ROI"));
    const Document campaigns = campaign_roi_report(services, actor, as_of, first);
    Section roi = campaigns.sections.front();
    roi.heading = tr("Campaigns");
    roi.notes.clear();
    roi.charts.clear();
    if (roi.tables.front().table.rows.empty()) {
        roi.tables.clear();
        roi.notes.push_back(subst(tr("No launched campaign ran from {0} to {1}."), {format_date(first), format_date(as_of)}));
    }
    d.sections.push_back(std::move(roi));

    progress.stage(900, tr("Complaints"));
    const Document complaints = complaint_report(services, actor, as_of, first);
    Section desk = complaints.sections.at(1);  // first answers, then resolutions: tickets, in time, late, breaches
    desk.heading = tr("Complaints");
    desk.notes = complaints.sections.at(4).notes;  // the average satisfaction score
    desk.tables.push_back(complaints.sections.at(2).tables.at(0));
    desk.tables.back().table.title = tr("Resolutions");
    desk.tables.front().table.title = tr("First answers");
    d.sections.push_back(std::move(desk));
    progress.stage(1000, tr("Done"));
    return d;
}

}  // namespace md::report

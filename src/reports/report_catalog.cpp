#include "reports/report_catalog.h"

#include "models/errors.h"
#include "models/translate.h"
#include "reports/breakage_report.h"
#include "reports/campaign_roi_report.h"
#include "reports/card_batch_report.h"
#include "reports/committee_roster_report.h"
#include "reports/complaint_report.h"
#include "reports/liability_report.h"
#include "reports/liability_source_report.h"
#include "reports/member_kpi_report.h"
#include "reports/monthly_review_report.h"
#include "reports/tier_mix_report.h"
#include "services/services.h"

#include <algorithm>

namespace md::report {

const std::vector<ReportInfo>& report_catalog() {
    static const std::vector<ReportInfo> reports = {
        {"liability", tr_noop("Prepaid liability"),
         tr_noop("What was owed to members at the end of a day: stored value, undelivered meal packages and coins, "
                 "the period's movements reconciled, the stored value by last activity and by tier")},
        {"liability_sources", tr_noop("Prepaid liability by source"),
         tr_noop("The paid and bonus stored value owed at the end of a day by the month it was loaded in, by card "
                 "batch and by denomination")},
        {"breakage", tr_noop("Breakage estimate"),
         tr_noop("Stored value expected never to be redeemed: redemption curves by issue month, the expected "
                 "unredeemed share, the breakage recognised in the period and its journal entry")},
        {"breakage_journal", tr_noop("Breakage journal entry"),
         tr_noop("The period's breakage as journal lines (date, account, debit, credit, memo) to import into the "
                 "accounts")},
        {"card_batches", tr_noop("Card batch reconciliation"),
         tr_noop("Each prepaid card batch's cards by state at the end of a day (in stock, sold, activated, blocked, "
                 "closed, expired), the value of cards sold but not activated, and the period's movements")},
        {"tier_mix", tr_noop("Tier mix"),
         tr_noop("Members per tier of each ladder at the end of a day against the 3 : 5 : 2 target, and the moves "
                 "into and out of each tier in the period")},
        {"member_kpis", tr_noop("Member KPIs"),
         tr_noop("New members, growth, active rate, retention and churn, repurchase, purchase frequency, average order "
                 "value, sales and coin redemption for a period, against the period before, with their definitions")},
        {"campaign_roi", tr_noop("Campaign ROI"),
         tr_noop("Each launched campaign of the period: budget against actual cost, participants, new members, cost per "
                 "new member, sales and incremental sales, and its KPI targets against the actual figures")},
        {"complaints", tr_noop("Complaints"),
         tr_noop("Tickets opened by category and severity, deadlines met and missed, breaches, compensation against the "
                 "monthly budget, and satisfaction")},
        {"committee", tr_noop("Advisory committee roster"),
         tr_noop("The seats in force on a day with names, roles, terms, days left and eligibility")},
        {"monthly_review", tr_noop("Monthly member activity review"),
         tr_noop("The month to the day at a glance: member KPIs, tier mix, what is owed to members, campaigns and "
                 "complaints, with charts")},
    };
    return reports;
}

Document build_report(Services& services, const Actor& actor, const std::string& name, const ReportParams& p,
                      const ReportProgress& progress) {
    const Date today = services.program.today();
    if (p.as_of > today)
        throw ValidationError("as_of", format_date(p.as_of),
                              subst(tr("as_of: {0} is in the future; a report can describe the end of today ({1}) at "
                                       "the latest"),
                                    {format_date(p.as_of), format_date(today)}));
    // Every report so far describes a period that ends on its as-of day.
    if (p.to && *p.to != p.as_of)
        throw ValidationError("to", format_date(*p.to), tr("to: the report's period ends on its as-of day"));
    const Date from = p.from.value_or(Date(p.as_of.year(), p.as_of.month(), 1));
    if (from > p.as_of)
        throw ValidationError("from", format_date(from), subst(tr("from: {0} is after the period's last day {1}"),
                                                               {format_date(from), format_date(p.as_of)}));
    const auto info = std::find_if(report_catalog().begin(), report_catalog().end(), [&](const ReportInfo& r) { return r.name == name; });
    if (info != report_catalog().end()) progress.stage(0, tr(info->title));
    if (name == "liability") return liability_report(services, actor, p.as_of, from, progress);
    if (name == "liability_sources") return liability_source_report(services, actor, p.as_of, progress);
    if (name == "breakage") return breakage_report(services, actor, p.as_of, from, progress);
    if (name == "breakage_journal") return breakage_journal_report(services, actor, p.as_of, from, progress);
    if (name == "tier_mix") return tier_mix_report(services, actor, p.as_of, from);
    if (name == "card_batches") return card_batch_report(services, actor, p.as_of, from);
    if (name == "member_kpis") return member_kpi_report(services, actor, p.as_of, from);
    if (name == "campaign_roi") return campaign_roi_report(services, actor, p.as_of, from);
    if (name == "complaints") return complaint_report(services, actor, p.as_of, from);
    if (name == "committee") return committee_roster_report(services, actor, p.as_of);
    if (name == "monthly_review") return monthly_review_report(services, actor, p.as_of, progress);
    std::string known;
    for (const ReportInfo& r : report_catalog()) known += (known.empty() ? "" : ", ") + r.name;
    throw ValidationError("report", name, subst(tr("report: \"{0}\" is not a report ({1})"), {name, known}));
}

}  // namespace md::report

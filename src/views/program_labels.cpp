#include "views/program_labels.h"

#include "reports/committee_words.h"

#include "models/translate.h"
#include "views/wx_text.h"

#include <wx/intl.h>
#include <wx/translation.h>

namespace md::views {

const std::vector<Labelled<LadderMeasure>>& measure_labels() {
    static const std::vector<Labelled<LadderMeasure>> t = {
        {LadderMeasure::CumulativeSpend, tr_noop("Cumulative spend")},
        {LadderMeasure::CumulativeRecharge, tr_noop("Cumulative recharge")},
        {LadderMeasure::LargestSingleRecharge, tr_noop("Largest single recharge")},
        {LadderMeasure::SpendWithinMonths, tr_noop("Spend within N months")},
        {LadderMeasure::PointsEarned, tr_noop("Points earned")},
    };
    return t;
}

const std::vector<Labelled<LadderWindow>>& window_labels() {
    static const std::vector<Labelled<LadderWindow>> t = {
        {LadderWindow::Lifetime, tr_noop("Lifetime")},
        {LadderWindow::RollingMonths, tr_noop("Rolling N months")},
        {LadderWindow::CalendarYear, tr_noop("Calendar year")},
        {LadderWindow::MembershipYear, tr_noop("Membership year")},
    };
    return t;
}

const std::vector<Labelled<DowngradePolicy>>& downgrade_labels() {
    static const std::vector<Labelled<DowngradePolicy>> t = {
        {DowngradePolicy::Never, tr_noop("Never downgrade")},
        {DowngradePolicy::AtWindowEnd, tr_noop("At the end of the window")},
        {DowngradePolicy::AfterGraceDays, tr_noop("After N days of grace")},
    };
    return t;
}

const std::vector<Labelled<CoinExpiry>>& expiry_labels() {
    static const std::vector<Labelled<CoinExpiry>> t = {
        {CoinExpiry::Never, tr_noop("Never expire")},
        {CoinExpiry::DaysAfterEarning, tr_noop("N days after earning")},
        {CoinExpiry::EndOfCalendarYear, tr_noop("At the end of the calendar year")},
    };
    return t;
}

const std::vector<Labelled<PackageKind>>& package_kind_labels() {
    static const std::vector<Labelled<PackageKind>> t = {
        {PackageKind::Periodic, tr_noop("Periodic (by time or count)")},
        {PackageKind::SpecialNeed, tr_noop("Special need")},
    };
    return t;
}

const std::vector<Labelled<DeliveryCadence>>& cadence_labels() {
    static const std::vector<Labelled<DeliveryCadence>> t = {
        {DeliveryCadence::None, tr_noop("No fixed cadence")},
        {DeliveryCadence::PerWeek, tr_noop("Per week")},
        {DeliveryCadence::PerMonth, tr_noop("Per month")},
    };
    return t;
}

const std::vector<Labelled<PackageTerm>>& term_labels() {
    static const std::vector<Labelled<PackageTerm>> t = {
        {PackageTerm::None, tr_noop("No fixed term")},
        {PackageTerm::Month, tr_noop("One month")},
        {PackageTerm::Quarter, tr_noop("One quarter")},
        {PackageTerm::Year, tr_noop("One year")},
    };
    return t;
}

const std::vector<Labelled<ChangeKind>>& change_kind_labels() {
    static const std::vector<Labelled<ChangeKind>> t = {
        {ChangeKind::Ladder, tr_noop("Tier ladder")},
        {ChangeKind::Points, tr_noop("Points rule")},
        {ChangeKind::Denomination, tr_noop("Card denomination")},
        {ChangeKind::Bonus, tr_noop("Recharge bonus")},
        {ChangeKind::Package, tr_noop("Meal package")},
        {ChangeKind::Committee, tr_noop("Committee seat")},
        {ChangeKind::Lifecycle, tr_noop("Lifecycle thresholds")},
        {ChangeKind::StoredValue, tr_noop("Stored-value spending order")},
        {ChangeKind::Campaign, tr_noop("Campaign")},
        {ChangeKind::BusinessCalendar, tr_noop("Complaint desk calendar")},
        {ChangeKind::ComplaintPolicy, tr_noop("Complaint deadlines and caps")},
    };
    return t;
}

const std::vector<Labelled<ChangeStatus>>& change_status_labels() {
    static const std::vector<Labelled<ChangeStatus>> t = {
        {ChangeStatus::Draft, tr_noop("Draft")},
        {ChangeStatus::Submitted, tr_noop("Submitted")},
        {ChangeStatus::Approved, tr_noop("Approved")},
        {ChangeStatus::Rejected, tr_noop("Rejected")},
    };
    return t;
}

const std::vector<Labelled<CommitteeRole>>& committee_role_labels() {
    // The words are the reports' (the roster prints them too).
    static const std::vector<Labelled<CommitteeRole>> t = [] {
        std::vector<Labelled<CommitteeRole>> labels;
        for (const auto& [role, msgid] : report::committee_role_msgids()) labels.push_back({role, msgid});
        return labels;
    }();
    return t;
}

const std::vector<CodeLabel>& package_group_labels() {
    static const std::vector<CodeLabel> t = {
        {"family", tr_noop("Family")},
        {"disease_prevention", tr_noop("Disease prevention")},
        {"pregnancy", tr_noop("Pregnancy")},
        {"growth", tr_noop("Growth")},
        {"adults", tr_noop("Adults")},
        {"other", tr_noop("Other")},
    };
    return t;
}

const std::vector<CodeLabel>& package_subgroup_labels() {
    // "During pregnancy", not "Pregnancy": the group of the same code reads differently (孕妇 / 孕期).
    static const std::vector<CodeLabel> t = {
        {"", tr_noop("(none)")},
        {"pre_pregnancy", tr_noop("Pre-pregnancy")},
        {"pregnancy", tr_noop("During pregnancy")},
        {"postpartum_recovery", tr_noop("Postpartum recovery")},
        {"growth_spurt", tr_noop("Growth spurt")},
        {"children_daily", tr_noop("Children, daily")},
        {"children_by_age", tr_noop("Children, by age")},
        {"daily", tr_noop("Daily")},
        {"exam_preparation", tr_noop("Exam preparation")},
        {"mens_weight_loss", tr_noop("Men's weight loss")},
        {"womens_weight_loss", tr_noop("Women's weight loss")},
        {"womens_beauty", tr_noop("Women's beauty")},
        {"post_surgery", tr_noop("Post-surgery")},
        {"three_highs", tr_noop("Three highs (blood pressure, lipids, sugar)")},
        {"middle_aged_elderly", tr_noop("Middle-aged and elderly")},
        {"calcium", tr_noop("Calcium")},
    };
    return t;
}

const std::vector<CodeLabel>& purchase_kind_labels() {
    static const std::vector<CodeLabel> t = {
        {"meal_package", tr_noop("Meal packages")},
    };
    return t;
}

wxString code_label(const std::vector<CodeLabel>& table, const std::string& code) {
    for (const CodeLabel& l : table)
        if (code == l.code) return translated(l.msgid);
    return to_wx(code);
}

bool chinese_ui() {
    // The language is chosen once at start-up (a change applies at the next start).
    static const bool chinese = [] {
        wxTranslations* translations = wxTranslations::Get();
        return translations && translations->GetBestTranslation("memberdesk", wxLANGUAGE_ENGLISH_US).StartsWith("zh");
    }();
    return chinese;
}

wxString local_name(const std::string& name_zh, const std::string& name_en) {
    const std::string& first = chinese_ui() ? name_zh : name_en;
    return to_wx(first.empty() ? (chinese_ui() ? name_en : name_zh) : first);
}

namespace {
const TierLadder* ladder_in(const Program& program, const std::string& code) {
    for (const TierLadder& l : program.ladders)
        if (l.code == code) return &l;
    return nullptr;
}
}  // namespace

wxString ladder_name(const Program& program, const std::string& ladder) {
    const TierLadder* l = ladder_in(program, ladder);
    return l ? local_name(l->name_zh, l->name_en) : to_wx(ladder);
}

wxString tier_name(const TierLadder& ladder, const std::string& tier, const wxString& no_tier) {
    if (tier.empty()) return no_tier;
    for (const Tier& t : ladder.tiers)
        if (t.code == tier) return local_name(t.name_zh, t.name_en);
    return to_wx(tier);
}

wxString tier_name(const Program& program, const std::string& ladder, const std::string& tier, const wxString& no_tier) {
    const TierLadder* l = ladder_in(program, ladder);
    return l ? tier_name(*l, tier, no_tier) : tier.empty() ? no_tier : to_wx(tier);
}

wxString short_yuan(Money amount) {
    wxString text = to_wx(amount.to_display());
    if (text.EndsWith(".00")) text.RemoveLast(3);
    return text;
}

wxString discount_text(const Discount& discount) {
    return wxString::Format("%s (%s)", to_wx(discount.to_zhe()), to_wx(discount.to_off()));
}

namespace {

wxString describe(const QualifyingCondition& c) {
    wxString pattern;
    switch (c.measure) {
        case LadderMeasure::CumulativeSpend: pattern = _("spend ≥ %s"); break;
        case LadderMeasure::CumulativeRecharge: pattern = _("recharge ≥ %s"); break;
        case LadderMeasure::LargestSingleRecharge: pattern = _("single recharge ≥ %s"); break;
        case LadderMeasure::SpendWithinMonths: pattern = _("spend ≥ %s"); break;
        case LadderMeasure::PointsEarned: pattern = _("points earned worth ≥ %s"); break;
    }
    wxString text = wxString::Format(pattern, short_yuan(c.threshold));
    if (c.months > 0) text += wxString::Format(_(" within %d months"), c.months);
    return text;
}

}  // namespace

wxString describe(const AlternativeQualification& alternative) {
    wxString text;
    for (const QualifyingCondition& c : alternative.all_of) {
        if (!text.empty()) text += _(" and ");
        text += describe(c);
    }
    return text;
}

wxString weekday_heading(int column) {
    static const char* const names[] = {tr_noop("Mon"), tr_noop("Tue"), tr_noop("Wed"), tr_noop("Thu"),
                                        tr_noop("Fri"), tr_noop("Sat"), tr_noop("Sun")};
    return wxGetTranslation(names[column]);
}

}  // namespace md::views

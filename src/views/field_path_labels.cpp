#include "views/field_path_labels.h"

#include "models/translate.h"
#include "views/program_labels.h"
#include "views/wx_text.h"

#include <cstring>
#include <wx/intl.h>

namespace md::views {
namespace {

struct FieldName {
    const char* field;
    const char* msgid;  // tr_noop
};

// The JSON field names of the programme items (services/program_codec), in words.
const FieldName kFieldNames[] = {
    {"tiers", tr_noop("Tier")},
    {"code", tr_noop("Code")},
    {"name_zh", tr_noop("Chinese name")},
    {"name_en", tr_noop("English name")},
    {"measure", tr_noop("Measure")},
    {"measure_months", tr_noop("Months measured")},
    {"window", tr_noop("Window")},
    {"window_months", tr_noop("Window months")},
    {"downgrade", tr_noop("Downgrade")},
    {"grace_days", tr_noop("Grace days")},
    {"packages_count", tr_noop("Meal-package purchases count")},
    {"threshold", tr_noop("Threshold")},
    {"discount", tr_noop("Discount")},
    {"benefits", tr_noop("Benefit")},
    {"alternatives", tr_noop("Alternative")},
    {"all_of", tr_noop("Condition")},
    {"months", tr_noop("Months")},
    {"spend_per_coin", tr_noop("Spend per coin")},
    {"entry_threshold", tr_noop("Entry threshold")},
    {"coin_value", tr_noop("Coin value")},
    {"excluded_purchase_kinds", tr_noop("Earns no coins")},
    {"expiry", tr_noop("Coins expire")},
    {"expiry_days", tr_noop("Expiry days")},
    {"face_value", tr_noop("Face value")},
    {"on_sale", tr_noop("On sale")},
    {"bonus", tr_noop("Bonus value")},
    {"pay", tr_noop("Pay")},
    {"receive", tr_noop("Receive")},
    {"valid_from", tr_noop("Valid from")},
    {"valid_to", tr_noop("Valid to")},
    {"kind", tr_noop("Kind")},
    {"group", tr_noop("Group")},
    {"subgroup", tr_noop("Subgroup")},
    {"cadence", tr_noop("Cadence")},
    {"deliveries_per_period", tr_noop("Deliveries per period")},
    {"term", tr_noop("Term")},
    {"price", tr_noop("Price")},
    {"value_owed", tr_noop("Value owed")},
    {"deliveries", tr_noop("Deliveries")},
    {"earns_points", tr_noop("Earns points")},
    {"counts_toward_tiers", tr_noop("Counts toward tiers")},
    {"member_number", tr_noop("Member number")},
    {"role", tr_noop("Role")},
    {"term_start", tr_noop("Term start")},
    {"term_end", tr_noop("Term end")},
    {"dormant_after_days", tr_noop("Dormant after (days)")},
    {"lapsed_after_days", tr_noop("Lapsed after (days)")},
    {"draw_order", tr_noop("Spending order")},
    {"week", tr_noop("Opening hours")},
    {"opens", tr_noop("Opens")},
    {"closes", tr_noop("Closes")},
    {"holidays", tr_noop("Holidays (closed)")},
    {"working_days", tr_noop("Worked weekend days (调休)")},
    {"working_day_hours", tr_noop("Worked weekend day (调休)")},
    {"targets", tr_noop("Deadline")},
    {"severity", tr_noop("Severity")},
    {"member_class", tr_noop("Member class")},
    {"response_minutes", tr_noop("Respond within (business minutes)")},
    {"resolution_minutes", tr_noop("Resolve within (business minutes)")},
    {"near_deadline_pct", tr_noop("Near the deadline at (%)")},
    {"reopen_window_days", tr_noop("Reopen window (days)")},
    {"caps", tr_noop("Compensation cap")},
    {"coins_per_ticket", tr_noop("Coins per ticket")},
    {"coins_per_month", tr_noop("Coins per month")},
    {"stored_value_per_ticket", tr_noop("Stored value per ticket")},
    {"stored_value_per_month", tr_noop("Stored value per month")},
    {"campaign_stacking", tr_noop("Campaign stacking")},
    {"max_campaign_multiplier", tr_noop("Highest campaign multiplier")},
    // Campaigns
    {"type", tr_noop("Campaign type")},
    {"starts_at", tr_noop("Starts at")},
    {"ends_at", tr_noop("Ends at")},
    {"recurrence", tr_noop("Repeats")},
    {"day_of_month", tr_noop("Day of the month")},
    {"month", tr_noop("Month")},
    {"nth", tr_noop("Which week")},
    {"weekday", tr_noop("Weekday")},
    {"target", tr_noop("Audience")},
    {"states", tr_noop("Lifecycle states")},
    {"tags", tr_noop("Tags")},
    {"budget", tr_noop("Budget")},
    {"activity", tr_noop("Activity cost")},
    {"technology", tr_noop("Technology")},
    {"partner", tr_noop("Partner resources")},
    {"kpis", tr_noop("KPI targets")},
    {"new_members", tr_noop("New members")},
    {"participation_pct", tr_noop("Participation (%)")},
    {"redemption_pct", tr_noop("Points redemption (%)")},
    {"repurchase_pct", tr_noop("Repurchase (%)")},
    {"cost_per_new_member", tr_noop("Cost per new member")},
    {"owner", tr_noop("Owner")},
    {"coin_multiplier", tr_noop("Coin multiplier")},
    {"referral_coins", tr_noop("Referral coins")},
    {"birthday_coins", tr_noop("Birthday coins")},
};

wxString field_word(const std::string& field) {
    for (const FieldName& f : kFieldNames)
        if (field == f.field) return wxGetTranslation(wxString::FromUTF8(f.msgid));
    return to_wx(field);  // a field this table does not know yet still shows, as written
}

// An element's own name, when it has one: tiers and packages carry name_zh / name_en.
wxString element_name(const nlohmann::json& element) {
    if (!element.is_object()) return wxString();
    const std::string zh = element.value("name_zh", ""), en = element.value("name_en", "");
    if (!zh.empty() || !en.empty()) return local_name(zh, en);
    // The complaint policy's rows: a cap names its role, a deadline its severity and member class.
    if (element.contains("role")) return to_wx(element.value("role", ""));
    if (element.contains("severity")) return to_wx(element.value("severity", "") + " / " + element.value("member_class", ""));
    return to_wx(element.value("code", ""));
}

}  // namespace

wxString field_path_label(const std::string& path, const nlohmann::json& document) {
    wxString out;
    const nlohmann::json* at = document.is_object() ? &document : nullptr;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = path.find('.', start);
        if (end == std::string::npos) end = path.size();
        const std::string segment = path.substr(start, end - start);
        const std::size_t bracket = segment.find('[');
        const std::string field = segment.substr(0, bracket);
        wxString words = field_word(field);
        const nlohmann::json* next = at && at->contains(field) ? &(*at)[field] : nullptr;
        if (bracket != std::string::npos) {
            const int index = std::atoi(segment.c_str() + bracket + 1);  // 1-based, as in the paths
            words += wxString::Format(" %d", index);
            if (next && next->is_array() && index >= 1 && static_cast<std::size_t>(index) <= next->size()) {
                next = &(*next)[static_cast<std::size_t>(index - 1)];
                const wxString name = element_name(*next);
                if (!name.empty()) words += " (" + name + ")";
            } else {
                next = nullptr;
            }
        }
        out += (out.empty() ? "" : " › ") + words;
        at = next;
        start = end + 1;
    }
    return out;
}

}  // namespace md::views

#pragma once
// Programme items ⇄ JSON: the one format for proposals, stored versions, export and import.
// Writing is canonical (fixed field order, money as "1000.00", discounts as "98折") so an
// export, import and export again gives the same bytes. Reading is strict (JsonReader).
#include "models/change_request.h"
#include "models/program.h"

#include <nlohmann/json.hpp>

namespace md {

nlohmann::ordered_json to_json(const TierLadder& ladder);
nlohmann::ordered_json to_json(const PointsRule& rule);
nlohmann::ordered_json to_json(const Denomination& denomination);
nlohmann::ordered_json to_json(const RechargeBonus& bonus);
nlohmann::ordered_json to_json(const MealPackage& package);
nlohmann::ordered_json to_json(const CommitteeSeat& seat);
nlohmann::ordered_json to_json(const LifecycleRule& rule);
nlohmann::ordered_json to_json(const StoredValueRule& rule);
nlohmann::ordered_json to_json(const Recurrence& rule);
nlohmann::ordered_json to_json(const Campaign& campaign);
// complaint_settings_codec.cpp: the complaint desk's calendar and policy.
nlohmann::ordered_json to_json(const BusinessCalendar& calendar);
nlohmann::ordered_json to_json(const ComplaintPolicy& policy);

// One item of `kind` from JSON, validated by the model's rules; errors name `path`.
// Returns it re-encoded canonically, with its key.
struct ProgramItem {
    ChangeKind kind;
    std::string key;
    std::string json;  // canonical
};
ProgramItem read_item(ChangeKind kind, const nlohmann::json& value, const std::string& path);

TierLadder ladder_from_json(const nlohmann::json& value, const std::string& path);
PointsRule points_from_json(const nlohmann::json& value, const std::string& path);
Denomination denomination_from_json(const nlohmann::json& value, const std::string& path);
RechargeBonus bonus_from_json(const nlohmann::json& value, const std::string& path);
MealPackage package_from_json(const nlohmann::json& value, const std::string& path);
CommitteeSeat seat_from_json(const nlohmann::json& value, const std::string& path);
LifecycleRule lifecycle_from_json(const nlohmann::json& value, const std::string& path);
StoredValueRule stored_value_from_json(const nlohmann::json& value, const std::string& path);
// `max_multiplier_pct`: the points rule's cap on a campaign's coin multiplier.
Campaign campaign_from_json(const nlohmann::json& value, const std::string& path, int max_multiplier_pct);
BusinessCalendar business_calendar_from_json(const nlohmann::json& value, const std::string& path);
ComplaintPolicy complaint_policy_from_json(const nlohmann::json& value, const std::string& path);

// The export document and its reader. The reader refuses the whole file on the first error.
nlohmann::ordered_json program_to_json(const Program& program, const Date& as_of);
std::vector<ProgramItem> program_items_from_json(const nlohmann::json& document);
Program program_from_items(const std::vector<ProgramItem>& items);

}  // namespace md

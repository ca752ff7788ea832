#pragma once
// A change request's diff names fields by their JSON path ("tiers[2].threshold"), which is
// exact but not what an approver reads. This turns a path into words in the interface
// language ("Tier 2 (红钻) › Threshold"), naming array elements by the item they hold.
#include <nlohmann/json.hpp>
#include <string>
#include <wx/string.h>

namespace md::views {

// document: the proposed item (or the one in force), to name array elements; may be null.
wxString field_path_label(const std::string& path, const nlohmann::json& document);

}  // namespace md::views

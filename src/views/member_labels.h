#pragma once
// Display names for the member registry's codes (gender, type, channel, lifecycle state, how a
// search hit matched). The models keep codes only; the words people read live here.
#include "models/member.h"
#include "views/program_labels.h"

#include <string>
#include <vector>

namespace md::views {

const std::vector<Labelled<Gender>>& gender_labels();
const std::vector<Labelled<MemberType>>& member_type_labels();
const std::vector<Labelled<Channel>>& channel_labels();
const std::vector<Labelled<LifecycleState>>& lifecycle_labels();

// MemberHit::matched_by ("number", "mobile_tail", "initials"...) in words.
const std::vector<CodeLabel>& matched_by_labels();

// A mobile as staff read it: masked values stay as the service masked them ("138****8000"),
// full ones are grouped 3-4-4 ("138 0013 8000").
wxString mobile_text(const Member& member, bool masked);

}  // namespace md::views

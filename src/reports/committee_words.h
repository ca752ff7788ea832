#pragma once
// The advisory committee's roles in words: one msgid table for the roster report and the
// Program area's committee tab.
#include "models/committee_seat.h"

#include <string>
#include <utility>
#include <vector>

namespace md::report {

// Each role with its msgid (tr_noop), in the order the committee lists them.
const std::vector<std::pair<CommitteeRole, const char*>>& committee_role_msgids();
std::string committee_role_words(CommitteeRole role);  // translated

}  // namespace md::report

#pragma once
// Complaint categories and severities in words: one msgid table for the complaints report and
// the Complaints area.
#include "models/complaint.h"

#include <string>
#include <utility>
#include <vector>

namespace md::report {

// Each value with its msgid (tr_noop), in the order the desk lists them.
const std::vector<std::pair<ComplaintCategory, const char*>>& complaint_category_msgids();
const std::vector<std::pair<ComplaintSeverity, const char*>>& complaint_severity_msgids();
std::string complaint_category_words(ComplaintCategory category);  // translated
std::string complaint_severity_words(ComplaintSeverity severity);

}  // namespace md::report

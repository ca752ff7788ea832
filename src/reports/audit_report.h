#pragma once
// The audit trail as a report table, shared by `audit list` and the GUI audit viewer.
#include "models/audit.h"
#include "reports/table.h"

#include <vector>

namespace md::report {

Table audit_table(const std::vector<AuditRecord>& records);

}  // namespace md::report

#include "reports/audit_report.h"

#include "models/translate.h"

namespace md::report {

Table audit_table(const std::vector<AuditRecord>& records) {
    Table t;
    t.title = tr("Audit trail");
    t.columns = {
        {"at", tr("Time"), ColumnType::Instant},     {"actor", tr("User"), ColumnType::Text},
        {"action", tr("Action"), ColumnType::Text},  {"record", tr("Record"), ColumnType::Text},
        {"outcome", tr("Outcome"), ColumnType::Text}, {"detail", tr("Detail"), ColumnType::Text},
    };
    for (const AuditRecord& r : records) {
        const std::string record = r.entity.empty() ? r.entity_id : r.entity + ":" + r.entity_id;
        t.rows.push_back({r.at, r.actor, r.action, record, outcome_code(r.outcome), r.detail});
    }
    return t;
}

}  // namespace md::report

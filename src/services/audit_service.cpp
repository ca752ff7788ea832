#include "services/audit_service.h"

#include "db/audit_repository.h"
#include "models/errors.h"
#include "models/translate.h"

namespace md {

std::vector<AuditRecord> AuditService::list(const Actor& actor, const AuditFilter& filter) {
    audit_.require(actor, Action::ViewAudit, "audit");
    if (filter.from && filter.to && *filter.to < *filter.from)
        throw ValidationError("to", format_date(*filter.to),
                              subst(tr("to: {0} is before from: {1}"), {format_date(*filter.to), format_date(*filter.from)}));
    if (filter.limit < 1 || filter.limit > 1000000)
        throw ValidationError("limit", std::to_string(filter.limit),
                              subst(tr("limit: {0} is outside 1–1000000"), {std::to_string(filter.limit)}));
    std::optional<Instant> from, to;
    if (filter.from) from = business_day_start_utc(*filter.from);
    if (filter.to) to = business_day_start_utc(*filter.to + boost::gregorian::days(1));
    return AuditRepository(db_).list(filter, from, to);
}

}  // namespace md

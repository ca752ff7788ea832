#include "reports/report_header.h"

#include "services/audit_trail.h"
#include "services/services.h"

namespace md::report {

Document begin_report(Services& services, const Actor& actor, Action needs, const std::string& name, const std::string& title,
                      std::vector<std::pair<std::string, std::string>> parameters) {
    AuditTrail(services.database(), &now_utc).require(actor, needs, "report", name);
    Document d;
    d.name = name;
    d.title = title;
    d.parameters = std::move(parameters);
    d.prepared_by = actor.username;
    d.prepared_at = now_utc();
    return d;
}

}  // namespace md::report

#pragma once
// The reports there are, and building one: the single entry the CLI (`report NAME`), the GUI's
// preview and printing use. A builder reads through the services (checking the user's role)
// and returns the neutral document; it never formats for one output.
#include "reports/document.h"
#include "reports/report_progress.h"
#include "services/actor.h"

#include <optional>
#include <string>
#include <vector>

namespace md { class Services; }

namespace md::report {

struct ReportParams {
    Date as_of;                 // the day whose end the report describes
    std::optional<Date> from;   // the period's first day (reports over a period); default: as_of's month
    std::optional<Date> to;     // the period's last day; default: as_of
};

struct ReportInfo {
    std::string name;       // "liability"
    const char* title;      // msgid (tr_noop): translated when shown
    const char* summary;    // msgid
};

const std::vector<ReportInfo>& report_catalog();

// Checks the parameters (an as-of day after today, `from` after `to`: ValidationError naming
// the field and value) and builds the report. An unknown name is a ValidationError ("report").
// `progress` hears how far it has got and may cancel it (CancelledError).
Document build_report(Services& services, const Actor& actor, const std::string& name, const ReportParams& params,
                      const ReportProgress& progress = {});

}  // namespace md::report

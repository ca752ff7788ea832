#include "reports/report_progress.h"

#include "models/errors.h"
#include "models/translate.h"

namespace md::report {

void ReportProgress::stage(int permille, const std::string& what) const {
    if (callback_ && !callback_(permille, what)) throw CancelledError(tr("report cancelled: nothing was written"));
}

}  // namespace md::report

#pragma once
// Display names of complaint codes (the codes stay in files and the CLI).
#include "services/complaint_service.h"
#include "views/program_labels.h"

namespace md::views {

const std::vector<Labelled<ComplaintChannel>>& complaint_channel_labels();
const std::vector<Labelled<ComplaintCategory>>& complaint_category_labels();
const std::vector<Labelled<ComplaintSeverity>>& complaint_severity_labels();
const std::vector<Labelled<ComplaintStatus>>& complaint_status_labels();
const std::vector<Labelled<ComplaintQueue>>& complaint_queue_labels();
const std::vector<Labelled<DeadlineState>>& deadline_state_labels();

}  // namespace md::views

#pragma once
// Display names of campaign types and statuses (the codes stay in files and the CLI).
#include "services/campaign_service.h"
#include "views/program_labels.h"

namespace md::views {

const std::vector<Labelled<CampaignType>>& campaign_type_labels();
const std::vector<Labelled<CampaignStatus>>& campaign_status_labels();
const std::vector<Labelled<RecurrenceKind>>& recurrence_kind_labels();

}  // namespace md::views

#pragma once
// Display names of the ledger's codes (entry types, buckets, card states, subscription states),
// translated. The codes themselves stay in the models; only their words live here.
#include "models/card.h"
#include "models/ledger.h"

#include <wx/string.h>

namespace md::views {

wxString entry_type_label(EntryType type);
wxString bucket_label(Bucket bucket);
wxString card_state_label(CardState state);
wxString subscription_state_label(const std::string& state);
// "¥1,234.50" for the value buckets, "12" for coins.
wxString bucket_amount(Bucket bucket, std::int64_t amount);

}  // namespace md::views

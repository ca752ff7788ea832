#pragma once
// The ledger's codes in words (translated through tr(): Chinese in the GUI, English in the
// CLI): entry types and buckets. One table for the reports and the screens alike.
#include "models/ledger.h"

#include <string>

namespace md::report {

std::string entry_type_words(EntryType type);
std::string bucket_words(Bucket bucket);

}  // namespace md::report

#pragma once
// What every report builder starts with: the user's permission checked (a refusal audited),
// then a document headed with its name, title, parameters and who prepared it when.
#include "models/role.h"
#include "reports/document.h"
#include "services/actor.h"

#include <string>
#include <utility>
#include <vector>

namespace md { class Services; }

namespace md::report {

Document begin_report(Services& services, const Actor& actor, Action needs, const std::string& name, const std::string& title,
                      std::vector<std::pair<std::string, std::string>> parameters);

}  // namespace md::report

#pragma once
// Members ▸ Export members…: asks for the file (CSV or XLSX by its name) and, for roles that
// may see personal data, whether to include full contact data (audited); then writes it.
#include "services/actor.h"

#include <memory>

class wxWindow;
namespace md { class Services; }

namespace md::views {

void export_members_interactively(wxWindow* parent, Services& services, const Actor& actor);

}  // namespace md::views

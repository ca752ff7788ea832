#pragma once
// MemberDesk's own icon for its windows and the About box: the PNGs rendered from
// assets/icons/memberdesk.svg, found as the catalogs and the user guide are, next to the program
// in a build tree (icons/hicolor/) or in share/icons/hicolor once installed.
#include <wx/iconbndl.h>

namespace md::views {

// Every size found (16 to 256 px); empty when none is, and the window keeps the desktop's default.
const wxIconBundle& app_icons();

}  // namespace md::views

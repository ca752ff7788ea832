#pragma once
// Where the files that ship with the program are: the catalogs, the user guide and the icons sit
// next to the executable in a build tree and under ../share once installed (docs/architecture.md).
#include <wx/string.h>

namespace md::views {

// The folder `relative` to the running executable's, made absolute ("help", "../share/locale").
wxString beside_program(const wxString& relative);

}  // namespace md::views

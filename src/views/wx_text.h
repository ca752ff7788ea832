#pragma once
// The core speaks UTF-8 std::string; wx speaks wxString. Converting explicitly, never through
// the C locale, keeps Chinese names intact even where no zh_CN locale is installed.
#include <string>
#include <wx/string.h>
#include <wx/translation.h>

namespace md::views {

inline wxString to_wx(const std::string& text) { return wxString::FromUTF8(text); }
inline std::string to_utf8(const wxString& text) { return std::string(text.utf8_str()); }

// For msgids kept in core tables (marked with tr_noop), translated only when shown.
inline wxString translated(const char* msgid) { return wxGetTranslation(wxString::FromUTF8(msgid)); }

}  // namespace md::views

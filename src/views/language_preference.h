#pragma once
// The interface language people chose in Preferences, kept with wxConfig. It applies at the
// next start because every window's labels are made once, when the window is built.
#include <string>
#include <vector>
#include <wx/string.h>

namespace md::views {

struct LanguageChoice {
    std::string code;   // "zh_CN", "en": what --lang takes
    wxString label;     // in its own language, so anyone can find theirs
};

const std::vector<LanguageChoice>& language_choices();
std::string saved_language();  // "" when nothing was chosen yet
void save_language(const std::string& code);

}  // namespace md::views

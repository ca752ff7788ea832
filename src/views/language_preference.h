#pragma once
// The interface language people chose in Preferences, kept with wxConfig. It applies at the
// next start because every window's labels are made once, when the window is built.
#include <string>
#include <vector>
#include <wx/string.h>

namespace md::views {

struct LanguageChoice {
    std::string code;   // "zh_CN", "en": what --lang takes; "" follows the system's locale
    wxString label;     // in its own language, so anyone can find theirs
};

// The system's language first (the default), then each catalog's language.
const std::vector<LanguageChoice>& language_choices();
std::string saved_language();  // "" when nothing was chosen, or the system's language was
void save_language(const std::string& code);

}  // namespace md::views

#include "views/language_preference.h"

#include "views/wx_text.h"

#include <wx/config.h>
#include <wx/intl.h>

namespace md::views {
namespace {
const wxString kLanguageKey = "/Interface/Language";
}

const std::vector<LanguageChoice>& language_choices() {
    // The system entry is worded in the interface's language: it names no language of its own.
    static const std::vector<LanguageChoice> choices = {
        {"", _("Same as the system")},
        {"zh_CN", wxString::FromUTF8("简体中文")},
        {"en", "English"},
    };
    return choices;
}

std::string saved_language() {
    wxString code;
    wxConfigBase::Get()->Read(kLanguageKey, &code);
    return to_utf8(code);
}

void save_language(const std::string& code) {
    wxConfigBase* config = wxConfigBase::Get();
    config->Write(kLanguageKey, to_wx(code));
    config->Flush();
}

}  // namespace md::views

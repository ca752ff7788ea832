#include "app/translations.h"

#include "models/translate.h"
#include "views/program_files.h"

#include <clocale>
#include <cstdlib>
#include <cstring>
#include <wx/translation.h>

namespace md::app {
namespace {

std::string translate_core(const char* msgid) {
    return std::string(wxGetTranslation(wxString::FromUTF8(msgid)).utf8_str());
}

}  // namespace

void install_translations(const std::string& language) {
    // Next to the executable in a build tree, ../share/locale once installed.
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(views::beside_program("locale"));
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(views::beside_program("../share/locale"));

    auto* translations = new wxTranslations();
    wxTranslations::Set(translations);
    if (!language.empty()) {
        translations->SetLanguage(wxString::FromUTF8(language));
        // GTK's own words (stock buttons, message boxes, the file chooser, the About box) come from
        // GTK's catalog through gettext, which follows LANGUAGE, not wxTranslations: point it at
        // the chosen language too, or a Chinese console on an English desktop says "Cancel".
        const bool chinese = language.rfind("zh", 0) == 0;
        setenv("LANGUAGE", chinese ? "zh_CN:zh" : "en", 1);
        // gettext ignores LANGUAGE under the bare "C" locale (a session without LANG): C.UTF-8
        // keeps the same rules and lets it through.
        const char* messages = std::setlocale(LC_MESSAGES, nullptr);
        if (messages && (std::strcmp(messages, "C") == 0 || std::strcmp(messages, "POSIX") == 0))
            std::setlocale(LC_MESSAGES, "C.UTF-8");
    }
    translations->AddStdCatalog();
    // The sources are written in English, so English needs no catalog.
    translations->AddCatalog("memberdesk", wxLANGUAGE_ENGLISH_US);
    md::set_translator(&translate_core);
}

}  // namespace md::app

#include "app/translations.h"

#include "models/translate.h"

#include <wx/filename.h>
#include <wx/stdpaths.h>
#include <wx/translation.h>

namespace md::app {
namespace {

std::string translate_core(const char* msgid) {
    return std::string(wxGetTranslation(wxString::FromUTF8(msgid)).utf8_str());
}

}  // namespace

void install_translations(const std::string& language) {
    // Next to the executable in a build tree, ../share/locale once installed.
    const wxString exe_dir = wxFileName(wxStandardPaths::Get().GetExecutablePath()).GetPath();
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(exe_dir + "/locale");
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(exe_dir + "/../share/locale");

    auto* translations = new wxTranslations();
    wxTranslations::Set(translations);
    if (!language.empty()) translations->SetLanguage(wxString::FromUTF8(language));
    translations->AddStdCatalog();
    // The sources are written in English, so English needs no catalog.
    translations->AddCatalog("memberdesk", wxLANGUAGE_ENGLISH_US);
    md::set_translator(&translate_core);
}

}  // namespace md::app

#pragma once
// gettext catalogs for the GUI and, through md::set_translator, for the core's messages.
// wxTranslations rather than wxLocale: wxLocale needs the C library's zh_CN locale
// generated, which Debian does not do by default, whereas catalogs need nothing.
#include <string>

namespace md::app {

// language: "zh_CN", "en", or "" for the language the environment asks for.
void install_translations(const std::string& language);

}  // namespace md::app

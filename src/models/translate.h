#pragma once
// Translation hook for the layers that cannot use wx. Core code marks visible strings with
// tr("..."); the GUI installs a translator backed by its gettext catalogs, the CLI keeps
// English (automation parses its messages). xgettext extracts tr() and _() alike.
#include <initializer_list>
#include <string>

// Marks a string for extraction where it must stay untranslated until shown.
#define tr_noop(s) (s)

namespace md {

using Translator = std::string (*)(const char* msgid);

void set_translator(Translator translator);
std::string tr(const char* msgid);

// Replaces {0}, {1}, ... in a (translated) pattern, so translators can reorder arguments.
std::string subst(const std::string& pattern, std::initializer_list<std::string> args);

}  // namespace md

#pragma once
// A report's words in another language than the CLI's English (`report ... --lang zh_CN`): the
// GUI's gettext catalog (memberdesk.mo) read directly, so finance can print the Chinese report
// from a script. Only the report commands take it; every other command stays in English.
#include <string>

namespace md::cli {

// Installs the catalog of `language` (e.g. "zh_CN") as the core's translator; "en" and "" keep
// English. Throws ValidationError (field "lang") when no catalog for it is installed.
void use_report_language(const std::string& language);

}  // namespace md::cli

#pragma once
// The demo programme of domain.md (assets/demo/program.json), compiled into the program so
// `demo seed` needs no file at run time.
#include <string_view>

namespace md {

std::string_view demo_program_json();

}  // namespace md

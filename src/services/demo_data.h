#pragma once
// The demo data of domain.md (assets/demo/*.json), compiled into the program so
// `demo seed` needs no file at run time.
#include <string_view>

namespace md {

std::string_view demo_program_json();  // assets/demo/program.json
std::string_view demo_members_json();  // assets/demo/members.json

}  // namespace md

#pragma once
// Passwords never come from arguments (they would show in `ps` and shell history):
// from an environment variable, else a prompt on the terminal with echo off.
#include <optional>
#include <string>

namespace md::cli {

// The value of env_var, else a prompt on /dev/tty; nullopt when neither is possible.
std::optional<std::string> read_password(const char* env_var, const std::string& prompt, bool confirm);

}  // namespace md::cli

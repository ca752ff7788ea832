#pragma once
// Whole files in and out for commands that take or write one: a file that cannot be opened is
// NotFound (exit 5), one that cannot be written is a storage error (exit 6).
#include <string>

namespace md::cli {

std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& bytes);
// The name without its folders, as recorded in histories and the audit trail.
std::string file_name_of(const std::string& path);

}  // namespace md::cli

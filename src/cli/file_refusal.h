#pragma once
// A whole file refused for its problems (an opening-balance file, a posting batch): exit 2 with the
// first problem in the message (row, column, value, reason), the next ones on stderr in text mode,
// and all of them in the command's --report file.
#include "cli/cli_context.h"
#include "services/csv_reader.h"

#include <string>
#include <vector>

namespace md::cli {

// `what` names the file's kind for the message: "batch", "opening balances".
[[noreturn]] void refuse_file_for_problems(const CliContext& ctx, const std::vector<ImportProblem>& problems,
                                           const std::string& what);

}  // namespace md::cli

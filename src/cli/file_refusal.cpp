#include "cli/file_refusal.h"

#include "models/errors.h"

#include <cstdio>

namespace md::cli {

void refuse_file_for_problems(const CliContext& ctx, const std::vector<ImportProblem>& problems,
                              const std::string& what) {
    std::string rest;
    for (std::size_t i = 1; i < problems.size() && i < 20; ++i)
        rest += "row " + std::to_string(problems[i].row) + ", " + problems[i].column + " \"" + problems[i].value +
                "\": " + problems[i].reason + "\n";
    if (!ctx.json && !rest.empty()) std::fputs(rest.c_str(), stderr);
    const ImportProblem& first = problems.front();
    throw ValidationError(first.column, first.value,
                          what + " refused, nothing was written: " + std::to_string(problems.size()) +
                              " problem(s); the first: row " + std::to_string(first.row) +
                              (first.column.empty() ? "" : ", column " + first.column) + ", value \"" + first.value +
                              "\": " + first.reason);
}

}  // namespace md::cli

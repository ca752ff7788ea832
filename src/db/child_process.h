#pragma once
// Runs a helper program (pg_dump, pg_restore) without a shell, so no argument is ever parsed
// as shell syntax, and collects what it says on stdout and stderr for the error message.
#include <functional>
#include <string>
#include <vector>

namespace md {

struct ChildResult {
    int exit_code = -1;   // the program's exit status; -1 if it could not be started or was killed
    std::string output;   // stdout and stderr together
    bool stopped = false; // keep_going answered false and the program was terminated
};

// Asked about five times a second while the program runs; false terminates it (SIGTERM).
using KeepGoing = std::function<bool()>;

// argv[0] is looked up on PATH. Extra environment entries ("NAME=value") are added to ours.
ChildResult run_child(const std::vector<std::string>& argv, const std::vector<std::string>& extra_env = {},
                      const KeepGoing& keep_going = {});

}  // namespace md

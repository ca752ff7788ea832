#pragma once
// The CLI contract's exit codes (design.md). Automation relies on them: never renumber.
namespace md::cli {

enum ExitCode {
    kOk = 0,
    kUsage = 1,
    kInvalidInput = 2,
    kPermissionDenied = 3,
    kConflict = 4,
    kNotFound = 5,
    kStorageFailure = 6,
};

}  // namespace md::cli

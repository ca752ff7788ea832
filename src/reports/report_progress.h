#pragma once
// How far a report has got, and a way to stop it (issue 9: long reports run with progress and
// can be cancelled). A builder calls `stage` between its reads, and every so many rows inside a
// long one, with the share done in thousandths; when the callback answers false the builder
// stops with CancelledError. Reports only read, so a cancelled one leaves nothing behind (the
// renderers write nothing until the document is whole).
#include <cstdint>
#include <functional>
#include <string>

namespace md::report {

class ReportProgress {
public:
    using Callback = std::function<bool(int permille, const std::string& stage)>;
    ReportProgress() = default;
    explicit ReportProgress(Callback callback) : callback_(std::move(callback)) {}

    // Tells the callback; throws CancelledError when it answers false.
    void stage(int permille, const std::string& what) const;
    // The same, only every `every`-th time it is called with a growing `count` (inside row loops).
    void tick(std::int64_t count, std::int64_t every, int permille, const std::string& what) const {
        if (callback_ && count % every == 0) stage(permille, what);
    }

private:
    Callback callback_;
};

}  // namespace md::report

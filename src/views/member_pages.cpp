#include "views/member_pages.h"

#include "services/services.h"

#include <algorithm>

namespace md::views {

MemberPages::MemberPages(std::shared_ptr<Services> services, Actor actor, MemberListQuery query)
    : services_(std::move(services)), actor_(std::move(actor)), query_(std::move(query)) {
    total_ = services_->members.count(actor_, query_);
}

std::vector<MemberRecord> MemberPages::fetch(long page) const {
    const long long first = static_cast<long long>(page) * kPageRows;
    auto before = pages_.find(page - 1);
    if (before != pages_.end() && before->second.size() == kPageRows)
        return services_->members.list_after(actor_, query_, before->second.back().member, kPageRows);
    // Backwards from the page below: the same order reversed, read after that page's first row.
    MemberListQuery reversed = query_;
    reversed.descending = !query_.descending;
    auto after = pages_.find(page + 1);
    if (after != pages_.end() && !after->second.empty()) {
        auto rows = services_->members.list_after(actor_, reversed, after->second.front().member, kPageRows);
        std::reverse(rows.begin(), rows.end());
        return rows;
    }
    if (first <= total_ / 2) return services_->members.list(actor_, query_, first, kPageRows);
    // In the second half, count from the end: the last page costs what the first does.
    const long long end = std::min<long long>(first + kPageRows, total_);
    const long long skip = total_ - end;
    auto rows = services_->members.list(actor_, reversed, skip, static_cast<int>(end - first));
    std::reverse(rows.begin(), rows.end());
    return rows;
}

const MemberRecord& MemberPages::record(long row) const {
    static const MemberRecord missing{};
    const long page = row / kPageRows;
    auto found = pages_.find(page);
    if (found == pages_.end()) {
        try {
            found = pages_.emplace(page, fetch(page)).first;
        } catch (const std::exception&) {
            return missing;  // a row that cannot be read shows empty; the next paint tries again
        }
        if (pages_.size() > kPagesKept) {
            pages_.erase(recent_.back());
            recent_.pop_back();
        }
    } else {
        recent_.remove(page);
    }
    recent_.push_front(page);
    const auto index = static_cast<std::size_t>(row % kPageRows);
    return index < found->second.size() ? found->second[index] : missing;
}

}  // namespace md::views

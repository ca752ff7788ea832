#include "views/member_pages.h"

#include "services/services.h"

#include <algorithm>

namespace md::views {

MemberPages::MemberPages(std::shared_ptr<Services> services, Actor actor, MemberListQuery query)
    : services_(std::move(services)), actor_(std::move(actor)), query_(std::move(query)) {
    total_ = services_->members.count(actor_, query_);
}

const MemberRecord& MemberPages::record(long row) const {
    static const MemberRecord missing{};
    const long page = row / kPageRows;
    auto found = pages_.find(page);
    if (found == pages_.end()) {
        try {
            found = pages_.emplace(page, services_->members.list(actor_, query_, static_cast<long long>(page) * kPageRows,
                                                                  kPageRows)).first;
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

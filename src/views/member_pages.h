#pragma once
// Every member as MemberRows, fetched a page at a time as the list control asks for rows:
// opening a list of a million members reads one count and one page, and scrolling reads the
// pages that come into view. A few dozen pages are kept; older ones are read again if needed.
// A page next to one already read is a keyset seek from that page's edge row; a page far from
// any is read by OFFSET from the nearer end of the list, so the last rows are as quick as the first.
#include "db/member_repository.h"
#include "services/actor.h"
#include "views/member_rows.h"

#include <list>
#include <map>
#include <memory>

namespace md { class Services; }

namespace md::views {

class MemberPages : public MemberRows {
public:
    // Counts at once (the list needs its length); pages come later.
    MemberPages(std::shared_ptr<Services> services, Actor actor, MemberListQuery query);
    long size() const override { return static_cast<long>(total_); }
    const MemberRecord& record(long row) const override;
    std::string matched_by(long) const override { return ""; }
    const MemberListQuery& query() const { return query_; }

private:
    std::vector<MemberRecord> fetch(long page) const;
    static constexpr int kPageRows = 200;
    static constexpr std::size_t kPagesKept = 50;
    std::shared_ptr<Services> services_;
    Actor actor_;
    MemberListQuery query_;
    long long total_ = 0;
    // Filled lazily from const record(): the cache is not part of what the rows are.
    mutable std::map<long, std::vector<MemberRecord>> pages_;
    mutable std::list<long> recent_;  // most recent first
};

}  // namespace md::views

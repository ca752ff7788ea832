#pragma once
// What the member list shows, apart from how it was fetched. Today the rows are the hits of
// one search; the paged list over every member (sorting, filters) is another MemberRows that
// fetches pages on demand, and the list control stays as it is.
#include "services/member_service.h"

#include <string>
#include <vector>

namespace md::views {

class MemberRows {
public:
    virtual ~MemberRows() = default;
    virtual long size() const = 0;
    // Masked or not exactly as the service returned it.
    virtual const MemberRecord& record(long row) const = 0;
    // How a row matched a search ("mobile_tail"...); empty where rows are not search hits.
    virtual std::string matched_by(long row) const = 0;
};

// The ranked hits of MemberService::find, in the service's order.
class SearchHits : public MemberRows {
public:
    explicit SearchHits(std::vector<MemberHit> hits) : hits_(std::move(hits)) {}
    long size() const override { return static_cast<long>(hits_.size()); }
    const MemberRecord& record(long row) const override { return hits_.at(static_cast<std::size_t>(row)).record; }
    std::string matched_by(long row) const override { return hits_.at(static_cast<std::size_t>(row)).matched_by; }

private:
    std::vector<MemberHit> hits_;
};

}  // namespace md::views

#pragma once
// A seat on the brand advisory committee (品牌顾问咨询委员会).
#include "models/timestamps.h"

#include <string>

namespace md {

enum class CommitteeRole { Chair, Member, BrandAmbassador, ProductLecturer, CustomerPanelRepresentative };
std::string committee_role_code(CommitteeRole r);  // "chair", "member", "brand_ambassador", ...
CommitteeRole parse_committee_role(const std::string& code, const std::string& field);

struct CommitteeSeat {
    std::string member_number;  // the linked member
    CommitteeRole role = CommitteeRole::Member;
    Date term_start;
    Date term_end;              // inclusive
    bool operator==(const CommitteeSeat&) const = default;
};

// Term ends on or after it starts; the member number is present. Whether the member
// exists and qualifies is checked by the service against the registry.
void validate(const CommitteeSeat& seat);

}  // namespace md

#include "models/committee_seat.h"

#include "models/errors.h"
#include "models/translate.h"

namespace md {
namespace {
const char* const kRoles[] = {"chair", "member", "brand_ambassador", "product_lecturer", "customer_panel_representative"};
}

std::string committee_role_code(CommitteeRole r) { return kRoles[static_cast<int>(r)]; }

CommitteeRole parse_committee_role(const std::string& code, const std::string& field) {
    std::string known;
    for (int i = 0; i < 5; ++i) {
        if (code == kRoles[i]) return CommitteeRole(i);
        known += (i ? ", " : "") + std::string(kRoles[i]);
    }
    throw ValidationError(field, code, subst(tr("{0}: \"{1}\" is not one of {2}"), {field, code, known}));
}

void validate(const CommitteeSeat& seat) {
    if (seat.member_number.empty())
        throw ValidationError("committee.member", "", tr("committee.member: a seat needs a member number"));
    const std::string at = "committee " + seat.member_number;
    if (seat.term_start.is_not_a_date() || seat.term_end.is_not_a_date())
        throw ValidationError(at + ".term", "", subst(tr("{0}: a seat needs a term start and end"), {at}));
    if (seat.term_end < seat.term_start)
        throw ValidationError(at + ".term_end", format_date(seat.term_end),
                              subst(tr("{0}.term_end: {1} is before the term starts ({2})"),
                                    {at, format_date(seat.term_end), format_date(seat.term_start)}));
}

}  // namespace md

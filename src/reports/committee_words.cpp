#include "reports/committee_words.h"

#include "models/translate.h"

namespace md::report {

const std::vector<std::pair<CommitteeRole, const char*>>& committee_role_msgids() {
    static const std::vector<std::pair<CommitteeRole, const char*>> t = {
        {CommitteeRole::Chair, tr_noop("Chair")},
        {CommitteeRole::Member, tr_noop("Committee member")},
        {CommitteeRole::BrandAmbassador, tr_noop("Brand ambassador")},
        {CommitteeRole::ProductLecturer, tr_noop("Product lecturer")},
        {CommitteeRole::CustomerPanelRepresentative, tr_noop("Customer panel representative")},
    };
    return t;
}

std::string committee_role_words(CommitteeRole role) {
    for (const auto& [r, msgid] : committee_role_msgids())
        if (r == role) return tr(msgid);
    return committee_role_code(role);
}

}  // namespace md::report

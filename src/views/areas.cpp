#include "views/areas.h"

#include "models/translate.h"

namespace md::views {

const std::vector<Area>& all_areas() {
    static const std::vector<Area> areas = {
        {AreaId::Members, tr_noop("Members"), nullptr},
        {AreaId::Program, tr_noop("Program"), nullptr},
        {AreaId::CardsAndStoredValue, tr_noop("Cards & Stored Value"), nullptr},
        {AreaId::Packages, tr_noop("Packages"), nullptr},
        {AreaId::Campaigns, tr_noop("Campaigns"), nullptr},
        {AreaId::Committee, tr_noop("Committee"), nullptr},
        {AreaId::Complaints, tr_noop("Complaints"), nullptr},
        {AreaId::Approvals, tr_noop("Approvals"), nullptr},
        {AreaId::Reports, tr_noop("Reports"), nullptr},
        {AreaId::Audit, tr_noop("Audit"), nullptr},
        {AreaId::Admin, tr_noop("Admin"), nullptr},
    };
    return areas;
}

}  // namespace md::views

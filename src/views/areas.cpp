#include "views/areas.h"

#include "models/translate.h"

namespace md::views {

const std::vector<Area>& all_areas() {
    static const std::vector<Area> areas = {
        {AreaId::Members, tr_noop("Members")},
        {AreaId::Program, tr_noop("Program")},
        {AreaId::CardsAndStoredValue, tr_noop("Cards & Stored Value")},
        {AreaId::Packages, tr_noop("Packages")},
        {AreaId::Campaigns, tr_noop("Campaigns")},
        {AreaId::Committee, tr_noop("Committee")},
        {AreaId::Complaints, tr_noop("Complaints")},
        {AreaId::Approvals, tr_noop("Approvals")},
        {AreaId::Reports, tr_noop("Reports")},
        {AreaId::Audit, tr_noop("Audit")},
        {AreaId::Admin, tr_noop("Admin")},
    };
    return areas;
}

}  // namespace md::views

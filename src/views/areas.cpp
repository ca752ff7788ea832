#include "views/areas.h"

#include "models/translate.h"

namespace md::views {

const std::vector<Area>& all_areas() {
    static const std::vector<Area> areas = {
        {AreaId::Members, tr_noop("Members"),
         tr_noop("Members: not built yet — this area arrives with the member registry.")},
        {AreaId::Program, tr_noop("Program"),
         tr_noop("Program: not built yet — this area arrives with tier ladders, points rules and "
                 "change requests.")},
        {AreaId::CardsAndStoredValue, tr_noop("Cards & Stored Value"),
         tr_noop("Cards & Stored Value: not built yet — this area arrives with membership cards and "
                 "the stored-value ledger.")},
        {AreaId::Packages, tr_noop("Packages"),
         tr_noop("Packages: not built yet — this area arrives with meal packages and their deliveries.")},
        {AreaId::Campaigns, tr_noop("Campaigns"),
         tr_noop("Campaigns: not built yet — this area arrives with campaigns and their schedules.")},
        {AreaId::Committee, tr_noop("Committee"),
         tr_noop("Committee: not built yet — this area arrives with committee seats and terms.")},
        {AreaId::Complaints, tr_noop("Complaints"),
         tr_noop("Complaints: not built yet — this area arrives with complaint handling.")},
        {AreaId::Approvals, tr_noop("Approvals"),
         tr_noop("Approvals: not built yet — this area arrives with change requests and their approval.")},
        {AreaId::Reports, tr_noop("Reports"),
         tr_noop("Reports: not built yet — this area arrives with the report builders (CSV, XLSX, PDF, HTML).")},
        {AreaId::Audit, tr_noop("Audit"), nullptr},
        {AreaId::Admin, tr_noop("Admin"), nullptr},
    };
    return areas;
}

}  // namespace md::views

#pragma once
// The console's areas, in navigation order. Names stay English here (tr_noop) and are
// translated when shown, so tests and logs can refer to them by their stable English name.
#include <vector>

namespace md::views {

enum class AreaId { Members, Program, CardsAndStoredValue, Packages, Campaigns, Committee,
                    Complaints, Approvals, Reports, Audit, Admin };

struct Area {
    AreaId id;
    const char* name;  // msgid
};

const std::vector<Area>& all_areas();

}  // namespace md::views

#pragma once
// The member export: one row per member, in number order, with the columns `member import`
// reads back (the header carries the stable keys, so a file exported in Chinese imports in
// English and back). Contact data is masked unless the user may and asks to see it.
#include "reports/table_writer.h"
#include "services/member_service.h"

namespace md::report {

const std::vector<Column>& member_columns();
std::vector<Cell> member_cells(const MemberRecord& record);

// Writes every member through `writer`; returns how many.
long long export_members(MemberService& members, const Actor& actor, bool unmask, TableWriter& writer);

}  // namespace md::report

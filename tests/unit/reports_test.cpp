#include "reports/audit_report.h"
#include "reports/csv_renderer.h"
#include "reports/text_renderer.h"

#include <gtest/gtest.h>
#include <sstream>

using namespace md;
using namespace md::report;

TEST(Csv, StartsWithBomQuotesAndNeutralisesFormulasInText) {
    Table t;
    t.columns = {{"a", "Name", ColumnType::Text}, {"b", "Amount", ColumnType::Money}};
    t.rows = {{std::string("=HYPERLINK(\"x\")"), Money::from_fen(-150)}, {std::string("张三, Jr."), Money::from_fen(0)}};
    std::ostringstream out;
    write_csv(t, out);
    EXPECT_EQ(out.str(), "\xEF\xBB\xBFName,Amount\r\n\"'=HYPERLINK(\"\"x\"\")\",-1.50\r\n\"张三, Jr.\",0.00\r\n");
}

TEST(Text, AlignsChineseAsDoubleWidth) {
    EXPECT_EQ(display_width("张三ab"), 6u);
    Table t;
    t.columns = {{"n", "Name", ColumnType::Text}, {"c", "Count", ColumnType::Count}};
    t.rows = {{std::string("张三"), std::int64_t(5)}, {std::string("Bob"), std::int64_t(12)}};
    std::ostringstream out;
    write_text(t, out);
    EXPECT_EQ(out.str(), "Name  Count\n张三      5\nBob      12\n");
}

TEST(AuditReport, OneRowPerRecordWithTheRecordKey) {
    AuditRecord r;
    r.at = parse_instant("2026-11-22 06:00:00");
    r.actor = "admin";
    r.action = "user.add";
    r.entity = "user";
    r.entity_id = "bob";
    const Table t = audit_table({r});
    ASSERT_EQ(t.rows.size(), 1u);
    EXPECT_EQ(cell_text(t.rows[0][0]), "2026-11-22 14:00");
    EXPECT_EQ(cell_text(t.rows[0][3]), "user:bob");
    EXPECT_EQ(cell_text(t.rows[0][4]), "ok");
}

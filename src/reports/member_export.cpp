#include "reports/member_export.h"

#include "models/translate.h"

namespace md::report {

const std::vector<Column>& member_columns() {
    static const std::vector<Column> columns = {
        {"number", tr("Member number"), ColumnType::Text},
        {"name", tr("Name"), ColumnType::Text},
        {"mobile", tr("Mobile"), ColumnType::Text},
        {"email", tr("E-mail"), ColumnType::Text},
        {"birthday", tr("Birthday"), ColumnType::Date},
        {"gender", tr("Gender"), ColumnType::Text},
        {"type", tr("Type"), ColumnType::Text},
        {"company", tr("Company"), ColumnType::Text},
        {"channel", tr("Channel"), ColumnType::Text},
        {"home_store", tr("Home store"), ColumnType::Text},
        {"referrer", tr("Referrer"), ColumnType::Text},
        {"tags", tr("Tags"), ColumnType::Text},
        {"consent_sms", tr("SMS consent"), ColumnType::Text},
        {"consent_email", tr("E-mail consent"), ColumnType::Text},
        {"notes", tr("Notes"), ColumnType::Text},
        {"state", tr("State"), ColumnType::Text},
        {"created_at", tr("Created"), ColumnType::Instant},
    };
    return columns;
}

std::vector<Cell> member_cells(const MemberRecord& r) {
    const Member& m = r.member;
    std::string tags;
    for (const std::string& t : m.tags) tags += (tags.empty() ? "" : ",") + t;
    auto text = [](const std::string& s) -> Cell { return s.empty() ? Cell{} : Cell{s}; };
    // Codes, not words: the file is data for another system or for re-import.
    return {m.number,
            m.name,
            // "138 0013 8000" or "138****8000": text to a spreadsheet, never a number in 1.38E+10
            // form, never a leading "+" taken for a formula; import reads it back as it is.
            text(r.masked ? m.mobile : display_mobile(m.mobile)),
            text(m.email),
            m.birthday ? Cell{*m.birthday} : Cell{},
            gender_code(m.gender),
            member_type_code(m.type),
            text(m.company),
            channel_code(m.channel),
            text(m.home_store),
            text(m.referrer_number),
            text(tags),
            std::string(m.consent_sms ? "yes" : "no"),
            std::string(m.consent_email ? "yes" : "no"),
            text(m.notes),
            lifecycle_code(m.state),
            m.created_at};
}

long long export_members(MemberService& members, const Actor& actor, bool unmask, TableWriter& writer) {
    writer.begin(member_columns());
    const long long count = members.export_members(actor, unmask, [&](const MemberRecord& r) { writer.row(member_cells(r)); });
    writer.finish();
    return count;
}

}  // namespace md::report

#include "reports/committee_roster_report.h"

#include "db/member_repository.h"
#include "models/date_text.h"
#include "models/translate.h"
#include "reports/committee_words.h"
#include "reports/report_header.h"
#include "services/services.h"

#include <algorithm>
#include <tuple>

namespace md::report {

Document committee_roster_report(Services& services, const Actor& actor, const Date& as_of) {
    Document d = begin_report(services, actor, Action::ViewMembers, "committee", tr("Advisory committee roster"),
                              {{tr("As of the end of"), display_date(as_of)}});
    const Date today = services.program.today();
    std::vector<CommitteeSeat> seats = services.program.program_as_of(actor, as_of).committee;
    const std::map<std::string, std::string> warnings = services.program.committee_warnings(actor);
    // The roster reads by role (chair first), then by the end of the term.
    std::sort(seats.begin(), seats.end(), [](const CommitteeSeat& a, const CommitteeSeat& b) {
        return std::tie(a.role, a.term_end, a.member_number) < std::tie(b.role, b.term_end, b.member_number);
    });

    Section s;
    s.heading = subst(tr("Seats in force on {0}"), {display_date(as_of)});
    s.notes.push_back(tr("Days left count from the report's day to the end of the term, both included. A seat needs the "
                         "tier set for the committee (the premium club's Lifetime Honorary unless changed) or a higher one."));
    if (as_of != today)
        s.notes.push_back(subst(tr("Eligibility is judged on the tiers members hold today ({0}), not on {1}."),
                                {display_date(today), display_date(as_of)}));
    ReportTable t;
    t.table.columns = {{"member", tr("Member number"), ColumnType::Text}, {"name", tr("Name"), ColumnType::Text},
                       {"role", tr("Committee role"), ColumnType::Text},   {"term_start", tr("Term start"), ColumnType::Date},
                       {"term_end", tr("Term end"), ColumnType::Date},     {"days_left", tr("Days left"), ColumnType::Count},
                       {"eligibility", tr("Eligibility"), ColumnType::Text}};
    MemberRepository members(services.database());
    std::int64_t seated = 0;
    for (const CommitteeSeat& seat : seats) {
        if (seat.term_start > as_of || seat.term_end < as_of) continue;
        const auto member = members.by_number(seat.member_number);
        const auto warning = warnings.find(seat.member_number);
        t.table.rows.push_back({seat.member_number, member ? member->name : std::string(), committee_role_words(seat.role),
                                seat.term_start, seat.term_end, static_cast<std::int64_t>((seat.term_end - as_of).days() + 1),
                                warning == warnings.end() ? tr("Eligible") : warning->second});
        ++seated;
    }
    if (seated == 0) s.notes.push_back(subst(tr("No seat was in force on {0}."), {display_date(as_of)}));
    t.totals = std::vector<Cell>{tr("Total"), subst(tr("{0} seats"), {std::to_string(seated)}), Cell{}, Cell{}, Cell{}, Cell{}, Cell{}};
    s.tables.push_back(std::move(t));
    d.sections.push_back(std::move(s));
    return d;
}

}  // namespace md::report

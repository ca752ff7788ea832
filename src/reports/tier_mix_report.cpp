#include "reports/tier_mix_report.h"

#include "db/tier_mix_repository.h"
#include "models/date_text.h"
#include "models/translate.h"
#include "reports/report_figures.h"
#include "reports/report_header.h"
#include "services/services.h"

namespace md::report {
namespace {

// The programme's desired mix of a three-tier ladder, lowest tier first (domain.md §3).
constexpr std::int64_t kTargetBp[] = {3000, 5000, 2000};

std::int64_t share_bp(std::int64_t part, std::int64_t whole) { return whole == 0 ? 0 : (part * 20000 + whole) / (2 * whole); }

}  // namespace

Document tier_mix_report(Services& services, const Actor& actor, const Date& as_of, const Date& from) {
    Document d = begin_report(services, actor, Action::ViewMembers, "tier_mix", tr("Tier mix"),
                              {{tr("As of the end of"), display_date(as_of)}, {tr("Movements from"), display_date(from)}});
    TierMixRepository repo(services.database());
    Transaction tx(services.database(), TransactionKind::ReadSnapshot);
    const auto held = repo.held_at(as_of);
    const auto moves = repo.moves(from, as_of);
    const std::vector<TierLadder> ladders = services.program.rules_in_force(as_of).ladders;

    if (ladders.empty()) {
        Section none;
        none.heading = tr("No tier ladder was in force");
        none.notes.push_back(subst(tr("No tier ladder was in force on {0}."), {display_date(as_of)}));
        d.sections.push_back(std::move(none));
    }
    for (const TierLadder& ladder : ladders) {
        Section s;
        s.heading = both_names(ladder.name_zh, ladder.name_en) + " (" + ladder.code + ")";
        const bool has_target = ladder.tiers.size() == 3;
        std::int64_t tiered = 0;
        for (const Tier& t : ladder.tiers) {
            const auto it = held.find({ladder.code, t.code});
            tiered += it == held.end() ? 0 : it->second;
        }
        s.notes.push_back(has_target ? tr("Share: the tier's members among the ladder's members who hold a tier, against "
                                          "the programme's 3 : 5 : 2 target from the lowest tier up; in basis points "
                                          "rounded half up, shown as percentages.")
                                     : tr("The 3 : 5 : 2 target applies to ladders of three tiers; this ladder's shares "
                                          "are shown without one."));
        if (tiered == 0) s.notes.push_back(subst(tr("No member held a tier of this ladder at the end of {0}."), {display_date(as_of)}));
        ReportTable table;
        table.table.columns = {{"tier", tr("Tier"), ColumnType::Text},         {"members", tr("Members"), ColumnType::Count},
                               {"share", tr("Share"), ColumnType::Percent},    {"target", tr("Target"), ColumnType::Percent},
                               {"difference", tr("Difference"), ColumnType::Percent},
                               {"moved_in", tr("Moved in"), ColumnType::Count}, {"moved_out", tr("Moved out"), ColumnType::Count}};
        Chart chart;
        chart.title = subst(tr("{0}: share against target"), {both_names(ladder.name_zh, ladder.name_en)});
        chart.value_type = ColumnType::Percent;
        chart.series = {{tr("Share"), {}}, {tr("Target"), {}}};
        std::int64_t moved_in = 0, moved_out = 0;
        for (std::size_t i = 0; i < ladder.tiers.size(); ++i) {
            const Tier& t = ladder.tiers[i];
            const auto h = held.find({ladder.code, t.code});
            const std::int64_t members = h == held.end() ? 0 : h->second;
            const auto m = moves.find({ladder.code, t.code});
            const TierMixRepository::Moves mv = m == moves.end() ? TierMixRepository::Moves{} : m->second;
            const std::int64_t share = share_bp(members, tiered);
            std::vector<Cell> row = {both_names(t.name_zh, t.name_en), members, share};
            if (has_target) {
                row.push_back(kTargetBp[i]);
                row.push_back(share - kTargetBp[i]);
            } else {
                row.push_back(Cell{});
                row.push_back(Cell{});
            }
            row.push_back(mv.in);
            row.push_back(mv.out);
            table.table.rows.push_back(std::move(row));
            chart.labels.push_back(both_names(t.name_zh, t.name_en));
            chart.series[0].values.push_back(share);
            chart.series[1].values.push_back(has_target ? kTargetBp[i] : 0);
            moved_in += mv.in;
            moved_out += mv.out;
        }
        table.totals = std::vector<Cell>{tr("Total"), tiered, Cell{}, Cell{}, Cell{}, moved_in, moved_out};
        s.tables.push_back(std::move(table));
        if (!has_target) chart.series.pop_back();
        s.charts.push_back(std::move(chart));
        d.sections.push_back(std::move(s));
    }
    tx.commit();
    return d;
}

}  // namespace md::report

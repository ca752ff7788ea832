#pragma once
// Display names for the programme's stable codes (measures, windows, package groups...).
// The models keep codes only; the words people read live here, translated when shown.
#include "models/change_request.h"
#include "models/committee_seat.h"
#include "models/meal_package.h"
#include "models/money.h"
#include "models/points_rule.h"
#include "models/program.h"
#include "models/tier_ladder.h"

#include <string>
#include <vector>
#include <wx/choice.h>
#include <wx/string.h>

namespace md::views {

template <class E>
struct Labelled {
    E value;
    const char* msgid;  // tr_noop: translated when shown
};

const std::vector<Labelled<LadderMeasure>>& measure_labels();
const std::vector<Labelled<LadderWindow>>& window_labels();
const std::vector<Labelled<DowngradePolicy>>& downgrade_labels();
const std::vector<Labelled<CoinExpiry>>& expiry_labels();
const std::vector<Labelled<PackageKind>>& package_kind_labels();
const std::vector<Labelled<DeliveryCadence>>& cadence_labels();
const std::vector<Labelled<PackageTerm>>& term_labels();
const std::vector<Labelled<ChangeKind>>& change_kind_labels();
const std::vector<Labelled<ChangeStatus>>& change_status_labels();
const std::vector<Labelled<CommitteeRole>>& committee_role_labels();

// Package groups and sub-groups of domain.md §6, and purchase kinds, by code. Unknown
// codes come back as themselves: a new group added by import still shows.
struct CodeLabel {
    const char* code;
    const char* msgid;
};
const std::vector<CodeLabel>& package_group_labels();
const std::vector<CodeLabel>& package_subgroup_labels();
const std::vector<CodeLabel>& purchase_kind_labels();
wxString code_label(const std::vector<CodeLabel>& table, const std::string& code);

template <class E>
wxString label_of(const std::vector<Labelled<E>>& table, E value) {
    for (const auto& l : table)
        if (l.value == value) return wxGetTranslation(wxString::FromUTF8(l.msgid));
    return "?";
}

template <class E>
void fill_choice(wxChoice* choice, const std::vector<Labelled<E>>& table, E selected) {
    choice->Clear();
    for (const auto& l : table) {
        const int at = choice->Append(wxGetTranslation(wxString::FromUTF8(l.msgid)));
        if (l.value == selected) choice->SetSelection(at);
    }
}

template <class E>
E chosen(const wxChoice* choice, const std::vector<Labelled<E>>& table) {
    const int at = choice->GetSelection();
    return at == wxNOT_FOUND ? table.front().value : table.at(static_cast<std::size_t>(at)).value;
}

// True when the interface shows Chinese: names with a Chinese and an English form pick one.
bool chinese_ui();
wxString local_name(const std::string& name_zh, const std::string& name_en);
// A tier of `ladder` by name; the code when the ladder no longer has it. An empty code reads `no_tier`.
wxString tier_name(const TierLadder& ladder, const std::string& tier, const wxString& no_tier);
// A ladder, and one of its tiers, by name as `program` has them; the code when the programme
// does not name it (retired since).
wxString ladder_name(const Program& program, const std::string& ladder);
wxString tier_name(const Program& program, const std::string& ladder, const std::string& tier, const wxString& no_tier);

// "¥32,000" for whole yuan, "¥32,000.50" otherwise: amounts in sentences.
wxString short_yuan(Money amount);
// "98折 (2% off)"; full price reads "100% (no discount)".
wxString discount_text(const Discount& discount);
// "single recharge ≥ ¥32,000 and recharge ≥ ¥60,000 within 12 months"
wxString describe(const AlternativeQualification& alternative);

// Weekday headings, Monday first as Chinese calendars print: 0 = Mon … 6 = Sun.
wxString weekday_heading(int column);

}  // namespace md::views

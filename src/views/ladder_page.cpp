#include "views/ladder_page.h"

#include "models/errors.h"
#include "views/alternatives_dialog.h"
#include "views/error_dialog.h"
#include "views/program_labels.h"
#include "views/wx_text.h"

#include <algorithm>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/grid.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/settings.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/tokenzr.h>

namespace md::views {
namespace {

enum Column { ColCode, ColNameZh, ColNameEn, ColThreshold, ColDiscount, ColOff, ColBenefits, ColCount };

wxSpinCtrl* small_spin(wxWindow* parent, int max) {
    return new wxSpinCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                          wxSP_ARROW_KEYS, 0, max, 0);
}

wxString joined_benefits(const std::vector<std::string>& benefits) {
    wxString text;
    for (const std::string& b : benefits) text += (text.empty() ? "" : "\n") + to_wx(b);
    return text;
}

std::vector<std::string> split_lines(const wxString& text) {
    std::vector<std::string> lines;
    for (const wxString& line : wxStringTokenize(text, "\n", wxTOKEN_STRTOK)) {
        const wxString trimmed = wxString(line).Strip(wxString::both);
        if (!trimmed.empty()) lines.push_back(to_utf8(trimmed));
    }
    return lines;
}

std::string cell(const wxGrid* grid, int row, int col) {
    return to_utf8(grid->GetCellValue(row, col).Strip(wxString::both));
}

}  // namespace

LadderPage::LadderPage(wxWindow* parent, Proposer& proposer) : ProgramPage(parent, proposer) {
    const int gap = FromDIP(6);
    auto* sizer = new wxBoxSizer(wxVERTICAL);

    auto* choose_row = new wxBoxSizer(wxHORIZONTAL);
    choose_row->Add(new wxStaticText(this, wxID_ANY, _("Ladder:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    chooser_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(330, -1)));
    choose_row->Add(chooser_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    auto* new_ladder = new wxButton(this, wxID_ANY, _("New ladder"));
    choose_row->Add(new_ladder, 0, wxALIGN_CENTER_VERTICAL);
    sizer->Add(choose_row, 0, wxALL, gap);

    auto* box = new wxStaticBoxSizer(wxVERTICAL, this, _("Ladder settings"));
    wxWindow* b = box->GetStaticBox();
    auto* settings = new wxFlexGridSizer(6, FromDIP(4), FromDIP(8));
    settings->AddGrowableCol(1);
    settings->AddGrowableCol(3);
    settings->AddGrowableCol(5);
    auto label = [&](const wxString& text) {
        settings->Add(new wxStaticText(b, wxID_ANY, text), 0, wxALIGN_CENTER_VERTICAL);
    };
    label(_("Code:"));
    code_ = new wxTextCtrl(b, wxID_ANY);
    settings->Add(code_, 1, wxEXPAND);
    label(_("Chinese name:"));
    name_zh_ = new wxTextCtrl(b, wxID_ANY);
    settings->Add(name_zh_, 1, wxEXPAND);
    label(_("English name:"));
    name_en_ = new wxTextCtrl(b, wxID_ANY);
    settings->Add(name_en_, 1, wxEXPAND);

    label(_("Ranked by:"));
    measure_ = new wxChoice(b, wxID_ANY);
    settings->Add(measure_, 1, wxEXPAND);
    label(_("Months measured:"));
    measure_months_ = small_spin(b, 120);
    settings->Add(measure_months_, 0);
    label(_("Ranks:"));
    member_types_ = new wxChoice(b, wxID_ANY);
    member_types_->Append(_("every member"));
    member_types_->Append(_("individual members"));
    member_types_->Append(_("group members"));
    member_types_->SetToolTip(_("Which members this ladder ranks: the individual ladder ranks individual members, "
                                "the group ladder corporate ones."));
    settings->Add(member_types_, 0, wxEXPAND);

    label(_("Window:"));
    window_ = new wxChoice(b, wxID_ANY);
    settings->Add(window_, 1, wxEXPAND);
    label(_("Window months:"));
    window_months_ = small_spin(b, 120);
    settings->Add(window_months_, 0);
    settings->AddSpacer(0);
    settings->AddSpacer(0);

    label(_("Downgrade:"));
    downgrade_ = new wxChoice(b, wxID_ANY);
    settings->Add(downgrade_, 1, wxEXPAND);
    label(_("Grace days:"));
    grace_days_ = small_spin(b, 3650);
    settings->Add(grace_days_, 0);
    settings->AddSpacer(0);
    packages_count_ = new wxCheckBox(b, wxID_ANY, _("Meal-package purchases count"));
    settings->Add(packages_count_, 0, wxALIGN_CENTER_VERTICAL);
    box->Add(settings, 0, wxEXPAND | wxALL, gap);
    sizer->Add(box, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);

    tiers_ = new wxGrid(this, wxID_ANY);
    tiers_->CreateGrid(0, ColCount);
    tiers_->SetColLabelValue(ColCode, _("Code"));
    tiers_->SetColLabelValue(ColNameZh, _("Chinese name"));
    tiers_->SetColLabelValue(ColNameEn, _("English name"));
    tiers_->SetColLabelValue(ColThreshold, _("Threshold (yuan)"));
    tiers_->SetColLabelValue(ColDiscount, _("Discount"));
    tiers_->SetColLabelValue(ColOff, _("Means"));
    tiers_->SetColLabelValue(ColBenefits, _("Benefits"));
    const int widths[] = {120, 80, 120, 110, 70, 80, 240};
    for (int c = 0; c < ColCount; ++c) {
        tiers_->AutoSizeColLabelSize(c);  // never narrower than its heading
        tiers_->SetColSize(c, std::max(tiers_->GetColSize(c), FromDIP(widths[c])));
    }
    // Benefits take whatever width is left, so long lines wrap instead of hiding.
    tiers_->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        int used = tiers_->GetRowLabelSize();
        for (int c = 0; c < ColBenefits; ++c) used += tiers_->GetColSize(c);
        const int rest = tiers_->GetClientSize().x - used - FromDIP(4);
        if (rest > FromDIP(160)) {
            tiers_->SetColSize(ColBenefits, rest);
            tiers_->AutoSizeRows(false);
        }
        e.Skip();
    });
    tiers_->SetRowLabelSize(FromDIP(30));
    tiers_->SetColLabelSize(FromDIP(26));
    tiers_->SetSelectionMode(wxGrid::wxGridSelectRows);
    tiers_->GetGridWindow()->SetToolTip(
        _("A member reaches a tier when the ladder's measure (cumulative spend or recharge) is at least its "
          "threshold; exactly the threshold is enough. A discount of 95折 means the member pays 95%: 5% off."));
    tiers_->SetDefaultCellOverflow(false);
    sizer->Add(tiers_, 1, wxEXPAND | wxLEFT | wxRIGHT, gap);

    auto* details = new wxBoxSizer(wxHORIZONTAL);
    auto* benefits_column = new wxBoxSizer(wxVERTICAL);
    benefits_label_ = new wxStaticText(this, wxID_ANY, _("Benefits of the selected tier, one per line:"));
    benefits_column->Add(benefits_label_, 0, wxBOTTOM, FromDIP(2));
    benefits_text_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(-1, 72)), wxTE_MULTILINE);
    benefits_column->Add(benefits_text_, 1, wxEXPAND);
    details->Add(benefits_column, 3, wxEXPAND | wxRIGHT, FromDIP(12));
    auto* alt_column = new wxBoxSizer(wxVERTICAL);
    auto* alt_title = new wxBoxSizer(wxHORIZONTAL);
    alt_title->Add(new wxStaticText(this, wxID_ANY, _("Other ways to qualify:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(8));
    auto* edit_alternatives = new wxButton(this, wxID_ANY, _("Edit for the selected tier…"));
    alt_title->Add(edit_alternatives, 0);
    alt_column->Add(alt_title, 0, wxBOTTOM, FromDIP(4));
    alternatives_text_ = new wxStaticText(this, wxID_ANY, wxString());
    alt_column->Add(alternatives_text_, 1, wxEXPAND);
    edit_alternatives->Bind(wxEVT_BUTTON, &LadderPage::on_edit_alternatives, this);
    details->Add(alt_column, 2, wxEXPAND);
    sizer->Add(details, 0, wxEXPAND | wxALL, gap);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* add_tier = new wxButton(this, wxID_ANY, _("Add tier"));
    auto* remove_tier = new wxButton(this, wxID_ANY, _("Remove tier"));
    auto* discard = new wxButton(this, wxID_ANY, _("Discard edits"));
    auto* propose = new wxButton(this, wxID_ANY, _("Propose change…"));
    auto* what_if = new wxButton(this, wxID_ANY, _("&What-if…"));
    what_if->SetToolTip(_("Replay the last months of real transactions under the edited ladder, before proposing it."));
    buttons->Add(add_tier, 0, wxRIGHT, gap);
    buttons->Add(remove_tier, 0, wxRIGHT, gap);
    buttons->AddStretchSpacer();
    buttons->Add(discard, 0, wxRIGHT, gap);
    buttons->Add(what_if, 0, wxRIGHT, gap);
    buttons->Add(propose, 0);
    sizer->Add(buttons, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    SetSizer(sizer);
    proposer_.guard(propose);
    proposer_.guard(new_ladder);
    proposer_.guard_what_if(what_if);

    fill_choice(measure_, measure_labels(), LadderMeasure::CumulativeSpend);
    fill_choice(window_, window_labels(), LadderWindow::Lifetime);
    fill_choice(downgrade_, downgrade_labels(), DowngradePolicy::Never);

    chooser_->Bind(wxEVT_CHOICE, &LadderPage::on_choose, this);
    new_ladder->Bind(wxEVT_BUTTON, &LadderPage::on_new_ladder, this);
    add_tier->Bind(wxEVT_BUTTON, &LadderPage::on_add_tier, this);
    remove_tier->Bind(wxEVT_BUTTON, &LadderPage::on_remove_tier, this);
    discard->Bind(wxEVT_BUTTON, [this](wxCommandEvent& e) { on_choose(e); });
    propose->Bind(wxEVT_BUTTON, &LadderPage::on_propose, this);
    what_if->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_what_if(); });
    tiers_->Bind(wxEVT_GRID_CELL_CHANGED, &LadderPage::on_cell_changed, this);
    tiers_->Bind(wxEVT_GRID_SELECT_CELL, [this](wxGridEvent& e) {
        show_tier_details(e.GetRow());
        e.Skip();
    });
    benefits_text_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
        if (benefits_row_ < 0 || benefits_row_ >= static_cast<int>(benefits_.size())) return;
        benefits_[static_cast<std::size_t>(benefits_row_)] = split_lines(benefits_text_->GetValue());
        tiers_->SetCellValue(benefits_row_, ColBenefits, joined_benefits(benefits_[static_cast<std::size_t>(benefits_row_)]));
    });
    for (wxChoice* c : {measure_, window_, downgrade_}) c->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { update_enabled(); });
}

void LadderPage::show(const Program& program) {
    const wxString keep = current_ >= 0 && current_ < static_cast<int>(ladders_.size())
                              ? to_wx(ladders_[static_cast<std::size_t>(current_)].code) : wxString();
    ladders_ = program.ladders;
    // The programme's own ladders first, in the order people talk about them; any new one after.
    const auto rank = [](const TierLadder& l) {
        const char* known[] = {"individual", "group", "premium"};
        for (int i = 0; i < 3; ++i)
            if (l.code == known[i]) return i;
        return 3;
    };
    std::stable_sort(ladders_.begin(), ladders_.end(), [&](const TierLadder& a, const TierLadder& b) { return rank(a) < rank(b); });
    chooser_->Clear();
    int select = 0;
    for (std::size_t i = 0; i < ladders_.size(); ++i) {
        chooser_->Append(wxString::Format("%s (%s)", local_name(ladders_[i].name_zh, ladders_[i].name_en),
                                          to_wx(ladders_[i].code)));
        if (to_wx(ladders_[i].code) == keep) select = static_cast<int>(i);
    }
    if (ladders_.empty()) {
        current_ = -1;
        show_ladder(TierLadder{}, true);
        return;
    }
    chooser_->SetSelection(select);
    current_ = select;
    show_ladder(ladders_[static_cast<std::size_t>(select)], false);
}

void LadderPage::show_ladder(const TierLadder& ladder, bool is_new) {
    code_->ChangeValue(to_wx(ladder.code));
    code_->SetEditable(is_new);  // the code is the item's key: a new code is a new ladder
    name_zh_->ChangeValue(to_wx(ladder.name_zh));
    name_en_->ChangeValue(to_wx(ladder.name_en));
    fill_choice(measure_, measure_labels(), ladder.measure);
    measure_months_->SetValue(ladder.measure_months);
    fill_choice(window_, window_labels(), ladder.window);
    window_months_->SetValue(ladder.window_months);
    fill_choice(downgrade_, downgrade_labels(), ladder.downgrade);
    grace_days_->SetValue(ladder.grace_days);
    packages_count_->SetValue(ladder.packages_count);
    // One type ranked, or every member (none named, or both).
    const bool individual = ladder.applies_to("individual"), group = ladder.applies_to("group");
    member_types_->SetSelection(individual && group ? 0 : individual ? 1 : 2);

    tiers_->Freeze();
    if (tiers_->GetNumberRows() > 0) tiers_->DeleteRows(0, tiers_->GetNumberRows());
    benefits_.clear();
    alternatives_.clear();
    tiers_->AppendRows(static_cast<int>(ladder.tiers.size()));
    for (std::size_t i = 0; i < ladder.tiers.size(); ++i) {
        const Tier& t = ladder.tiers[i];
        const int row = static_cast<int>(i);
        tiers_->SetCellValue(row, ColCode, to_wx(t.code));
        tiers_->SetCellValue(row, ColNameZh, to_wx(t.name_zh));
        tiers_->SetCellValue(row, ColNameEn, to_wx(t.name_en));
        tiers_->SetCellValue(row, ColThreshold, to_wx(t.threshold.to_string()));
        tiers_->SetCellValue(row, ColDiscount, to_wx(t.discount.to_zhe()));
        tiers_->SetCellValue(row, ColOff, to_wx(t.discount.to_off()));
        benefits_.push_back(t.benefits);
        alternatives_.push_back(t.alternatives);
    }
    for (int row = 0; row < tiers_->GetNumberRows(); ++row) {
        tiers_->SetCellAlignment(row, ColThreshold, wxALIGN_RIGHT, wxALIGN_TOP);
        tiers_->SetReadOnly(row, ColOff);
        tiers_->SetReadOnly(row, ColBenefits);
        tiers_->SetCellRenderer(row, ColBenefits, new wxGridCellAutoWrapStringRenderer);
        tiers_->SetCellTextColour(row, ColOff, wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
        tiers_->SetCellValue(row, ColBenefits, joined_benefits(benefits_[static_cast<std::size_t>(row)]));
    }
    // Codes and names as wide as they are (within reason); benefits wrap in what is left.
    for (int c : {ColCode, ColNameZh, ColNameEn}) {
        const int before = tiers_->GetColSize(c);
        tiers_->AutoSizeColumn(c, false);
        tiers_->SetColSize(c, std::min(std::max(before, tiers_->GetColSize(c)), FromDIP(180)));
    }
    wxSizeEvent resize(tiers_->GetSize());
    tiers_->GetEventHandler()->ProcessEvent(resize);
    tiers_->AutoSizeRows(false);
    tiers_->Thaw();
    show_tier_details(tiers_->GetNumberRows() > 0 ? 0 : -1);
    if (tiers_->GetNumberRows() > 0) tiers_->SelectRow(0);
    show_alternatives();
    update_enabled();
}

void LadderPage::show_tier_details(int row) {
    benefits_row_ = -1;  // so ChangeValue below does not write back into another row
    if (row < 0 || row >= static_cast<int>(benefits_.size())) {
        benefits_text_->ChangeValue(wxString());
        benefits_text_->Disable();
        return;
    }
    const auto r = static_cast<std::size_t>(row);
    benefits_text_->Enable();
    benefits_text_->ChangeValue(joined_benefits(benefits_[r]));
    benefits_label_->SetLabel(wxString::Format(_("Benefits of %s, one per line:"), tiers_->GetCellValue(row, chinese_ui() ? ColNameZh : ColNameEn)));
    benefits_row_ = row;
    show_alternatives();
}

void LadderPage::show_alternatives() {
    // Every tier's alternatives at once, so none hides behind the selection.
    wxString text;
    for (std::size_t r = 0; r < alternatives_.size(); ++r)
        for (const AlternativeQualification& a : alternatives_[r])
            text += (text.empty() ? "" : "\n") +
                    wxString::Format(_("%s — or: %s"), tiers_->GetCellValue(static_cast<int>(r), chinese_ui() ? ColNameZh : ColNameEn),
                                     describe(a));
    alternatives_text_->SetLabel(text.empty() ? _("None: every tier is reached by its threshold.") : text);
    alternatives_text_->Wrap(FromDIP(340));
    Layout();
}

void LadderPage::update_enabled() {
    // Months and days matter only for the choices that use them.
    measure_months_->Enable(chosen(measure_, measure_labels()) == LadderMeasure::SpendWithinMonths);
    window_months_->Enable(chosen(window_, window_labels()) == LadderWindow::RollingMonths);
    grace_days_->Enable(chosen(downgrade_, downgrade_labels()) == DowngradePolicy::AfterGraceDays);
}

std::optional<ItemRef> LadderPage::selected_item() const {
    if (current_ < 0 || current_ >= static_cast<int>(ladders_.size())) return std::nullopt;
    const TierLadder& l = ladders_[static_cast<std::size_t>(current_)];
    return ItemRef{ChangeKind::Ladder, l.code, wxString::Format(_("Tier ladder: %s"), local_name(l.name_zh, l.name_en))};
}

int LadderPage::selected_row() const {
    const wxArrayInt rows = tiers_->GetSelectedRows();
    if (!rows.empty()) return rows[0];
    return tiers_->GetGridCursorRow();
}

TierLadder LadderPage::read_ladder() const {
    TierLadder ladder;
    ladder.code = to_utf8(code_->GetValue().Strip(wxString::both));
    ladder.name_zh = to_utf8(name_zh_->GetValue().Strip(wxString::both));
    ladder.name_en = to_utf8(name_en_->GetValue().Strip(wxString::both));
    ladder.measure = chosen(measure_, measure_labels());
    ladder.measure_months = measure_months_->IsEnabled() ? measure_months_->GetValue() : 0;
    ladder.window = chosen(window_, window_labels());
    ladder.window_months = window_months_->IsEnabled() ? window_months_->GetValue() : 0;
    ladder.downgrade = chosen(downgrade_, downgrade_labels());
    ladder.grace_days = grace_days_->IsEnabled() ? grace_days_->GetValue() : 0;
    ladder.packages_count = packages_count_->GetValue();
    if (member_types_->GetSelection() == 1) ladder.member_types = {"individual"};
    if (member_types_->GetSelection() == 2) ladder.member_types = {"group"};
    for (int row = 0; row < tiers_->GetNumberRows(); ++row) {
        const std::string at = "tiers[" + std::to_string(row) + "]";
        Tier t;
        t.code = cell(tiers_, row, ColCode);
        t.name_zh = cell(tiers_, row, ColNameZh);
        t.name_en = cell(tiers_, row, ColNameEn);
        t.threshold = Money::parse(cell(tiers_, row, ColThreshold), at + ".threshold");
        t.discount = Discount::parse(cell(tiers_, row, ColDiscount), at + ".discount");
        t.benefits = benefits_[static_cast<std::size_t>(row)];
        t.alternatives = alternatives_[static_cast<std::size_t>(row)];
        ladder.tiers.push_back(std::move(t));
    }
    return ladder;
}

void LadderPage::on_choose(wxCommandEvent&) {
    const int at = chooser_->GetSelection();
    if (at == wxNOT_FOUND || at >= static_cast<int>(ladders_.size())) return;
    current_ = at;
    show_ladder(ladders_[static_cast<std::size_t>(at)], false);
}

void LadderPage::on_new_ladder(wxCommandEvent&) {
    TierLadder blank;
    blank.tiers.push_back(Tier{});
    current_ = -1;
    chooser_->SetSelection(wxNOT_FOUND);
    show_ladder(blank, true);
    code_->SetFocus();
}

void LadderPage::on_edit_alternatives(wxCommandEvent&) {
    const int row = selected_row();
    if (row < 0 || row >= static_cast<int>(alternatives_.size())) {
        wxMessageBox(_("Select a tier in the table first."), _("Other ways to qualify"), wxOK | wxICON_INFORMATION, this);
        return;
    }
    const auto r = static_cast<std::size_t>(row);
    AlternativesDialog dialog(this, tiers_->GetCellValue(row, chinese_ui() ? ColNameZh : ColNameEn), alternatives_[r]);
    if (dialog.ShowModal() != wxID_OK) return;
    // Kept with the other edits of the ladder until it is proposed or the edits are discarded.
    alternatives_[r] = dialog.result();
    show_alternatives();
}

void LadderPage::on_add_tier(wxCommandEvent&) {
    tiers_->AppendRows(1);
    const int row = tiers_->GetNumberRows() - 1;
    benefits_.emplace_back();
    alternatives_.emplace_back();
    tiers_->SetCellValue(row, ColDiscount, "100%");
    tiers_->SetCellValue(row, ColOff, to_wx(Discount().to_off()));
    tiers_->SetReadOnly(row, ColOff);
    tiers_->SetReadOnly(row, ColBenefits);
    tiers_->SetCellRenderer(row, ColBenefits, new wxGridCellAutoWrapStringRenderer);
    tiers_->SetCellAlignment(row, ColThreshold, wxALIGN_RIGHT, wxALIGN_TOP);
    tiers_->SetGridCursor(row, ColCode);
    tiers_->SelectRow(row);
    show_tier_details(row);
}

void LadderPage::on_remove_tier(wxCommandEvent&) {
    const int row = selected_row();
    if (row < 0 || row >= tiers_->GetNumberRows()) return;
    tiers_->DeleteRows(row);
    benefits_.erase(benefits_.begin() + row);
    alternatives_.erase(alternatives_.begin() + row);
    show_tier_details(std::min(row, tiers_->GetNumberRows() - 1));
}

void LadderPage::on_cell_changed(wxGridEvent& event) {
    // Show what a typed discount means right away ("95折" → "5% off"); a typo shows "?"
    // here and is named properly when the change is proposed.
    if (event.GetCol() == ColDiscount) {
        wxString means = "?";
        try {
            means = to_wx(Discount::parse(cell(tiers_, event.GetRow(), ColDiscount), "discount").to_off());
        } catch (const Error&) {
        }
        tiers_->SetCellValue(event.GetRow(), ColOff, means);
    }
    event.Skip();
}

void LadderPage::on_what_if() {
    if (tiers_->IsCellEditControlEnabled()) tiers_->SaveEditControlValue();
    TierLadder ladder;
    if (!run_or_show_error(this, [&] {
            ladder = read_ladder();
            validate(ladder);
        }))
        return;
    proposer_.what_if(ChangeKind::Ladder, item_json(ladder),
                      wxString::Format(_("Tier ladder: %s"), local_name(ladder.name_zh, ladder.name_en)));
}

void LadderPage::on_propose(wxCommandEvent&) {
    if (tiers_->IsCellEditControlEnabled()) tiers_->SaveEditControlValue();  // a cell still being typed in counts
    TierLadder ladder;
    // Errors in what was typed show before the reason is asked for; the edits stay.
    if (!run_or_show_error(this, [&] {
            ladder = read_ladder();
            validate(ladder);
        }))
        return;
    proposer_.propose(ChangeKind::Ladder, item_json(ladder),
                      wxString::Format(_("Tier ladder: %s"), local_name(ladder.name_zh, ladder.name_en)));
}

}  // namespace md::views

#include "views/alternatives_dialog.h"

#include "models/errors.h"
#include "models/translate.h"
#include "views/dialog_buttons.h"
#include "views/error_dialog.h"
#include "views/program_labels.h"
#include "views/wx_text.h"

#include <map>
#include <wx/button.h>
#include <wx/grid.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace md::views {
namespace {

enum Column { ColAlternative, ColMeasure, ColThreshold, ColMonths, ColumnCount };

wxArrayString measure_names() {
    wxArrayString names;
    for (const auto& l : measure_labels()) names.Add(wxGetTranslation(wxString::FromUTF8(l.msgid)));
    return names;
}

}  // namespace

AlternativesDialog::AlternativesDialog(wxWindow* parent, const wxString& tier_name,
                                       const std::vector<AlternativeQualification>& now)
    : wxDialog(parent, wxID_ANY, wxString::Format(_("Other ways to qualify: %s"), tier_name), wxDefaultPosition,
               wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* hint = new wxStaticText(this, wxID_ANY,
                                  _("Reaching the threshold is always enough. Each alternative is another way: "
                                    "rows with the same alternative number must all hold, and any one alternative "
                                    "is enough. Months 0 means the ladder's own window."));
    hint->Wrap(FromDIP(560));
    sizer->Add(hint, 0, wxALL, gap);
    grid_ = new wxGrid(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(580, 200)));
    grid_->CreateGrid(0, ColumnCount);
    grid_->SetColLabelValue(ColAlternative, _("Alternative"));
    grid_->SetColLabelValue(ColMeasure, _("Measure"));
    grid_->SetColLabelValue(ColThreshold, _("Threshold (yuan)"));
    grid_->SetColLabelValue(ColMonths, _("Months"));
    grid_->SetColSize(ColAlternative, FromDIP(90));
    grid_->SetColSize(ColMeasure, FromDIP(220));
    grid_->SetColSize(ColThreshold, FromDIP(140));
    grid_->SetColSize(ColMonths, FromDIP(80));
    grid_->SetRowLabelSize(FromDIP(30));
    grid_->SetSelectionMode(wxGrid::wxGridSelectRows);
    sizer->Add(grid_, 1, wxEXPAND | wxLEFT | wxRIGHT, gap);
    for (std::size_t a = 0; a < now.size(); ++a)
        for (const QualifyingCondition& c : now[a].all_of) add_row(static_cast<int>(a + 1), c);

    auto* row_buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* add = new wxButton(this, wxID_ANY, _("Add condition"));
    auto* remove = new wxButton(this, wxID_ANY, _("Remove condition"));
    row_buttons->Add(add, 0, wxRIGHT, gap);
    row_buttons->Add(remove, 0);
    sizer->Add(row_buttons, 0, wxALL, gap);
    sizer->Add(affirm_cancel_buttons(this, _("OK")), 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    SetSizerAndFit(sizer);

    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        // A new row starts a new alternative; change its number to join an existing one.
        int highest = 0;
        for (int r = 0; r < grid_->GetNumberRows(); ++r) {
            long n = 0;
            if (grid_->GetCellValue(r, ColAlternative).ToLong(&n)) highest = std::max(highest, static_cast<int>(n));
        }
        QualifyingCondition c;
        c.measure = LadderMeasure::LargestSingleRecharge;
        add_row(highest + 1, c);
        grid_->GoToCell(grid_->GetNumberRows() - 1, ColThreshold);
        grid_->SetFocus();
    });
    remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const wxArrayInt rows = grid_->GetSelectedRows();
        const int row = rows.empty() ? grid_->GetGridCursorRow() : rows[0];
        if (row >= 0 && row < grid_->GetNumberRows()) grid_->DeleteRows(row);
    });
    Bind(wxEVT_BUTTON, &AlternativesDialog::on_ok, this, wxID_OK);
}

void AlternativesDialog::add_row(int alternative, const QualifyingCondition& c) {
    const int row = grid_->GetNumberRows();
    grid_->AppendRows(1);
    grid_->SetCellValue(row, ColAlternative, wxString::Format("%d", alternative));
    grid_->SetCellEditor(row, ColMeasure, new wxGridCellChoiceEditor(measure_names()));
    grid_->SetCellValue(row, ColMeasure, label_of(measure_labels(), c.measure));
    grid_->SetCellValue(row, ColThreshold, to_wx(c.threshold.to_string()));
    grid_->SetCellAlignment(row, ColThreshold, wxALIGN_RIGHT, wxALIGN_CENTER);
    grid_->SetCellValue(row, ColMonths, wxString::Format("%d", c.months));
}

std::vector<AlternativeQualification> AlternativesDialog::read() const {
    std::map<long, AlternativeQualification> by_number;
    for (int r = 0; r < grid_->GetNumberRows(); ++r) {
        const std::string at = subst(tr("row {0}"), {std::to_string(r + 1)});
        const wxString number_text = grid_->GetCellValue(r, ColAlternative).Strip(wxString::both);
        long number = 0;
        if (!number_text.ToLong(&number) || number < 1)
            throw ValidationError(at + ".alternative", to_utf8(number_text),
                                  subst(tr("{0}: the alternative number \"{1}\" must be 1 or more"), {at, to_utf8(number_text)}));
        QualifyingCondition c;
        const wxString measure = grid_->GetCellValue(r, ColMeasure);
        bool known = false;
        for (const auto& l : measure_labels())
            if (label_of(measure_labels(), l.value) == measure) {
                c.measure = l.value;
                known = true;
            }
        if (!known)
            throw ValidationError(at + ".measure", to_utf8(measure),
                                  subst(tr("{0}: choose a measure from the list, not \"{1}\""), {at, to_utf8(measure)}));
        c.threshold = Money::parse(to_utf8(grid_->GetCellValue(r, ColThreshold).Strip(wxString::both)), at + ".threshold");
        const wxString months_text = grid_->GetCellValue(r, ColMonths).Strip(wxString::both);
        long months = 0;
        if (!months_text.empty() && (!months_text.ToLong(&months) || months < 0 || months > 120))
            throw ValidationError(at + ".months", to_utf8(months_text),
                                  subst(tr("{0}: months \"{1}\" must be a whole number from 0 to 120"), {at, to_utf8(months_text)}));
        c.months = static_cast<int>(months);
        by_number[number].all_of.push_back(c);
    }
    std::vector<AlternativeQualification> out;
    for (auto& [number, alternative] : by_number) out.push_back(std::move(alternative));
    return out;
}

void AlternativesDialog::on_ok(wxCommandEvent&) {
    grid_->SaveEditControlValue();  // a cell still being typed in counts
    if (run_or_show_error(this, [this] { result_ = read(); })) EndModal(wxID_OK);
}

}  // namespace md::views

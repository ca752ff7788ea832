#pragma once
// Edits one tier's alternative qualifications as a table of conditions. Rows with the same
// alternative number must all hold; any one alternative is enough. For example Lifetime
// Honorary: alternative 1 is a single recharge of 50,000; alternative 2 is a single recharge
// of 32,000 and spend of 60,000 within 12 months. What is typed stays when OK is refused.
#include "models/tier_ladder.h"

#include <vector>
#include <wx/dialog.h>

class wxGrid;

namespace md::views {

class AlternativesDialog : public wxDialog {
public:
    AlternativesDialog(wxWindow* parent, const wxString& tier_name, const std::vector<AlternativeQualification>& now);
    const std::vector<AlternativeQualification>& result() const { return result_; }

private:
    void add_row(int alternative, const QualifyingCondition& condition);
    // Throws ValidationError naming the row and column.
    std::vector<AlternativeQualification> read() const;
    void on_ok(wxCommandEvent&);

    std::vector<AlternativeQualification> result_;
    wxGrid* grid_ = nullptr;
};

}  // namespace md::views

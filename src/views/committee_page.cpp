#include "views/committee_page.h"

#include "models/date_text.h"
#include "models/errors.h"
#include "views/date_columns.h"
#include "views/error_dialog.h"
#include "views/program_labels.h"
#include "views/wx_text.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace md::views {
namespace {

constexpr int kRenewalDays = 30;  // the "terms ending within 30 days"

std::string text_of(const wxTextCtrl* field) { return to_utf8(field->GetValue().Strip(wxString::both)); }

}  // namespace

CommitteePage::CommitteePage(wxWindow* parent, Proposer& proposer) : ProgramPage(parent, proposer) {
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    ending_soon_ = new wxCheckBox(this, wxID_ANY, wxString::Format(_("Only terms ending within %d days"), kRenewalDays));
    left->Add(ending_soon_, 0, wxBOTTOM, gap);
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->AppendColumn(_("Member number"), wxLIST_FORMAT_LEFT, FromDIP(120));
    list_->AppendColumn(_("Committee role"), wxLIST_FORMAT_LEFT, FromDIP(170));
    list_->AppendColumn(_("Term start"), wxLIST_FORMAT_LEFT, date_column_width(this));
    list_->AppendColumn(_("Term end"), wxLIST_FORMAT_LEFT, date_column_width(this));
    list_->AppendColumn(_("Eligibility"), wxLIST_FORMAT_LEFT, FromDIP(260));
    left->Add(list_, 1, wxEXPAND);
    sizer->Add(left, 1, wxEXPAND | wxALL, gap);

    auto* column = new wxBoxSizer(wxVERTICAL);
    auto* box = new wxStaticBoxSizer(wxVERTICAL, this, _("Seat"));
    wxWindow* form = box->GetStaticBox();
    auto* grid = new wxFlexGridSizer(2, FromDIP(6), FromDIP(8));
    auto field = [&](const wxString& label) {
        grid->Add(new wxStaticText(form, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
        auto* f = new wxTextCtrl(form, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(150, -1)));
        grid->Add(f, 0, wxEXPAND);
        return f;
    };
    member_ = field(_("Member number:"));
    member_->SetHint("M00000001");
    grid->Add(new wxStaticText(form, wxID_ANY, _("Committee role:")), 0, wxALIGN_CENTER_VERTICAL);
    role_ = new wxChoice(form, wxID_ANY);
    grid->Add(role_, 0, wxEXPAND);
    term_start_ = field(_("Term start:"));
    term_end_ = field(_("Term end (inclusive):"));
    term_start_->SetHint("YYYY-MM-DD");
    term_end_->SetHint("YYYY-MM-DD");
    box->Add(grid, 0, wxEXPAND | wxALL, gap);
    column->Add(box, 0, wxEXPAND);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* add = new wxButton(this, wxID_ANY, _("New"));
    auto* propose = new wxButton(this, wxID_ANY, _("Propose change…"));
    buttons->Add(add, 0, wxRIGHT, gap);
    buttons->AddStretchSpacer();
    buttons->Add(propose, 0);
    column->Add(buttons, 0, wxEXPAND | wxTOP, gap);
    auto* note = new wxStaticText(this, wxID_ANY, _("To end a seat early, select it and use Retire above."));
    note->Wrap(FromDIP(300));
    column->Add(note, 0, wxTOP, gap);
    sizer->Add(column, 0, wxEXPAND | wxALL, gap);
    SetSizer(sizer);
    proposer_.guard(add);
    proposer_.guard(propose);
    fill_choice(role_, committee_role_labels(), CommitteeRole::Member);

    ending_soon_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { fill_list(); });
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
        selected_ = static_cast<int>(e.GetIndex());
        show_form(listed_.at(static_cast<std::size_t>(selected_)), false);
    });
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        CommitteeSeat blank;
        blank.term_start = as_of_;
        show_form(blank, true);
        member_->SetFocus();
    });
    propose->Bind(wxEVT_BUTTON, &CommitteePage::on_propose, this);
}

void CommitteePage::show(const Program& program) {
    seats_ = program.committee;
    warnings_ = proposer_.committee_warnings();
    as_of_ = proposer_.shown_date();
    fill_list();
}

void CommitteePage::fill_list() {
    listed_.clear();
    const Date last = as_of_ + boost::gregorian::days(kRenewalDays);
    for (const CommitteeSeat& seat : seats_)
        if (!ending_soon_->GetValue() || seat.term_end <= last) listed_.push_back(seat);
    list_->DeleteAllItems();
    selected_ = -1;
    for (std::size_t i = 0; i < listed_.size(); ++i) {
        const CommitteeSeat& seat = listed_[i];
        const long row = list_->InsertItem(static_cast<long>(i), to_wx(seat.member_number));
        list_->SetItem(row, 1, label_of(committee_role_labels(), seat.role));
        list_->SetItem(row, 2, to_wx(display_date(seat.term_start)));
        list_->SetItem(row, 3, to_wx(display_date(seat.term_end)));
        const auto warning = warnings_.find(seat.member_number);
        list_->SetItem(row, 4, warning == warnings_.end() ? _("qualifies") : "⚠ " + to_wx(warning->second));
        if (warning != warnings_.end()) list_->SetItemTextColour(row, wxColour(170, 60, 0));
    }
    if (!listed_.empty()) list_->SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    else {
        CommitteeSeat blank;
        blank.term_start = as_of_;
        show_form(blank, true);
    }
}

void CommitteePage::show_form(const CommitteeSeat& seat, bool is_new) {
    member_->ChangeValue(to_wx(seat.member_number));
    member_->SetEditable(is_new);  // the member is the seat's key: another member is another seat
    fill_choice(role_, committee_role_labels(), seat.role);
    term_start_->ChangeValue(seat.term_start.is_not_a_date() ? wxString() : to_wx(format_date(seat.term_start)));
    term_end_->ChangeValue(seat.term_end.is_not_a_date() ? wxString() : to_wx(format_date(seat.term_end)));
    if (is_new) selected_ = -1;
}

std::optional<ItemRef> CommitteePage::selected_item() const {
    if (selected_ < 0) return std::nullopt;
    const std::string& number = listed_.at(static_cast<std::size_t>(selected_)).member_number;
    return ItemRef{ChangeKind::Committee, number, wxString::Format(_("Committee seat: %s"), to_wx(number))};
}

void CommitteePage::on_propose(wxCommandEvent&) {
    CommitteeSeat seat;
    if (!run_or_show_error(this, [&] {
            seat.member_number = text_of(member_);
            seat.role = chosen(role_, committee_role_labels());
            seat.term_start = parse_date(text_of(term_start_), "committee.term_start");
            seat.term_end = parse_date(text_of(term_end_), "committee.term_end");
            validate(seat);
        }))
        return;
    proposer_.propose(ChangeKind::Committee, item_json(seat),
                      wxString::Format(_("Committee seat: %s"), to_wx(seat.member_number)));
}

}  // namespace md::views

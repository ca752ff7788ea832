#include "views/offer_pages.h"

#include "models/date_text.h"
#include "models/errors.h"
#include "views/date_columns.h"
#include "views/error_dialog.h"
#include "views/program_labels.h"
#include "views/wx_text.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace md::views {
namespace {

std::string text_of(const wxTextCtrl* field) { return to_utf8(field->GetValue().Strip(wxString::both)); }

wxTextCtrl* form_field(wxWindow* parent, wxFlexGridSizer* grid, const wxString& label, int width = 160) {
    grid->Add(new wxStaticText(parent, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
    auto* field = new wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, parent->FromDIP(wxSize(width, -1)));
    grid->Add(field, 0, wxEXPAND);
    return field;
}

// The list on the left, the form box on the right, New / Propose under the form.
struct FormLayout {
    wxListCtrl* list;
    wxWindow* box;
    wxFlexGridSizer* grid;
    wxButton* add;
    wxButton* propose;
};

FormLayout lay_out(wxPanel* page, const wxString& form_title) {
    const int gap = page->FromDIP(8);
    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    auto* list = new wxListCtrl(page, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    sizer->Add(list, 1, wxEXPAND | wxALL, gap);
    auto* column = new wxBoxSizer(wxVERTICAL);
    auto* box = new wxStaticBoxSizer(wxVERTICAL, page, form_title);
    auto* grid = new wxFlexGridSizer(2, page->FromDIP(6), page->FromDIP(8));
    grid->AddGrowableCol(1);
    box->Add(grid, 0, wxEXPAND | wxALL, gap);
    column->Add(box, 0, wxEXPAND);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* add = new wxButton(page, wxID_ANY, _("New"));
    auto* propose = new wxButton(page, wxID_ANY, _("Propose change…"));
    buttons->Add(add, 0, wxRIGHT, gap);
    buttons->AddStretchSpacer();
    buttons->Add(propose, 0);
    column->Add(buttons, 0, wxEXPAND | wxTOP, gap);
    sizer->Add(column, 0, wxEXPAND | wxALL, gap);
    page->SetSizer(sizer);
    return {list, box->GetStaticBox(), grid, add, propose};
}

}  // namespace

// --- Denominations ------------------------------------------------------------------------

DenominationsPage::DenominationsPage(wxWindow* parent, Proposer& proposer) : ProgramPage(parent, proposer) {
    const FormLayout l = lay_out(this, _("Denomination"));
    list_ = l.list;
    list_->AppendColumn(_("Face value"), wxLIST_FORMAT_RIGHT, FromDIP(130));
    list_->AppendColumn(_("On sale"), wxLIST_FORMAT_LEFT, FromDIP(90));
    list_->AppendColumn(_("Bonus value"), wxLIST_FORMAT_RIGHT, FromDIP(130));
    face_value_ = form_field(l.box, l.grid, _("Face value (yuan):"));
    l.grid->AddSpacer(0);
    on_sale_ = new wxCheckBox(l.box, wxID_ANY, _("On sale"));
    l.grid->Add(on_sale_);
    bonus_ = form_field(l.box, l.grid, _("Bonus value (yuan):"));
    proposer_.guard(l.propose);
    proposer_.guard(l.add);

    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
        show_form(items_.at(static_cast<std::size_t>(e.GetIndex())), false);
    });
    l.add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        Denomination blank;
        blank.face_value = Money();
        show_form(blank, true);
        face_value_->SetFocus();
    });
    l.propose->Bind(wxEVT_BUTTON, &DenominationsPage::on_propose, this);
}

void DenominationsPage::show(const Program& program) {
    items_ = program.denominations;
    list_->DeleteAllItems();
    for (std::size_t i = 0; i < items_.size(); ++i) {
        const long row = list_->InsertItem(static_cast<long>(i), short_yuan(items_[i].face_value));
        list_->SetItem(row, 1, items_[i].on_sale ? _("Yes") : _("No"));
        list_->SetItem(row, 2, items_[i].bonus == Money() ? wxString("—") : short_yuan(items_[i].bonus));
    }
    if (!items_.empty()) list_->SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    else show_form(Denomination{}, true);
}

std::optional<ItemRef> DenominationsPage::selected_item() const {
    const long row = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (row < 0 || row >= static_cast<long>(items_.size())) return std::nullopt;
    const Money face = items_[static_cast<std::size_t>(row)].face_value;
    return ItemRef{ChangeKind::Denomination, face.to_string(), wxString::Format(_("Card denomination: %s"), short_yuan(face))};
}

void DenominationsPage::show_form(const Denomination& d, bool is_new) {
    face_value_->ChangeValue(is_new ? wxString() : to_wx(d.face_value.to_string()));
    face_value_->SetEditable(is_new);  // the face value is the key: a new value is a new denomination
    on_sale_->SetValue(d.on_sale);
    bonus_->ChangeValue(to_wx(d.bonus.to_string()));
}

void DenominationsPage::on_propose(wxCommandEvent&) {
    Denomination d;
    if (!run_or_show_error(this, [&] {
            d.face_value = Money::parse(text_of(face_value_), "denomination.face_value");
            d.on_sale = on_sale_->GetValue();
            d.bonus = Money::parse(text_of(bonus_), "denomination.bonus");
            validate(d);
        }))
        return;
    proposer_.propose(ChangeKind::Denomination, item_json(d),
                      wxString::Format(_("Card denomination: %s"), short_yuan(d.face_value)));
}

// --- Recharge bonuses ---------------------------------------------------------------------

BonusesPage::BonusesPage(wxWindow* parent, Proposer& proposer) : ProgramPage(parent, proposer) {
    const FormLayout l = lay_out(this, _("Recharge bonus"));
    list_ = l.list;
    list_->AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, FromDIP(170));
    list_->AppendColumn(_("Pay"), wxLIST_FORMAT_RIGHT, FromDIP(90));
    list_->AppendColumn(_("Receive"), wxLIST_FORMAT_RIGHT, FromDIP(90));
    list_->AppendColumn(_("Valid from"), wxLIST_FORMAT_LEFT, date_column_width(this));
    list_->AppendColumn(_("Valid to"), wxLIST_FORMAT_LEFT, date_column_width(this));
    code_ = form_field(l.box, l.grid, _("Code:"));
    name_zh_ = form_field(l.box, l.grid, _("Chinese name:"));
    name_en_ = form_field(l.box, l.grid, _("English name:"));
    pay_ = form_field(l.box, l.grid, _("Pay (yuan):"));
    receive_ = form_field(l.box, l.grid, _("Receive (yuan):"));
    valid_from_ = form_field(l.box, l.grid, _("Valid from:"));
    valid_to_ = form_field(l.box, l.grid, _("Valid to:"));
    valid_from_->SetHint("YYYY-MM-DD");
    valid_to_->SetHint(_("open-ended"));
    proposer_.guard(l.propose);
    proposer_.guard(l.add);

    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
        show_form(items_.at(static_cast<std::size_t>(e.GetIndex())), false);
    });
    l.add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        show_form(RechargeBonus{}, true);
        code_->SetFocus();
    });
    l.propose->Bind(wxEVT_BUTTON, &BonusesPage::on_propose, this);
}

void BonusesPage::show(const Program& program) {
    items_ = program.bonuses;
    list_->DeleteAllItems();
    for (std::size_t i = 0; i < items_.size(); ++i) {
        const RechargeBonus& b = items_[i];
        const long row = list_->InsertItem(static_cast<long>(i), local_name(b.name_zh, b.name_en));
        list_->SetItem(row, 1, short_yuan(b.pay));
        list_->SetItem(row, 2, short_yuan(b.receive));
        list_->SetItem(row, 3, to_wx(display_date(b.valid_from)));
        list_->SetItem(row, 4, b.valid_to ? to_wx(display_date(*b.valid_to)) : _("open-ended"));
    }
    if (!items_.empty()) list_->SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    else show_form(RechargeBonus{}, true);
}

void BonusesPage::show_form(const RechargeBonus& b, bool is_new) {
    code_->ChangeValue(to_wx(b.code));
    code_->SetEditable(is_new);
    name_zh_->ChangeValue(to_wx(b.name_zh));
    name_en_->ChangeValue(to_wx(b.name_en));
    pay_->ChangeValue(is_new ? wxString() : to_wx(b.pay.to_string()));
    receive_->ChangeValue(is_new ? wxString() : to_wx(b.receive.to_string()));
    valid_from_->ChangeValue(b.valid_from.is_special() ? wxString() : to_wx(format_date(b.valid_from)));
    valid_to_->ChangeValue(b.valid_to ? to_wx(format_date(*b.valid_to)) : wxString());
}

RechargeBonus BonusesPage::read_form() const {
    RechargeBonus b;
    b.code = text_of(code_);
    b.name_zh = text_of(name_zh_);
    b.name_en = text_of(name_en_);
    b.pay = Money::parse(text_of(pay_), "bonus.pay");
    b.receive = Money::parse(text_of(receive_), "bonus.receive");
    b.valid_from = parse_date(text_of(valid_from_), "bonus.valid_from");
    if (!text_of(valid_to_).empty()) b.valid_to = parse_date(text_of(valid_to_), "bonus.valid_to");
    return b;
}

std::optional<ItemRef> BonusesPage::selected_item() const {
    const long row = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (row < 0 || row >= static_cast<long>(items_.size())) return std::nullopt;
    const RechargeBonus& b = items_[static_cast<std::size_t>(row)];
    return ItemRef{ChangeKind::Bonus, b.code,
                   wxString::Format(_("Recharge bonus: %s"), local_name(b.name_zh, b.name_en))};
}

void BonusesPage::on_propose(wxCommandEvent&) {
    RechargeBonus b;
    if (!run_or_show_error(this, [&] {
            b = read_form();
            validate(b);
        }))
        return;
    proposer_.propose(ChangeKind::Bonus, item_json(b),
                      wxString::Format(_("Recharge bonus: %s"), local_name(b.name_zh, b.name_en)));
}

}  // namespace md::views

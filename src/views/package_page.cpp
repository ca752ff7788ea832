#include "views/package_page.h"

#include "models/errors.h"
#include "views/error_dialog.h"
#include "views/program_labels.h"
#include "views/wx_text.h"

#include <algorithm>
#include <map>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/treectrl.h>

namespace md::views {
namespace {

// Carries the index of a package in items_; group nodes carry none.
class PackageNode : public wxTreeItemData {
public:
    explicit PackageNode(std::size_t index) : index(index) {}
    std::size_t index;
};

std::string text_of(const wxTextCtrl* field) { return to_utf8(field->GetValue().Strip(wxString::both)); }

// Codes known to the labels, then any other code the catalogue uses.
std::vector<std::string> codes_with(const std::vector<CodeLabel>& table, const std::vector<MealPackage>& items,
                                    std::string MealPackage::*field) {
    std::vector<std::string> codes;
    for (const CodeLabel& l : table) codes.push_back(l.code);
    for (const MealPackage& p : items)
        if (!(p.*field).empty() && std::find(codes.begin(), codes.end(), p.*field) == codes.end())
            codes.push_back(p.*field);
    return codes;
}

void fill_codes(wxChoice* choice, const std::vector<CodeLabel>& table, const std::vector<std::string>& codes) {
    choice->Clear();
    for (const std::string& c : codes) choice->Append(code_label(table, c));
}

void select_code(wxChoice* choice, const std::vector<std::string>& codes, const std::string& code) {
    const auto at = std::find(codes.begin(), codes.end(), code);
    choice->SetSelection(at == codes.end() ? wxNOT_FOUND : static_cast<int>(at - codes.begin()));
}

std::string chosen_code(const wxChoice* choice, const std::vector<std::string>& codes) {
    const int at = choice->GetSelection();
    return at == wxNOT_FOUND ? std::string() : codes.at(static_cast<std::size_t>(at));
}

}  // namespace

PackagePage::PackagePage(wxWindow* parent, Proposer& proposer) : ProgramPage(parent, proposer) {
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    tree_ = new wxTreeCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(300, -1)),
                           wxTR_DEFAULT_STYLE | wxTR_HIDE_ROOT | wxTR_SINGLE);
    sizer->Add(tree_, 1, wxEXPAND | wxALL, gap);

    auto* column = new wxBoxSizer(wxVERTICAL);
    auto* box = new wxStaticBoxSizer(wxVERTICAL, this, _("Package"));
    wxWindow* b = box->GetStaticBox();
    auto* grid = new wxFlexGridSizer(2, FromDIP(5), FromDIP(8));
    grid->AddGrowableCol(1);
    auto label = [&](const wxString& text) { grid->Add(new wxStaticText(b, wxID_ANY, text), 0, wxALIGN_CENTER_VERTICAL); };
    auto text = [&](const wxString& l) {
        label(l);
        auto* field = new wxTextCtrl(b, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(220, -1)));
        grid->Add(field, 0, wxEXPAND);
        return field;
    };
    auto choice = [&](const wxString& l) {
        label(l);
        auto* c = new wxChoice(b, wxID_ANY);
        grid->Add(c, 0, wxEXPAND);
        return c;
    };
    auto spin = [&](const wxString& l, int max) {
        label(l);
        auto* s = new wxSpinCtrl(b, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                 wxSP_ARROW_KEYS, 0, max, 0);
        grid->Add(s, 0);
        return s;
    };
    code_ = text(_("Code:"));
    name_zh_ = text(_("Chinese name:"));
    name_en_ = text(_("English name:"));
    kind_ = choice(_("Kind:"));
    group_ = choice(_("Group:"));
    subgroup_ = choice(_("Sub-group:"));
    cadence_ = choice(_("Deliveries:"));
    per_period_ = spin(_("Deliveries per period:"), 100);
    term_ = choice(_("Term:"));
    price_ = text(_("Price (yuan):"));
    value_owed_ = text(_("Value owed (yuan):"));
    deliveries_ = spin(_("Total deliveries:"), 10000);
    grid->AddSpacer(0);
    earns_points_ = new wxCheckBox(b, wxID_ANY, _("Earns points"));
    grid->Add(earns_points_);
    grid->AddSpacer(0);
    counts_toward_tiers_ = new wxCheckBox(b, wxID_ANY, _("Counts toward tiers"));
    grid->Add(counts_toward_tiers_);
    box->Add(grid, 0, wxEXPAND | wxALL, gap);
    column->Add(box, 0, wxEXPAND);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* add = new wxButton(this, wxID_ANY, _("New package"));
    auto* propose = new wxButton(this, wxID_ANY, _("Propose change…"));
    buttons->Add(add, 0, wxRIGHT, gap);
    buttons->AddStretchSpacer();
    buttons->Add(propose, 0);
    column->Add(buttons, 0, wxEXPAND | wxTOP, gap);
    sizer->Add(column, 0, wxEXPAND | wxALL, gap);
    SetSizer(sizer);
    proposer_.guard(add);
    proposer_.guard(propose);

    fill_choice(kind_, package_kind_labels(), PackageKind::Periodic);
    fill_choice(cadence_, cadence_labels(), DeliveryCadence::None);
    fill_choice(term_, term_labels(), PackageTerm::None);
    kind_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { update_enabled(); });
    tree_->Bind(wxEVT_TREE_SEL_CHANGED, &PackagePage::on_tree_selection, this);
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        show_form(MealPackage{}, true);
        code_->SetFocus();
    });
    propose->Bind(wxEVT_BUTTON, &PackagePage::on_propose, this);
}

void PackagePage::show(const Program& program) {
    items_ = program.packages;
    group_codes_ = codes_with(package_group_labels(), items_, &MealPackage::group);
    subgroup_codes_ = codes_with(package_subgroup_labels(), items_, &MealPackage::subgroup);
    fill_codes(group_, package_group_labels(), group_codes_);
    fill_codes(subgroup_, package_subgroup_labels(), subgroup_codes_);

    tree_->Freeze();
    tree_->DeleteAllItems();
    const wxTreeItemId root = tree_->AddRoot("catalogue");
    const wxTreeItemId periodic = tree_->AppendItem(root, _("Periodic packages"));
    const wxTreeItemId special = tree_->AppendItem(root, _("Special-need packages"));
    // Groups in the order of domain.md §6, sub-groups likewise; packages in catalogue order.
    std::map<std::string, wxTreeItemId> groups, subgroups;
    for (const std::string& g : group_codes_) {
        bool used = false;
        for (const MealPackage& p : items_) used = used || (p.kind == PackageKind::SpecialNeed && p.group == g);
        if (used) groups[g] = tree_->AppendItem(special, code_label(package_group_labels(), g));
    }
    wxTreeItemId first;
    for (const std::string& sg : subgroup_codes_)
        for (const std::string& g : group_codes_)
            for (std::size_t i = 0; i < items_.size(); ++i) {
                const MealPackage& p = items_[i];
                if (p.kind != PackageKind::SpecialNeed || p.group != g || p.subgroup != sg) continue;
                wxTreeItemId parent = groups[g];
                if (!sg.empty()) {
                    const std::string key = g + "/" + sg;
                    if (!subgroups.count(key))
                        subgroups[key] = tree_->AppendItem(groups[g], code_label(package_subgroup_labels(), sg));
                    parent = subgroups[key];
                }
                tree_->AppendItem(parent, local_name(p.name_zh, p.name_en), -1, -1, new PackageNode(i));
            }
    for (std::size_t i = 0; i < items_.size(); ++i)
        if (items_[i].kind == PackageKind::Periodic) {
            const wxTreeItemId id = tree_->AppendItem(periodic, local_name(items_[i].name_zh, items_[i].name_en), -1, -1,
                                                      new PackageNode(i));
            if (!first.IsOk()) first = id;
        }
    tree_->ExpandAll();
    tree_->Thaw();
    if (first.IsOk()) {
        tree_->SelectItem(first);
        tree_->ScrollTo(periodic);  // the catalogue from its top: GTK leaves it scrolled after expanding
    } else {
        show_form(MealPackage{}, true);
    }
}

std::optional<ItemRef> PackagePage::selected_item() const {
    const wxTreeItemId at = tree_->GetSelection();
    auto* node = at.IsOk() ? dynamic_cast<PackageNode*>(tree_->GetItemData(at)) : nullptr;
    if (!node || node->index >= items_.size()) return std::nullopt;
    const MealPackage& p = items_[node->index];
    return ItemRef{ChangeKind::Package, p.code,
                   wxString::Format(_("Meal package: %s"), local_name(p.name_zh, p.name_en))};
}

void PackagePage::on_tree_selection(wxTreeEvent& event) {
    auto* node = dynamic_cast<PackageNode*>(tree_->GetItemData(event.GetItem()));
    if (node && node->index < items_.size()) show_form(items_[node->index], false);
}

void PackagePage::show_form(const MealPackage& p, bool is_new) {
    code_->ChangeValue(to_wx(p.code));
    code_->SetEditable(is_new);
    name_zh_->ChangeValue(to_wx(p.name_zh));
    name_en_->ChangeValue(to_wx(p.name_en));
    fill_choice(kind_, package_kind_labels(), p.kind);
    select_code(group_, group_codes_, p.group);
    select_code(subgroup_, subgroup_codes_, p.subgroup);
    fill_choice(cadence_, cadence_labels(), p.cadence);
    per_period_->SetValue(p.deliveries_per_period);
    fill_choice(term_, term_labels(), p.term);
    price_->ChangeValue(is_new ? wxString() : to_wx(p.price.to_string()));
    value_owed_->ChangeValue(is_new ? wxString() : to_wx(p.value_owed.to_string()));
    deliveries_->SetValue(p.deliveries);
    earns_points_->SetValue(p.earns_points);
    counts_toward_tiers_->SetValue(p.counts_toward_tiers);
    update_enabled();
}

void PackagePage::update_enabled() {
    // Group for special-need packages, cadence and term for periodic ones.
    const bool periodic = chosen(kind_, package_kind_labels()) == PackageKind::Periodic;
    group_->Enable(!periodic);
    subgroup_->Enable(!periodic);
    cadence_->Enable(periodic);
    per_period_->Enable(periodic);
    term_->Enable(periodic);
}

MealPackage PackagePage::read_form() const {
    MealPackage p;
    p.code = text_of(code_);
    p.name_zh = text_of(name_zh_);
    p.name_en = text_of(name_en_);
    p.kind = chosen(kind_, package_kind_labels());
    const bool periodic = p.kind == PackageKind::Periodic;
    p.group = periodic ? std::string() : chosen_code(group_, group_codes_);
    p.subgroup = periodic ? std::string() : chosen_code(subgroup_, subgroup_codes_);
    p.cadence = periodic ? chosen(cadence_, cadence_labels()) : DeliveryCadence::None;
    p.deliveries_per_period = periodic ? per_period_->GetValue() : 0;
    p.term = periodic ? chosen(term_, term_labels()) : PackageTerm::None;
    p.price = Money::parse(text_of(price_), "package.price");
    p.value_owed = Money::parse(text_of(value_owed_), "package.value_owed");
    p.deliveries = deliveries_->GetValue();
    p.earns_points = earns_points_->GetValue();
    p.counts_toward_tiers = counts_toward_tiers_->GetValue();
    return p;
}

void PackagePage::on_propose(wxCommandEvent&) {
    MealPackage p;
    if (!run_or_show_error(this, [&] {
            p = read_form();
            validate(p);
        }))
        return;
    proposer_.propose(ChangeKind::Package, item_json(p),
                      wxString::Format(_("Meal package: %s"), local_name(p.name_zh, p.name_en)));
}

}  // namespace md::views

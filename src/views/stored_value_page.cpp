#include "views/stored_value_page.h"

#include "views/error_dialog.h"
#include "views/ledger_labels.h"
#include "views/wx_text.h"

#include <algorithm>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace md::views {
namespace {

// The six orders of the three buckets, principal first (the default) at the top.
const std::vector<DrawOrder>& every_order() {
    static const std::vector<DrawOrder> orders = [] {
        std::vector<DrawOrder> all;
        DrawOrder o = kDefaultDrawOrder;
        std::sort(o.begin(), o.end());
        do all.push_back(o);
        while (std::next_permutation(o.begin(), o.end()));
        return all;
    }();
    return orders;
}

wxString order_label(const DrawOrder& o) {
    return bucket_label(o[0]) + " → " + bucket_label(o[1]) + " → " + bucket_label(o[2]);
}

}  // namespace

StoredValuePage::StoredValuePage(wxWindow* parent, Proposer& proposer) : ProgramPage(parent, proposer) {
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    none_ = new wxStaticText(this, wxID_ANY,
                             _("No spending order has been approved yet: purchases spend principal, then bonus, then "
                               "compensation."));
    sizer->Add(none_, 0, wxALL, gap);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(new wxStaticText(this, wxID_ANY, _("Purchases spend:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    order_ = new wxChoice(this, wxID_ANY);
    for (const DrawOrder& o : every_order()) order_->Append(order_label(o));
    order_->SetToolTip(_("The bucket a purchase or a meal package is paid from first; when it runs out, the next one."));
    row->Add(order_, 0);
    sizer->Add(row, 0, wxALL, gap);
    rule_ = new wxStaticText(this, wxID_ANY, wxString());
    sizer->Add(rule_, 0, wxALL, gap);
    sizer->AddStretchSpacer();
    sizer->Add(discard_and_propose(
                   [this] {
                       Program p;
                       p.stored_value = shown_;
                       show(p);
                   },
                   [this] { on_propose(); }),
               0, wxEXPAND | wxALL, gap);
    SetSizer(sizer);

    order_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { explain(); });
}

void StoredValuePage::show(const Program& program) {
    none_->Show(!program.stored_value);
    shown_ = program.stored_value.value_or(StoredValueRule{});
    const auto& orders = every_order();
    order_->SetSelection(static_cast<int>(std::find(orders.begin(), orders.end(), shown_.draw_order) - orders.begin()));
    explain();
    Layout();
}

DrawOrder StoredValuePage::chosen() const {
    const int at = order_->GetSelection();
    return at == wxNOT_FOUND ? kDefaultDrawOrder : every_order()[at];
}

void StoredValuePage::explain() {
    // Why the order matters, in words, for the order chosen: a refund goes back to the buckets
    // the purchase was paid from, so the order also decides what a refund returns.
    const DrawOrder o = chosen();
    rule_->SetLabel(wxString::Format(
        _("A purchase of ¥100 by a member holding ¥60 %s and ¥60 %s is paid ¥60 from %s and ¥40 from %s. A refund "
          "returns each part to the bucket it came from."),
        bucket_label(o[0]).Lower(), bucket_label(o[1]).Lower(), bucket_label(o[0]).Lower(),
        bucket_label(o[1]).Lower()));
    rule_->Wrap(FromDIP(640));
}

std::optional<ItemRef> StoredValuePage::selected_item() const {
    return ItemRef{ChangeKind::StoredValue, "default", _("Stored-value spending order")};
}

void StoredValuePage::on_propose() {
    StoredValueRule rule;
    if (!run_or_show_error(this, [&] {
            rule.draw_order = chosen();
            validate(rule);
        }))
        return;
    proposer_.propose(ChangeKind::StoredValue, item_json(rule), _("Stored-value spending order"));
}

}  // namespace md::views

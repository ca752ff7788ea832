#include "views/account_page.h"

#include "models/date_text.h"
#include "models/errors.h"
#include "models/translate.h"
#include "services/services.h"
#include "views/date_columns.h"
#include "views/error_dialog.h"
#include "views/form_dialog.h"
#include "views/heading.h"
#include "views/ledger_history_ctrl.h"
#include "views/ledger_labels.h"
#include "views/wx_text.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace md::views {
namespace {

wxListCtrl* list(wxWindow* parent, const std::vector<std::pair<wxString, int>>& columns, int height) {
    auto* l = new wxListCtrl(parent, wxID_ANY, wxDefaultPosition, parent->FromDIP(wxSize(-1, height)),
                             wxLC_REPORT | wxLC_SINGLE_SEL);
    for (const auto& [title, width] : columns)
        l->AppendColumn(title, width < 0 ? wxLIST_FORMAT_RIGHT : wxLIST_FORMAT_LEFT, parent->FromDIP(std::abs(width)));
    return l;
}

}  // namespace

AccountPage::AccountPage(wxWindow* parent, std::shared_ptr<Services> services, Actor actor, std::string number)
    : wxPanel(parent), services_(std::move(services)), actor_(std::move(actor)), number_(std::move(number)) {
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    balances_ = new wxStaticText(this, wxID_ANY, wxString());
    sizer->Add(balances_, 0, wxALL, gap);
    coins_ = new wxStaticText(this, wxID_ANY, wxString());
    sizer->Add(coins_, 0, wxLEFT | wxRIGHT | wxBOTTOM, gap);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    const bool may_post = role_may(actor_.role, Action::PostTransactions);
    auto add_button = [&](const wxString& label, void (AccountPage::*handler)(wxCommandEvent&)) {
        auto* b = new wxButton(this, wxID_ANY, label);
        b->Enable(may_post);
        if (!may_post) b->SetToolTip(_("Your role may look at balances but not post transactions."));
        b->Bind(wxEVT_BUTTON, handler, this);
        buttons->Add(b, 0, wxRIGHT, FromDIP(4));
    };
    add_button(_("&Activate card…"), &AccountPage::on_activate);
    add_button(_("&Recharge…"), &AccountPage::on_recharge);
    add_button(_("&Purchase…"), &AccountPage::on_purchase);
    add_button(_("Re&fund…"), &AccountPage::on_refund);
    add_button(_("Re&deem coins…"), &AccountPage::on_redeem);
    sizer->Add(buttons, 0, wxLEFT | wxRIGHT | wxBOTTOM, gap);

    auto* middle = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    left->Add(bold_heading(this, _("Coins by expiry")), 0, wxBOTTOM, FromDIP(4));
    lots_ = list(this, {{_("Coins"), -70}, {_("Earned"), 100}, {_("Usable until"), 110}}, 110);
    lots_->SetColumnWidth(1, date_column_width(this));
    lots_->SetColumnWidth(2, date_column_width(this));
    left->Add(lots_, 1, wxEXPAND);
    middle->Add(left, 2, wxEXPAND | wxRIGHT, gap);
    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(bold_heading(this, _("Meal packages")), 0, wxBOTTOM, FromDIP(4));
    packages_ = list(this, {{_("No."), 50}, {_("Package"), 150}, {_("Delivered"), -80}, {_("Still owed"), -110},
                            {_("State"), 90}}, 110);
    right->Add(packages_, 1, wxEXPAND);
    middle->Add(right, 3, wxEXPAND);
    sizer->Add(middle, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);

    sizer->Add(bold_heading(this, _("History (newest first)")), 0, wxLEFT | wxRIGHT, gap);
    history_ = new LedgerHistoryCtrl(this, 200);
    sizer->Add(history_, 1, wxEXPAND | wxALL, gap);
    SetSizer(sizer);
    reload();
}

void AccountPage::reload() {
    run_or_show_error(this, [&] {
        const AccountView v = services_->ledger.account(actor_, number_);
        balances_->SetLabel(
            wxString::Format(_("Stored value %s: principal %s, bonus %s, compensation %s"),
                             to_wx(v.value.total().to_display()), to_wx(v.value.principal.to_display()),
                             to_wx(v.value.bonus.to_display()), to_wx(v.value.compensation.to_display())) +
            "\n" + wxString::Format(_("Purchases spend %s first, then %s, then %s."), bucket_label(v.draw_order[0]).Lower(),
                                    bucket_label(v.draw_order[1]).Lower(), bucket_label(v.draw_order[2]).Lower()));
        wxString coins = wxString::Format(_("Exchange coins: %lld (%lld usable today)"), static_cast<long long>(v.coins),
                                          static_cast<long long>(v.usable_coins));
        if (v.package_value.fen() > 0)
            coins += "   " + wxString::Format(_("Meal packages still to deliver: %s"), to_wx(v.package_value.to_display()));
        if (!v.coin_member_since)
            coins += "\n" + _("Not in the coin scheme yet: a recharge or purchase must first reach the entry threshold.");
        coins_->SetLabel(coins);
        balances_->Wrap(FromDIP(720));
        coins_->Wrap(FromDIP(720));
        lots_->DeleteAllItems();
        for (const CoinLot& lot : v.coin_lots) {
            const long row = lots_->InsertItem(lots_->GetItemCount(), wxString::Format("%lld", static_cast<long long>(lot.remaining)));
            lots_->SetItem(row, 1, to_wx(display_date(lot.earned_on)));
            lots_->SetItem(row, 2, lot.expires_on ? to_wx(display_date(*lot.expires_on)) : _("never expire"));
        }
        packages_->DeleteAllItems();
        for (const Subscription& s : v.subscriptions) {
            const long row = packages_->InsertItem(packages_->GetItemCount(), wxString::Format("S%lld", static_cast<long long>(s.id)));
            packages_->SetItem(row, 1, to_wx(s.package_name));
            packages_->SetItem(row, 2, wxString::Format("%d / %d", s.delivered, s.deliveries));
            packages_->SetItem(row, 3, to_wx(s.undelivered.to_display()));
            packages_->SetItem(row, 4, subscription_state_label(s.state));
        }
        history_->show(v.entries, [services = services_, actor = actor_, number = number_](std::int64_t before, int limit) {
            return services->ledger.history(actor, number, limit, before);
        });
        Layout();
    });
}

void AccountPage::on_activate(wxCommandEvent&) {
    FormDialog dialog(this, _("Activate a card"), _("The card's face value and any bonus go into this member's account."),
                      {{_("Card number:"), "", _("16 digits, as printed")}, {_("PIN:"), "", "", true}},
                      [&](const std::vector<std::string>& v) {
                          services_->ledger.activate_card(actor_, {v[0], v[1], number_, ""});
                      });
    if (dialog.ShowModal() == wxID_OK) reload();
}

void AccountPage::on_recharge(wxCommandEvent&) {
    FormDialog dialog(this, _("Cash recharge"), _("The recharge bonus in force today is added by itself."),
                      {{_("Amount paid (yuan):"), "", _("e.g. 12000 or 500.50")}},
                      [&](const std::vector<std::string>& v) {
                          services_->ledger.recharge(actor_, {number_, Money::parse(v[0], "amount"), ""});
                      });
    if (dialog.ShowModal() == wxID_OK) reload();
}

void AccountPage::on_purchase(wxCommandEvent&) {
    FormDialog dialog(
        this, _("Purchase"), _("Coins are earned on the amount paid, whole coins only (the rest is not counted)."),
        {{_("Price (yuan):"), ""}, {_("From stored value (yuan):"), "", _("Empty: all of it. The rest is paid another way.")},
         {_("Store:"), ""}},
        [&](const std::vector<std::string>& v) {
            PurchaseRequest r;
            r.member = number_;
            r.list_price = Money::parse(v[0], "amount");
            if (!v[1].empty()) r.stored_value = Money::parse(v[1], "stored_value");
            r.store = v[2];
            services_->ledger.purchase(actor_, r);
        });
    if (dialog.ShowModal() == wxID_OK) reload();
}

void AccountPage::on_refund(wxCommandEvent&) {
    const wxString selected = history_->selected_txn();
    FormDialog dialog(this, _("Refund a purchase"),
                      _("Stored value goes back to the buckets it came from; coins earned on the refunded part are "
                        "taken back."),
                      {{_("Purchase (T number):"), selected}, {_("Amount (yuan):"), ""}, {_("Reason:"), ""}},
                      [&](const std::vector<std::string>& v) {
                          services_->ledger.refund(actor_, {parse_reference(Reference::Transaction, v[0], "purchase"),
                                                            Money::parse(v[1], "amount"), v[2], ""});
                      });
    if (dialog.ShowModal() == wxID_OK) reload();
}

void AccountPage::on_redeem(wxCommandEvent&) {
    FormDialog dialog(this, _("Redeem coins"), _("Coins nearest their expiry are used first; 1 coin is worth the "
                                                 "redemption value of the points rule."),
                      {{_("Coins:"), ""}},
                      [&](const std::vector<std::string>& v) {
                          if (v[0].empty() || v[0].size() > 18 || v[0].find_first_not_of("0123456789") != std::string::npos)
                              throw ValidationError("coins", v[0], subst(tr("coins: \"{0}\" is not a whole number of coins"), {v[0]}));
                          services_->ledger.redeem(actor_, {number_, std::stoll(v[0]), ""});
                      });
    if (dialog.ShowModal() == wxID_OK) reload();
}

}  // namespace md::views

#pragma once
// The member window's "Stored value & points" tab: the three stored-value buckets (and which
// one a purchase spends first), the coins with their expiry dates, the meal packages still to
// deliver, and every ledger line with its running balance. Staff act from here within their
// role: activate a card, recharge, purchase, refund, redeem coins.
#include "services/actor.h"

#include <memory>
#include <string>
#include <wx/panel.h>

class wxButton;
class wxListCtrl;
class wxStaticText;

namespace md { class Services; }

namespace md::views {

class LedgerHistoryCtrl;

class AccountPage : public wxPanel {
public:
    AccountPage(wxWindow* parent, std::shared_ptr<Services> services, Actor actor, std::string number);
    void reload();

private:
    void on_activate(wxCommandEvent&);
    void on_recharge(wxCommandEvent&);
    void on_purchase(wxCommandEvent&);
    void on_refund(wxCommandEvent&);
    void on_redeem(wxCommandEvent&);

    std::shared_ptr<Services> services_;
    Actor actor_;
    std::string number_;
    wxStaticText* balances_ = nullptr;
    wxStaticText* coins_ = nullptr;
    wxListCtrl* lots_ = nullptr;
    wxListCtrl* packages_ = nullptr;
    LedgerHistoryCtrl* history_ = nullptr;  // every line, read a page at a time as it scrolls into view
};

}  // namespace md::views

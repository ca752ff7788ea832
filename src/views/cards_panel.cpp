#include "views/cards_panel.h"

#include "models/date_text.h"
#include "models/errors.h"
#include "models/translate.h"
#include "reports/card_sheet.h"
#include "services/services.h"
#include "views/date_columns.h"
#include "views/error_dialog.h"
#include "views/form_dialog.h"
#include "views/heading.h"
#include "views/ledger_labels.h"
#include "views/wx_text.h"

#include <fstream>
#include <wx/button.h>
#include <wx/filename.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/stdpaths.h>
#include <wx/textctrl.h>

namespace md::views {
namespace {

long long count_in(const BatchSummary& s, CardState state) {
    auto it = s.cards.find(state);
    return it == s.cards.end() ? 0 : it->second;
}

}  // namespace

CardsPanel::CardsPanel(wxWindow* parent, std::shared_ptr<Services> services, Actor actor)
    : wxPanel(parent), services_(std::move(services)), actor_(std::move(actor)) {
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(bold_heading(this, _("Prepaid card batches")), 1, wxALIGN_CENTER_VERTICAL);
    auto* create = new wxButton(this, wxID_ANY, _("&New batch…"));
    const bool may_create = role_may(actor_.role, Action::ManageCardBatches);
    create->Enable(may_create);
    if (!may_create) create->SetToolTip(_("Card batches are created by marketing, finance or an administrator."));
    create->Bind(wxEVT_BUTTON, &CardsPanel::on_new_batch, this);
    auto* expire = new wxButton(this, wxID_ANY, _("E&xpire unused cards…"));
    expire->Enable(may_create);
    expire->SetToolTip(_("Cards never activated whose batch's last activation day has passed become expired."));
    expire->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_expire_unused(); });
    top->Add(expire, 0, wxRIGHT, FromDIP(4));
    top->Add(create, 0);
    sizer->Add(top, 0, wxEXPAND | wxALL, gap);

    batches_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 200)), wxLC_REPORT | wxLC_SINGLE_SEL);
    const std::vector<std::pair<wxString, int>> columns = {
        {_("Batch"), 90},    {_("Face value"), -100}, {_("Bonus"), -80},      {_("Cards"), -60},
        {_("Issued"), -60},  {_("Sold"), -60},        {_("Activated"), -80},  {_("Blocked"), -70},
        {wxGETTEXT_IN_CONTEXT("card state", "Closed"), -60},  {_("Expired"), -70},     {_("Activate by"), 100}, {_("Created by"), 100}, {_("Created at"), 130}, {_("Note"), 150}};
    for (const auto& [title, width] : columns)
        batches_->AppendColumn(title, width < 0 ? wxLIST_FORMAT_RIGHT : wxLIST_FORMAT_LEFT, FromDIP(std::abs(width)));
    batches_->SetColumnWidth(10, date_column_width(this));  // Activate by
    batches_->SetColumnWidth(12, time_column_width(this));  // Created at
    sizer->Add(batches_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);

    sizer->Add(bold_heading(this, _("Look up a card")), 0, wxLEFT | wxRIGHT | wxTOP, gap);
    auto* lookup = new wxBoxSizer(wxHORIZONTAL);
    card_number_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(220, -1)),
                                  wxTE_PROCESS_ENTER);
    card_number_->SetHint(_("Card number"));
    lookup->Add(card_number_, 0, wxRIGHT, FromDIP(4));
    find_ = new wxButton(this, wxID_ANY, _("&Look up"));
    lookup->Add(find_, 0, wxRIGHT, gap);
    block_ = new wxButton(this, wxID_ANY, _("&Block…"));
    unblock_ = new wxButton(this, wxID_ANY, _("&Unblock…"));
    lookup->Add(block_, 0, wxRIGHT, FromDIP(4));
    lookup->Add(unblock_, 0, wxRIGHT, FromDIP(4));
    close_ = new wxButton(this, wxID_ANY, _("&Close card…"));
    close_->SetToolTip(_("Retires the card for good (destroyed, returned, replaced). Value already loaded stays in the "
                         "member's account."));
    lookup->Add(close_, 0);
    block_->Disable();
    unblock_->Disable();
    close_->Disable();
    sizer->Add(lookup, 0, wxALL, gap);
    card_facts_ = new wxStaticText(this, wxID_ANY, wxString());
    sizer->Add(card_facts_, 0, wxLEFT | wxRIGHT, gap);
    card_events_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 140)), wxLC_REPORT);
    card_events_->AppendColumn(_("When"), wxLIST_FORMAT_LEFT, time_column_width(this));
    card_events_->AppendColumn(_("From"), wxLIST_FORMAT_LEFT, FromDIP(100));
    card_events_->AppendColumn(_("To"), wxLIST_FORMAT_LEFT, FromDIP(100));
    card_events_->AppendColumn(_("By"), wxLIST_FORMAT_LEFT, FromDIP(100));
    card_events_->AppendColumn(_("Reason"), wxLIST_FORMAT_LEFT, FromDIP(300));
    sizer->Add(card_events_, 1, wxEXPAND | wxALL, gap);
    SetSizer(sizer);

    find_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { look_up(); });
    card_number_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { look_up(); });
    block_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_block(true); });
    unblock_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_block(false); });
    close_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_close(); });
}

void CardsPanel::load() {
    // Roles that may not see accounts (the approver) get a word instead of a refusal dialog.
    if (!role_may(actor_.role, Action::ViewAccounts)) {
        card_facts_->SetLabel(_("Your role does not see card batches or cards."));
        card_number_->Disable();
        find_->Disable();
        Layout();
        return;
    }
    reload_batches();
}

void CardsPanel::reload_batches() {
    run_or_show_error(this, [&] {
        batches_->DeleteAllItems();
        for (const BatchSummary& s : services_->cards.batches(actor_)) {
            const long row = batches_->InsertItem(batches_->GetItemCount(), to_wx(s.batch.code));
            batches_->SetItem(row, 1, to_wx(s.batch.face_value.to_display()));
            batches_->SetItem(row, 2, to_wx(s.batch.bonus.to_display()));
            batches_->SetItem(row, 3, wxString::Format("%d", s.batch.quantity));
            batches_->SetItem(row, 4, wxString::Format("%lld", count_in(s, CardState::Issued)));
            batches_->SetItem(row, 5, wxString::Format("%lld", count_in(s, CardState::Sold)));
            batches_->SetItem(row, 6, wxString::Format("%lld", count_in(s, CardState::Activated)));
            batches_->SetItem(row, 7, wxString::Format("%lld", count_in(s, CardState::Blocked)));
            batches_->SetItem(row, 8, wxString::Format("%lld", count_in(s, CardState::Closed)));
            batches_->SetItem(row, 9, wxString::Format("%lld", count_in(s, CardState::Expired)));
            batches_->SetItem(row, 10, s.batch.expires_on ? to_wx(display_date(*s.batch.expires_on)) : _("no limit"));
            batches_->SetItem(row, 11, to_wx(s.batch.created_by));
            batches_->SetItem(row, 12, to_wx(display_business_time(s.batch.created_at)));
            batches_->SetItem(row, 13, to_wx(s.batch.note));
        }
    });
}

void CardsPanel::look_up() {
    const std::string typed = to_utf8(card_number_->GetValue().Trim().Trim(false));
    if (typed.empty()) return;
    run_or_show_error(this, [&] {
        const CardStatus s = services_->cards.status(actor_, typed);
        shown_card_ = s.card.number;
        wxString facts = wxString::Format(_("Card %s: %s, face value %s, batch %s"), to_wx(group_card_number(s.card.number)),
                                          card_state_label(s.card.state), to_wx(s.card.face_value.to_display()),
                                          to_wx(s.card.batch_code));
        if (!s.card.member_number.empty()) facts += wxString::Format(_(", loaded into member %s"), to_wx(s.card.member_number));
        if (s.card.wrong_pins > 0) facts += wxString::Format(_(", %d wrong PINs"), s.card.wrong_pins);
        card_facts_->SetLabel(facts);
        card_events_->DeleteAllItems();
        for (const CardEvent& e : s.events) {
            const long row = card_events_->InsertItem(card_events_->GetItemCount(), to_wx(display_business_time(e.at)));
            card_events_->SetItem(row, 1, e.from ? card_state_label(*e.from) : wxString());
            card_events_->SetItem(row, 2, card_state_label(e.to));
            card_events_->SetItem(row, 3, to_wx(e.actor));
            card_events_->SetItem(row, 4, to_wx(e.reason));
        }
        const bool may_block = role_may(actor_.role, Action::BlockCards);
        block_->Enable(may_block && s.card.state != CardState::Blocked && s.card.state != CardState::Closed &&
                       s.card.state != CardState::Expired);
        unblock_->Enable(may_block && s.card.state == CardState::Blocked);
        close_->Enable(role_may(actor_.role, Action::ManageCardBatches) && s.card.state != CardState::Closed &&
                       s.card.state != CardState::Expired);
        Layout();
    });
}

void CardsPanel::on_block(bool block) {
    if (shown_card_.empty()) return;
    FormDialog dialog(this, block ? _("Block the card") : _("Unblock the card"),
                      to_wx(group_card_number(shown_card_)), {{_("Reason:"), ""}},
                      [&](const std::vector<std::string>& v) {
                          if (block) services_->cards.block(actor_, shown_card_, v[0]);
                          else services_->cards.unblock(actor_, shown_card_, v[0]);
                      });
    if (dialog.ShowModal() != wxID_OK) return;
    look_up();
    reload_batches();
}

void CardsPanel::on_close() {
    if (shown_card_.empty()) return;
    FormDialog dialog(this, _("Close the card"),
                      wxString::Format(_("Card %s will be closed for good: it can never be activated or unblocked again."),
                                       to_wx(group_card_number(shown_card_))),
                      {{_("Reason:"), ""}},
                      [&](const std::vector<std::string>& v) { services_->cards.close(actor_, shown_card_, v[0]); });
    if (dialog.ShowModal() != wxID_OK) return;
    look_up();
    reload_batches();
}

void CardsPanel::on_expire_unused() {
    // Preview first: the user sees how many cards the run will touch before anything is written.
    std::vector<Card> due;
    if (!run_or_show_error(this, [&] { due = services_->cards.expire_unused(actor_, true); })) return;
    if (due.empty()) {
        wxMessageBox(_("No card is past its last activation day."), _("Expire unused cards"), wxOK | wxICON_INFORMATION,
                     this);
        return;
    }
    const wxString question = wxString::Format(
        _("%zu never-activated cards are past their batch's last activation day (first %s). Mark them expired?"),
        due.size(), to_wx(group_card_number(due.front().number)));
    if (wxMessageBox(question, _("Expire unused cards"), wxYES_NO | wxICON_QUESTION, this) != wxYES) return;
    std::size_t expired = 0;
    if (!run_or_show_error(this, [&] { expired = services_->cards.expire_unused(actor_, false).size(); })) return;
    reload_batches();
    wxMessageBox(wxString::Format(_("%zu cards expired."), expired), _("Expire unused cards"), wxOK | wxICON_INFORMATION,
                 this);
}

void CardsPanel::on_new_batch(wxCommandEvent&) {
    wxString on_sale;
    run_or_show_error(this, [&] {
        for (const Denomination& d : services_->program.program_as_of(actor_, services_->program.today()).denominations)
            if (d.on_sale) on_sale += (on_sale.empty() ? "" : ", ") + to_wx(d.face_value.to_string());
    });
    const wxString folder = wxStandardPaths::Get().GetDocumentsDir();
    std::string written;
    FormDialog dialog(
        this, _("New card batch"),
        _("Every card gets a number with a check digit and a random PIN. The PINs are written once, to the PIN file "
          "and the printable card sheet, and kept only as hashes: store both files safely."),
        {{_("Face value (yuan):"), "", wxString::Format(_("On sale today: %s"), on_sale)},
         {_("Number of cards:"), "100"},
         {_("Last activation day:"), "", _("YYYY-MM-DD; empty: no limit")},
         {_("Note:"), ""},
         {_("PIN file (CSV):"), wxFileName(folder, "card-pins.csv").GetFullPath()},
         {_("Card sheet (PDF):"), wxFileName(folder, "card-sheet.pdf").GetFullPath()}},
        [&](const std::vector<std::string>& v) {
            BatchRequest r;
            r.face_value = Money::parse(v[0], "face_value");
            if (v[1].empty() || v[1].size() > 6 || v[1].find_first_not_of("0123456789") != std::string::npos)
                throw ValidationError("quantity", v[1], subst(tr("quantity: \"{0}\" is not a number of cards"), {v[1]}));
            r.quantity = std::stoi(v[1]);
            if (!v[2].empty()) r.expires_on = parse_date(v[2], "expires_on");
            r.note = v[3];
            const CardBatch made = services_->cards.create_batch(
                actor_, r, [&](const CardBatch& batch, const std::vector<IssuedCard>& cards) {
                    std::ofstream out(v[4], std::ios::binary | std::ios::trunc);
                    if (!out) throw StorageError(subst(tr("pins: cannot create \"{0}\""), {v[4]}));
                    report::write_pin_file(*report::csv_table_writer(out, report::Header::Keys), batch, cards);
                    report::write_card_sheet_pdf(v[5], batch, cards);
                });
            written = made.code;
        });
    if (dialog.ShowModal() != wxID_OK) return;
    reload_batches();
    wxMessageBox(wxString::Format(_("Batch %s created. Its PINs are in the PIN file and on the card sheet, and nowhere else."),
                                  to_wx(written)),
                 _("New card batch"), wxOK | wxICON_INFORMATION, this);
}

}  // namespace md::views

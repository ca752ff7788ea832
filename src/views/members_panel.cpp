#include "views/members_panel.h"

#include "models/errors.h"
#include "models/role.h"
#include "services/services.h"
#include "views/error_dialog.h"
#include "views/member_list_ctrl.h"
#include "views/member_window.h"
#include "views/new_member_dialog.h"
#include "views/wx_text.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace md::views {
namespace {

// Long enough that a person typing "13800138000" triggers one search, not eleven; short
// enough that the list still feels like it follows the keyboard.
constexpr int kDebounceMs = 150;
constexpr int kMostHits = 50;

wxString empty_query_hint() {
    return _("Type a member number, mobile, last 4 digits, name, pinyin initials or e-mail.");
}

}  // namespace

MembersPanel::MembersPanel(wxWindow* parent, std::shared_ptr<Services> services, Actor actor)
    : wxPanel(parent), services_(std::move(services)), actor_(std::move(actor)), debounce_(this) {
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, _("Find a member"));
    title->SetFont(title->GetFont().Bold());
    sizer->Add(title, 0, wxALL, gap);

    auto* row = new wxBoxSizer(wxHORIZONTAL);
    query_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    query_->SetHint(_("Number, mobile, last 4 digits, name, pinyin initials or e-mail"));
    row->Add(query_, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    new_member_ = new wxButton(this, wxID_ANY, _("New member…"));
    row->Add(new_member_, 0, wxALIGN_CENTER_VERTICAL);
    sizer->Add(row, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);

    summary_ = new wxStaticText(this, wxID_ANY, empty_query_hint());
    sizer->Add(summary_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    list_ = new MemberListCtrl(this);
    sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    SetSizer(sizer);

    // The button follows the permission table; the service checks the call anyway.
    if (!role_may(actor_.role, Action::ManageMembers)) {
        new_member_->Disable();
        new_member_->SetToolTip(_("Your role may look members up but not register them."));
    }

    query_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { debounce_.StartOnce(kDebounceMs); });
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { search_now(); }, debounce_.GetId());
    query_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) {
        debounce_.Stop();
        search_now();
        open_chosen();
    });
    // Down from the box walks into the hits, as in a browser's address bar.
    query_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& event) {
        if (event.GetKeyCode() == WXK_DOWN && list_->row_count() > 0) {
            list_->SetFocus();
            list_->select_row(0);
        } else {
            event.Skip();
        }
    });
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { open_chosen(); });
    new_member_->Bind(wxEVT_BUTTON, &MembersPanel::on_new_member, this);
}

void MembersPanel::search_now() {
    const std::string query = to_utf8(query_->GetValue().Strip(wxString::both));
    if (query == shown_query_) return;
    shown_query_ = query;
    if (query.empty()) {
        list_->show_rows(nullptr);
        summary_->SetLabel(empty_query_hint());
        return;
    }
    try {
        auto hits = std::make_shared<SearchHits>(services_->members.find(actor_, query, kMostHits));
        const long count = hits->size();
        list_->show_rows(hits);
        if (count > 0) list_->select_row(0);
        if (count == 0)
            summary_->SetLabel(wxString::Format(_("No member matches “%s”."), to_wx(query)));
        else if (count >= kMostHits)
            summary_->SetLabel(wxString::Format(_("The best %ld matches; type more to narrow them."), count));
        else
            summary_->SetLabel(wxString::Format(_("Members found: %ld. Enter or a double-click opens the selected one."), count));
    } catch (const std::exception& e) {
        // While typing, a message box per keystroke would be worse than the problem: the
        // reason goes on the summary line instead.
        list_->show_rows(nullptr);
        summary_->SetLabel(to_wx(e.what()));
    }
}

void MembersPanel::open_chosen() {
    if (auto number = list_->chosen_number()) open_member(*number);
}

void MembersPanel::open_member(const std::string& number) {
    MemberWindow::open(this, services_, actor_, number, [this] {
        // A saved edit may change what the hits show (or whether they match at all).
        shown_query_.clear();
        search_now();
    });
}

void MembersPanel::on_new_member(wxCommandEvent&) {
    NewMemberDialog dialog(this, [this](const MemberInput& input) { return services_->members.add(actor_, input).member.number; });
    if (dialog.ShowModal() == wxID_OK) open_member(dialog.added_number());
}

}  // namespace md::views

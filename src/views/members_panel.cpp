#include "views/members_panel.h"

#include "models/errors.h"
#include "models/role.h"
#include "services/services.h"
#include "views/error_dialog.h"
#include "views/member_labels.h"
#include "views/member_list_ctrl.h"
#include "views/member_pages.h"
#include "views/member_window.h"
#include "views/new_member_dialog.h"
#include "views/wx_text.h"

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace md::views {
namespace {

// Long enough that a person typing "13800138000" triggers one search, not eleven; short
// enough that the list still feels like it follows the keyboard.
constexpr int kDebounceMs = 150;
constexpr int kMostHits = 50;

// The benchmark's hook (bench/run_member_list.sh): with MEMBERDESK_LIST_TIMING_LOG set, how long
// the list took from asking to its first rows painted, then to its last row painted after a jump
// to the end (End, or the scrollbar dragged down), and the process's resident memory each time.
bool list_timing_wanted() { return std::getenv("MEMBERDESK_LIST_TIMING_LOG") != nullptr; }

void log_list_timing(const char* what, std::chrono::steady_clock::time_point started, long count) {
    const char* path = std::getenv("MEMBERDESK_LIST_TIMING_LOG");
    if (!path) return;
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    long rss_kb = 0;
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmRSS:", 0) == 0) rss_kb = std::atol(line.c_str() + 6);
    std::ofstream(path, std::ios::app) << what << "_ms=" << ms << " rows=" << count << " rss_kb=" << rss_kb << "\n";
}

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
    new_member_ = new wxButton(this, wxID_ANY, _("&New member…"));
    row->Add(new_member_, 0, wxALIGN_CENTER_VERTICAL);
    sizer->Add(row, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);

    // Filters of the whole list; hidden while the box holds a search.
    filters_ = new wxPanel(this);
    auto* filter_row = new wxBoxSizer(wxHORIZONTAL);
    filter_row->Add(new wxStaticText(filters_, wxID_ANY, _("Show:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(4));
    state_ = new wxChoice(filters_, wxID_ANY);
    state_->Append(_("All states"));
    for (const auto& l : lifecycle_labels()) state_->Append(wxGetTranslation(wxString::FromUTF8(l.msgid)));
    state_->SetSelection(0);
    filter_row->Add(state_, 0, wxRIGHT, FromDIP(4));
    type_ = new wxChoice(filters_, wxID_ANY);
    type_->Append(_("All types"));
    for (const auto& l : member_type_labels()) type_->Append(wxGetTranslation(wxString::FromUTF8(l.msgid)));
    type_->SetSelection(0);
    filter_row->Add(type_, 0, wxRIGHT, FromDIP(4));
    store_ = new wxTextCtrl(filters_, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(140, -1)), wxTE_PROCESS_ENTER);
    store_->SetHint(_("Home store"));
    filter_row->Add(store_, 0, wxRIGHT, FromDIP(4));
    tag_ = new wxTextCtrl(filters_, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(100, -1)), wxTE_PROCESS_ENTER);
    tag_->SetHint(_("Tag"));
    filter_row->Add(tag_, 0);
    filters_->SetSizer(filter_row);
    sizer->Add(filters_, 0, wxLEFT | wxRIGHT | wxBOTTOM, gap);

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
    list_->Bind(wxEVT_LIST_COL_CLICK, [this](wxListEvent& e) { on_column_click(e.GetColumn()); });
    auto refilter = [this](wxCommandEvent&) { show_all(); };
    state_->Bind(wxEVT_CHOICE, refilter);
    type_->Bind(wxEVT_CHOICE, refilter);
    store_->Bind(wxEVT_TEXT_ENTER, refilter);
    tag_->Bind(wxEVT_TEXT_ENTER, refilter);
    show_all();
    new_member_->Bind(wxEVT_BUTTON, &MembersPanel::on_new_member, this);
}

void MembersPanel::focus_search() {
    query_->SetFocus();
    query_->SelectAll();
}

void MembersPanel::search_now() {
    const std::string query = to_utf8(query_->GetValue().Strip(wxString::both));
    if (query == shown_query_) return;
    shown_query_ = query;
    if (query.empty()) {
        show_all();
        return;
    }
    if (filters_->IsShown()) {
        filters_->Hide();
        Layout();
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

void MembersPanel::show_all() {
    if (!filters_->IsShown()) {
        filters_->Show();
        Layout();
    }
    MemberListQuery q;
    if (state_->GetSelection() > 0) q.state = lifecycle_labels().at(static_cast<std::size_t>(state_->GetSelection() - 1)).value;
    if (type_->GetSelection() > 0) q.type = member_type_labels().at(static_cast<std::size_t>(type_->GetSelection() - 1)).value;
    q.home_store = to_utf8(store_->GetValue().Strip(wxString::both));
    q.tag = to_utf8(tag_->GetValue().Strip(wxString::both));
    q.sort = sort_;
    q.descending = descending_;
    const auto started = std::chrono::steady_clock::now();
    try {
        auto rows = std::make_shared<MemberPages>(services_, actor_, q);
        const long count = rows->size();
        list_->show_rows(rows);
        summary_->SetLabel(count == 0 ? _("No member matches these filters.")
                                      : wxString::Format(_("%s members. Click a column to sort; type above to search."),
                                                         wxString::Format("%ld", count)));
        list_->Update();  // paint now: the first rows are read while painting
        log_list_timing("first_rows", started, count);
        if (list_timing_wanted() && count > 0)
            CallAfter([this, count] {
                const auto jumped = std::chrono::steady_clock::now();
                list_->select_row(count - 1);
                list_->Update();
                log_list_timing("last_row", jumped, count);
            });
    } catch (const std::exception& e) {
        list_->show_rows(nullptr);
        summary_->SetLabel(to_wx(e.what()));
    }
}

void MembersPanel::on_column_click(int column) {
    if (!to_utf8(query_->GetValue().Strip(wxString::both)).empty()) return;  // search hits keep their ranking
    MemberSort sort = sort_;
    switch (column) {
        case 0: sort = MemberSort::Number; break;
        case 1: sort = MemberSort::Name; break;
        case 6: sort = MemberSort::HomeStore; break;
        case 7: sort = MemberSort::State; break;
        default: return;  // the other columns have no index to sort a million rows by
    }
    descending_ = sort == sort_ ? !descending_ : false;
    sort_ = sort;
    show_all();
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

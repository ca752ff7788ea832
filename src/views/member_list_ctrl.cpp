#include "views/member_list_ctrl.h"

#include "views/member_labels.h"
#include "views/wx_text.h"

#include <algorithm>

namespace md::views {
namespace {

enum Column { ColNumber, ColName, ColMobile, ColEmail, ColType, ColChannel, ColStore, ColState, ColMatchedBy };

}  // namespace

MemberListCtrl::MemberListCtrl(wxWindow* parent)
    : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL) {
    AppendColumn(_("Member number"), wxLIST_FORMAT_LEFT, FromDIP(120));
    AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, FromDIP(80));
    AppendColumn(_("Mobile"), wxLIST_FORMAT_LEFT, FromDIP(110));
    AppendColumn(_("E-mail"), wxLIST_FORMAT_LEFT, FromDIP(180));
    AppendColumn(_("Type"), wxLIST_FORMAT_LEFT, FromDIP(110));
    AppendColumn(_("Channel"), wxLIST_FORMAT_LEFT, FromDIP(65));
    AppendColumn(_("Home store"), wxLIST_FORMAT_LEFT, FromDIP(100));
    AppendColumn(_("State"), wxLIST_FORMAT_LEFT, FromDIP(85));
    AppendColumn(_("Matched by"), wxLIST_FORMAT_LEFT, FromDIP(120));
    // E-mail addresses vary most in length; they get whatever width the other columns leave.
    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        int others = 0;
        for (int column = ColNumber; column <= ColMatchedBy; ++column)
            if (column != ColEmail) others += GetColumnWidth(column);
        SetColumnWidth(ColEmail, std::max(FromDIP(150), GetClientSize().x - others));
    });
}

void MemberListCtrl::show_rows(std::shared_ptr<const MemberRows> rows) {
    rows_ = std::move(rows);
    SetItemCount(row_count());
    Refresh();
}

std::optional<std::string> MemberListCtrl::chosen_number() const {
    long row = GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (row < 0) row = GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_FOCUSED);
    if (row < 0 || row >= row_count()) return std::nullopt;
    return rows_->record(row).member.number;
}

void MemberListCtrl::select_row(long row) {
    if (row < 0 || row >= row_count()) return;
    SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    EnsureVisible(row);
}

wxString MemberListCtrl::OnGetItemText(long item, long column) const {
    if (item < 0 || item >= row_count()) return wxString();
    const MemberRecord& record = rows_->record(item);
    const Member& m = record.member;
    switch (column) {
        case ColNumber: return to_wx(m.number);
        case ColName: return to_wx(m.name);
        case ColMobile: return mobile_text(m, record.masked);
        case ColEmail: return to_wx(m.email);
        case ColType:
            return m.type == MemberType::Group && !m.company.empty()
                       ? label_of(member_type_labels(), m.type) + " (" + to_wx(m.company) + ")"
                       : label_of(member_type_labels(), m.type);
        case ColChannel: return label_of(channel_labels(), m.channel);
        case ColStore: return to_wx(m.home_store);
        case ColState: return label_of(lifecycle_labels(), m.state);
        case ColMatchedBy: {
            const std::string how = rows_->matched_by(item);
            return how.empty() ? wxString() : code_label(matched_by_labels(), how);
        }
    }
    return wxString();
}

}  // namespace md::views

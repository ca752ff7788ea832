#include "views/complaint_policy_page.h"

#include "models/errors.h"
#include "models/translate.h"
#include "views/complaint_labels.h"
#include "views/error_dialog.h"
#include "views/wx_text.h"

#include <cstdio>
#include <wx/grid.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace md::views {
namespace {

// Target columns: standard response, standard resolution, premium response, premium resolution.
constexpr MemberClass kColumnClass[] = {MemberClass::Standard, MemberClass::Standard, MemberClass::Premium, MemberClass::Premium};
constexpr bool kColumnIsResponse[] = {true, false, true, false};

std::string cell(const wxGrid* grid, int row, int col) { return to_utf8(grid->GetCellValue(row, col).Strip(wxString::both)); }

std::int64_t whole_number(const std::string& text, const std::string& field) {
    std::int64_t value = 0;
    char tail = 0;
    if (text.empty() || std::sscanf(text.c_str(), "%lld%c", reinterpret_cast<long long*>(&value), &tail) != 1 || value < 0)
        throw ValidationError(field, text, subst(tr("{0}: \"{1}\" is not a whole number of 0 or more"), {field, text}));
    return value;
}

}  // namespace

std::int64_t parse_business_duration(const std::string& text, const std::string& field) {
    long long hours = -1;
    int minutes = -1;
    char tail = 0;
    if (std::sscanf(text.c_str(), "%lld:%2d%c", &hours, &minutes, &tail) != 2 || hours < 0 || minutes < 0 || minutes > 59 ||
        text.size() < 4 || text[text.size() - 3] != ':')
        throw ValidationError(field, text,
                              subst(tr("{0}: \"{1}\" is not business hours and minutes H:MM (e.g. 2:00, 27:00)"), {field, text}));
    return hours * 60 + minutes;
}

std::string format_business_duration(std::int64_t minutes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%lld:%02lld", static_cast<long long>(minutes / 60), static_cast<long long>(minutes % 60));
    return buf;
}

ComplaintPolicyPage::ComplaintPolicyPage(wxWindow* parent, Proposer& proposer) : ProgramPage(parent, proposer) {
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    none_ = new wxStaticText(this, wxID_ANY, _("No complaint policy has been approved; the built-in one below is in use."));
    sizer->Add(none_, 0, wxALL, gap);

    auto* targets_box = new wxStaticBoxSizer(wxVERTICAL, this, _("Deadlines (business hours H:MM, counted on the desk calendar)"));
    targets_ = new wxGrid(targets_box->GetStaticBox(), wxID_ANY);
    targets_->CreateGrid(static_cast<int>(complaint_severity_labels().size()), 4);
    targets_->SetColLabelValue(0, _("Standard member\nrespond within"));
    targets_->SetColLabelValue(1, _("Standard member\nresolve within"));
    targets_->SetColLabelValue(2, _("Premium member\nrespond within"));
    targets_->SetColLabelValue(3, _("Premium member\nresolve within"));
    for (int row = 0; row < targets_->GetNumberRows(); ++row)
        targets_->SetRowLabelValue(row, translated(complaint_severity_labels()[row].msgid));
    targets_->SetRowLabelSize(FromDIP(90));
    targets_->SetColLabelSize(FromDIP(44));  // two-line headings
    for (int col = 0; col < 4; ++col) targets_->SetColSize(col, FromDIP(150));
    targets_box->Add(targets_, 0, wxALL, gap);
    auto* targets_note = new wxStaticText(targets_box->GetStaticBox(), wxID_ANY,
                                          _("A default working day is 9:00 of business time. Premium members (the premium "
                                            "ladder) may not wait longer than standard members. Waiting for the customer "
                                            "stops the clock."));
    targets_note->Wrap(FromDIP(700));
    targets_box->Add(targets_note, 0, wxALL, gap);
    sizer->Add(targets_box, 0, wxALL, gap);

    auto* limits = new wxFlexGridSizer(3, FromDIP(6), FromDIP(8));
    auto spin_row = [&](const wxString& label, int low, int high, const wxString& hint) {
        limits->Add(new wxStaticText(this, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
        auto* field = new wxSpinCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(110, -1)),
                                     wxSP_ARROW_KEYS, low, high, low);
        limits->Add(field, 0);
        limits->Add(new wxStaticText(this, wxID_ANY, hint), 0, wxALIGN_CENTER_VERTICAL);
        return field;
    };
    near_pct_ = spin_row(_("Near the deadline at (%):"), 1, 99, _("of the target left, rounded up to the minute"));
    reopen_days_ = spin_row(_("Reopen window (days):"), 1, 365, _("after closing, inclusive"));
    limits->Add(new wxStaticText(this, wxID_ANY, _("Compensation budget a month (yuan):")), 0, wxALIGN_CENTER_VERTICAL);
    budget_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(110, -1)));
    limits->Add(budget_, 0);
    limits->Add(new wxStaticText(this, wxID_ANY, _("coins at their redemption value; the complaints report compares it with "
                                                   "what was granted")),
                0, wxALIGN_CENTER_VERTICAL);
    sizer->Add(limits, 0, wxALL, gap);

    auto* caps_box = new wxStaticBoxSizer(wxVERTICAL, this, _("Compensation caps per role"));
    caps_ = new wxGrid(caps_box->GetStaticBox(), wxID_ANY);
    caps_->CreateGrid(static_cast<int>(all_roles().size()), 4);
    caps_->SetColLabelValue(0, _("Coins\nper ticket"));
    caps_->SetColLabelValue(1, _("Coins\nper month"));
    caps_->SetColLabelValue(2, _("Stored value\nper ticket (yuan)"));
    caps_->SetColLabelValue(3, _("Stored value\nper month (yuan)"));
    for (std::size_t row = 0; row < all_roles().size(); ++row)
        caps_->SetRowLabelValue(static_cast<int>(row), to_wx(role_label(all_roles()[row])));
    caps_->SetRowLabelSize(FromDIP(190));
    caps_->SetColLabelSize(FromDIP(44));
    for (int col = 0; col < 4; ++col) caps_->SetColSize(col, FromDIP(150));
    caps_box->Add(caps_, 0, wxALL, gap);
    auto* caps_note = new wxStaticText(caps_box->GetStaticBox(), wxID_ANY,
                                       _("Per ticket: everything granted on the ticket, by anyone, with the new grant. "
                                         "Per month: everything the user granted this month. Reaching a cap exactly is "
                                         "within it; above it, an approver decides."));
    caps_note->Wrap(FromDIP(700));
    caps_box->Add(caps_note, 0, wxALL, gap);
    sizer->Add(caps_box, 0, wxALL, gap);

    sizer->AddStretchSpacer();
    sizer->Add(discard_and_propose(
                   [this] {
                       Program p;
                       p.complaint_policy = shown_;
                       show(p);
                       none_->Hide();
                   },
                   [this] { on_propose(); }),
               0, wxEXPAND | wxALL, gap);
    SetSizer(sizer);
}

void ComplaintPolicyPage::show(const Program& program) {
    none_->Show(!program.complaint_policy);
    shown_ = program.complaint_policy.value_or(default_complaint_policy());
    for (int row = 0; row < targets_->GetNumberRows(); ++row)
        for (int col = 0; col < 4; ++col) {
            const ComplaintSeverity severity = complaint_severity_labels()[row].value;
            std::string text;
            for (const DeadlineTarget& t : shown_.targets)
                if (t.severity == severity && t.member_class == kColumnClass[col])
                    text = format_business_duration(kColumnIsResponse[col] ? t.response_minutes : t.resolution_minutes);
            targets_->SetCellValue(row, col, to_wx(text));
        }
    near_pct_->SetValue(shown_.near_deadline_pct);
    reopen_days_->SetValue(shown_.reopen_window_days);
    budget_->ChangeValue(to_wx(shown_.compensation_budget_per_month.to_string()));
    for (std::size_t row = 0; row < all_roles().size(); ++row) {
        const CompensationCap cap = cap_for(shown_, all_roles()[row]);
        const int r = static_cast<int>(row);
        caps_->SetCellValue(r, 0, wxString::Format("%lld", static_cast<long long>(cap.coins_per_ticket)));
        caps_->SetCellValue(r, 1, wxString::Format("%lld", static_cast<long long>(cap.coins_per_month)));
        caps_->SetCellValue(r, 2, to_wx(cap.stored_value_per_ticket.to_string()));
        caps_->SetCellValue(r, 3, to_wx(cap.stored_value_per_month.to_string()));
    }
    Layout();
}

ComplaintPolicy ComplaintPolicyPage::read() const {
    ComplaintPolicy policy;
    for (int row = 0; row < targets_->GetNumberRows(); ++row) {
        const ComplaintSeverity severity = complaint_severity_labels()[row].value;
        for (MemberClass member_class : {MemberClass::Standard, MemberClass::Premium}) {
            const int col = member_class == MemberClass::Standard ? 0 : 2;
            const std::string field = "policy.targets." + complaint_severity_code(severity) + "." + member_class_code(member_class);
            policy.targets.push_back({severity, member_class,
                                      parse_business_duration(cell(targets_, row, col), field + ".response"),
                                      parse_business_duration(cell(targets_, row, col + 1), field + ".resolution")});
        }
    }
    policy.near_deadline_pct = near_pct_->GetValue();
    policy.reopen_window_days = reopen_days_->GetValue();
    policy.compensation_budget_per_month = Money::parse(to_utf8(budget_->GetValue().Strip(wxString::both)),
                                                        "policy.compensation_budget_per_month");
    for (std::size_t row = 0; row < all_roles().size(); ++row) {
        const int r = static_cast<int>(row);
        const std::string field = "policy.caps." + role_code(all_roles()[row]);
        CompensationCap cap;
        cap.role = all_roles()[row];
        cap.coins_per_ticket = whole_number(cell(caps_, r, 0), field + ".coins_per_ticket");
        cap.coins_per_month = whole_number(cell(caps_, r, 1), field + ".coins_per_month");
        cap.stored_value_per_ticket = Money::parse(cell(caps_, r, 2), field + ".stored_value_per_ticket");
        cap.stored_value_per_month = Money::parse(cell(caps_, r, 3), field + ".stored_value_per_month");
        // A role with no caps at all needs no row: everything it grants goes to an approver.
        if (!(cap == CompensationCap{cap.role})) policy.caps.push_back(cap);
    }
    validate(policy);
    return policy;
}

std::optional<ItemRef> ComplaintPolicyPage::selected_item() const {
    return ItemRef{ChangeKind::ComplaintPolicy, "default", _("Complaint deadlines and caps")};
}

void ComplaintPolicyPage::on_propose() {
    ComplaintPolicy policy;
    if (!run_or_show_error(this, [&] { policy = read(); })) return;
    proposer_.propose(ChangeKind::ComplaintPolicy, item_json(policy), _("Complaint deadlines and caps"));
}

}  // namespace md::views

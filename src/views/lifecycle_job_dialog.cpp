#include "views/lifecycle_job_dialog.h"

#include "models/date_text.h"
#include "services/services.h"
#include "views/date_columns.h"
#include "views/error_dialog.h"
#include "views/member_labels.h"
#include "views/wx_text.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

namespace md::views {

LifecycleJobDialog::LifecycleJobDialog(wxWindow* parent, std::shared_ptr<Services> services, Actor actor)
    : wxDialog(parent, wxID_ANY, _("Lifecycle job"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      services_(std::move(services)), actor_(std::move(actor)) {
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* hint = new wxStaticText(this, wxID_ANY,
                                  _("Re-evaluates every member's state on a day under the lifecycle thresholds in force "
                                    "that day. Preview first: it changes nothing. Each move is kept in the member's history."));
    hint->Wrap(FromDIP(560));
    sizer->Add(hint, 0, wxALL, gap);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(new wxStaticText(this, wxID_ANY, _("As of:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(4));
    date_ = new wxTextCtrl(this, wxID_ANY, to_wx(format_date(services_->program.today())), wxDefaultPosition,
                           FromDIP(wxSize(110, -1)), wxTE_PROCESS_ENTER);
    row->Add(date_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    auto* preview = new wxButton(this, wxID_ANY, _("&Preview"));
    row->Add(preview, 0, wxRIGHT, FromDIP(4));
    run_ = new wxButton(this, wxID_ANY, _("&Run"));
    run_->Disable();
    run_->SetToolTip(_("Preview the day first; Run then makes exactly those moves."));
    row->Add(run_, 0);
    sizer->Add(row, 0, wxLEFT | wxRIGHT | wxBOTTOM, gap);
    summary_ = new wxStaticText(this, wxID_ANY, wxString());
    sizer->Add(summary_, 0, wxLEFT | wxRIGHT | wxBOTTOM, gap);
    moves_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(560, 150)), wxLC_REPORT | wxLC_SINGLE_SEL);
    moves_->AppendColumn(_("From"), wxLIST_FORMAT_LEFT, FromDIP(180));
    moves_->AppendColumn(_("To"), wxLIST_FORMAT_LEFT, FromDIP(180));
    moves_->AppendColumn(_("Members"), wxLIST_FORMAT_RIGHT, FromDIP(120));
    sizer->Add(moves_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    auto* log_title = new wxStaticText(this, wxID_ANY, _("Run log"));
    log_title->SetFont(log_title->GetFont().Bold());
    log_title->SetInitialSize();
    sizer->Add(log_title, 0, wxLEFT | wxRIGHT, gap);
    runs_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(560, 130)), wxLC_REPORT | wxLC_SINGLE_SEL);
    runs_->AppendColumn(_("Run"), wxLIST_FORMAT_RIGHT, FromDIP(50));
    runs_->AppendColumn(_("As of"), wxLIST_FORMAT_LEFT, date_column_width(this));
    runs_->AppendColumn(_("Changed"), wxLIST_FORMAT_RIGHT, FromDIP(90));
    runs_->AppendColumn(_("Evaluated"), wxLIST_FORMAT_RIGHT, FromDIP(90));
    runs_->AppendColumn(_("Run by"), wxLIST_FORMAT_LEFT, FromDIP(90));
    runs_->AppendColumn(_("At"), wxLIST_FORMAT_LEFT, time_column_width(this));
    sizer->Add(runs_, 1, wxEXPAND | wxALL, gap);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    buttons->Add(new wxButton(this, wxID_CANCEL, _("Close")), 0);
    sizer->Add(buttons, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    SetSizerAndFit(sizer);

    preview->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_preview(); });
    date_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { on_preview(); });
    // A changed date needs its own preview before it can be run.
    date_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
        previewed_.reset();
        run_->Disable();
    });
    run_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_run(); });
    show_runs();
}

std::optional<Date> LifecycleJobDialog::as_of() const {
    std::optional<Date> day;
    run_or_show_error(const_cast<LifecycleJobDialog*>(this),
                      [&] { day = parse_date(to_utf8(date_->GetValue().Strip(wxString::both)), "as_of"); });
    return day;
}

void LifecycleJobDialog::show_plan(const LifecyclePlan& plan, bool ran) {
    const wxString counts = wxString::Format(_("%lld members on %s; %lld change state (dormant after %d days, lapsed after %d)."),
                                             plan.evaluated, to_wx(display_date(plan.as_of)), plan.changed(),
                                             plan.rule.dormant_after_days, plan.rule.lapsed_after_days);
    summary_->SetLabel(ran ? _("Done. ") + counts : counts);
    summary_->Wrap(FromDIP(560));
    moves_->DeleteAllItems();
    long row = 0;
    for (const auto& [fromto, n] : plan.moves) {
        moves_->InsertItem(row, label_of(lifecycle_labels(), fromto.first));
        moves_->SetItem(row, 1, label_of(lifecycle_labels(), fromto.second));
        moves_->SetItem(row, 2, wxString::Format("%lld", n));
        ++row;
    }
    Fit();  // the summary may have grown a line
    Layout();
}

void LifecycleJobDialog::show_runs() {
    runs_->DeleteAllItems();
    run_or_show_error(this, [this] {
        long row = 0;
        for (const LifecycleRun& r : services_->lifecycle.runs(actor_, 20)) {
            runs_->InsertItem(row, wxString::Format("%lld", static_cast<long long>(r.id)));
            runs_->SetItem(row, 1, to_wx(display_date(r.as_of)));
            runs_->SetItem(row, 2, wxString::Format("%lld", r.changed));
            runs_->SetItem(row, 3, wxString::Format("%lld", r.evaluated));
            runs_->SetItem(row, 4, to_wx(r.run_by));
            runs_->SetItem(row, 5, to_wx(display_business_time(r.run_at)));
            ++row;
        }
    });
}

void LifecycleJobDialog::on_preview() {
    const auto day = as_of();
    if (!day) return;
    wxBusyCursor busy;  // every member is read: a moment on a large registry
    run_or_show_error(this, [&] {
        show_plan(services_->lifecycle.preview(actor_, *day), false);
        previewed_ = day;
        run_->Enable(role_may(actor_.role, Action::RunLifecycle));
        if (run_->IsEnabled()) run_->SetFocus();  // the next step: Enter runs what was previewed
    });
}

void LifecycleJobDialog::on_run() {
    if (!previewed_) return;
    wxBusyCursor busy;
    run_or_show_error(this, [&] {
        const LifecycleRunResult result = services_->lifecycle.run(actor_, *previewed_);
        show_plan(result.plan, true);
        run_->Disable();  // the same day again would change nothing
        previewed_.reset();
    });
    show_runs();
    runs_->SetFocus();  // a disabled Run button cannot keep it; the new run is listed there
}

}  // namespace md::views

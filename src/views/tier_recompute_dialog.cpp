#include "views/tier_recompute_dialog.h"

#include "models/date_text.h"
#include "services/services.h"
#include "views/date_columns.h"
#include "views/error_dialog.h"
#include "views/program_labels.h"
#include "views/wx_text.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/progdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

namespace md::views {
namespace {

wxString run_state(const TierRun& run) {
    return run.state == "finished" ? _("finished") : _("paused: can be resumed");
}

}  // namespace

TierRecomputeDialog::TierRecomputeDialog(wxWindow* parent, std::shared_ptr<Services> services, Actor actor)
    : wxDialog(parent, wxID_ANY, _("Recompute tiers"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      services_(std::move(services)), actor_(std::move(actor)) {
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* hint = new wxStaticText(this, wxID_ANY,
                                  _("Evaluates every member's tiers on a day under the ladders in force that day. Preview "
                                    "first: it changes nothing. A run commits a batch of members at a time; Cancel pauses "
                                    "it, and Resume carries on from the last batch."));
    hint->Wrap(FromDIP(600));
    sizer->Add(hint, 0, wxALL, gap);
    auto* grid = new wxFlexGridSizer(2, FromDIP(6), FromDIP(8));
    grid->AddGrowableCol(1);
    grid->Add(new wxStaticText(this, wxID_ANY, _("As of:")), 0, wxALIGN_CENTER_VERTICAL);
    date_ = new wxTextCtrl(this, wxID_ANY, to_wx(format_date(services_->program.today())), wxDefaultPosition,
                           FromDIP(wxSize(110, -1)), wxTE_PROCESS_ENTER);
    grid->Add(date_, 0);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Purpose:")), 0, wxALIGN_CENTER_VERTICAL);
    purpose_ = new wxTextCtrl(this, wxID_ANY);
    purpose_->SetHint(_("e.g. new ladder version, end of the window"));
    grid->Add(purpose_, 1, wxEXPAND);
    sizer->Add(grid, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    auto* preview = new wxButton(this, wxID_ANY, _("&Preview"));
    row->Add(preview, 0, wxRIGHT, FromDIP(4));
    run_ = new wxButton(this, wxID_ANY, _("&Run"));
    run_->Disable();
    run_->SetToolTip(_("Preview the day first; Run then evaluates every member as of that day."));
    row->Add(run_, 0);
    sizer->Add(row, 0, wxLEFT | wxRIGHT | wxBOTTOM, gap);
    summary_ = new wxStaticText(this, wxID_ANY, wxString());
    sizer->Add(summary_, 0, wxLEFT | wxRIGHT | wxBOTTOM, gap);
    counts_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(600, 150)), wxLC_REPORT | wxLC_SINGLE_SEL);
    counts_->AppendColumn(_("Ladder"), wxLIST_FORMAT_LEFT, FromDIP(150));
    counts_->AppendColumn(_("Tier before"), wxLIST_FORMAT_LEFT, FromDIP(150));
    counts_->AppendColumn(_("Up"), wxLIST_FORMAT_RIGHT, FromDIP(90));
    counts_->AppendColumn(_("Down"), wxLIST_FORMAT_RIGHT, FromDIP(90));
    counts_->AppendColumn(_("Same"), wxLIST_FORMAT_RIGHT, FromDIP(90));
    sizer->Add(counts_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    auto* runs_title = new wxStaticText(this, wxID_ANY, _("Runs"));
    runs_title->SetFont(runs_title->GetFont().Bold());
    runs_title->SetInitialSize();
    sizer->Add(runs_title, 0, wxLEFT | wxRIGHT, gap);
    runs_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(600, 130)), wxLC_REPORT | wxLC_SINGLE_SEL);
    runs_->AppendColumn(_("Run"), wxLIST_FORMAT_LEFT, FromDIP(60));
    runs_->AppendColumn(_("As of"), wxLIST_FORMAT_LEFT, date_column_width(this));
    runs_->AppendColumn(wxGETTEXT_IN_CONTEXT("run", "State"), wxLIST_FORMAT_LEFT, FromDIP(170));
    runs_->AppendColumn(_("Evaluated"), wxLIST_FORMAT_RIGHT, FromDIP(90));
    runs_->AppendColumn(_("Up"), wxLIST_FORMAT_RIGHT, FromDIP(60));
    runs_->AppendColumn(_("Down"), wxLIST_FORMAT_RIGHT, FromDIP(60));
    runs_->AppendColumn(_("Run by"), wxLIST_FORMAT_LEFT, FromDIP(90));
    sizer->Add(runs_, 1, wxEXPAND | wxLEFT | wxRIGHT, gap);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    resume_ = new wxButton(this, wxID_ANY, _("Re&sume"));
    resume_->Disable();
    resume_->SetToolTip(_("Carry on the chosen paused run from its last committed batch."));
    buttons->Add(resume_, 0);
    buttons->AddStretchSpacer();
    buttons->Add(new wxButton(this, wxID_CANCEL, _("Close")), 0);
    sizer->Add(buttons, 0, wxEXPAND | wxALL, gap);
    SetSizerAndFit(sizer);

    preview->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_preview(); });
    date_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { on_preview(); });
    date_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {  // another day needs its own preview
        previewed_.reset();
        run_->Disable();
    });
    run_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_run(); });
    resume_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_resume(); });
    runs_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
        const auto row = static_cast<std::size_t>(e.GetIndex());
        resume_->Enable(role_may(actor_.role, Action::RecomputeTiers) && row < runs_shown_.size() &&
                        runs_shown_[row].state != "finished");
    });
    show_runs();
}

std::optional<Date> TierRecomputeDialog::as_of() const {
    std::optional<Date> day;
    run_or_show_error(const_cast<TierRecomputeDialog*>(this),
                      [&] { day = parse_date(to_utf8(date_->GetValue().Strip(wxString::both)), "as_of"); });
    return day;
}

void TierRecomputeDialog::show_runs() {
    runs_->DeleteAllItems();
    runs_shown_.clear();
    resume_->Disable();
    run_or_show_error(this, [this] {
        long row = 0;
        for (const TierRun& r : services_->tiers.runs(actor_, 20)) {
            runs_->InsertItem(row, to_wx(run_label(r.id)));
            runs_->SetItem(row, 1, to_wx(display_date(r.as_of)));
            runs_->SetItem(row, 2, run_state(r));
            runs_->SetItem(row, 3, wxString::Format("%lld", r.members));
            runs_->SetItem(row, 4, wxString::Format("%lld", r.up));
            runs_->SetItem(row, 5, wxString::Format("%lld", r.down));
            runs_->SetItem(row, 6, to_wx(r.started_by));
            runs_shown_.push_back(r);
            ++row;
        }
    });
}

void TierRecomputeDialog::on_preview() {
    const auto day = as_of();
    if (!day) return;
    wxBusyCursor busy;  // every member is read: a moment on a large registry
    run_or_show_error(this, [&] {
        const RecomputePreview p = services_->tiers.preview(actor_, *day);
        const Program program = services_->program.program_as_of(actor_, *day);
        summary_->SetLabel(wxString::Format(_("%lld members as of %s (nothing changed yet)."), p.members,
                                            to_wx(display_date(p.as_of))));
        counts_->DeleteAllItems();
        long row = 0;
        for (const RecomputeRow& r : p.rows) {
            counts_->InsertItem(row, ladder_name(program, r.ladder));
            counts_->SetItem(row, 1, tier_name(program, r.ladder, r.tier, _("(none)")));
            counts_->SetItem(row, 2, wxString::Format("%lld", r.up));
            counts_->SetItem(row, 3, wxString::Format("%lld", r.down));
            counts_->SetItem(row, 4, wxString::Format("%lld", r.same));
            ++row;
        }
        previewed_ = day;
        previewed_members_ = p.members;
        run_->Enable(role_may(actor_.role, Action::RecomputeTiers));
        if (run_->IsEnabled()) run_->SetFocus();  // the next step: Enter runs what was previewed
    });
}

void TierRecomputeDialog::run_with_progress(
    const std::function<TierRun(const RunProgress&)>& work, long long members) {
    const int range = 1000;  // the dialog's scale; members are counted in the message
    wxProgressDialog progress(_("Recomputing tiers"), _("Starting…"), range, this,
                              wxPD_APP_MODAL | wxPD_AUTO_HIDE | wxPD_CAN_ABORT | wxPD_ELAPSED_TIME | wxPD_REMAINING_TIME);
    run_or_show_error(this, [&] {
        const TierRun run = work([&](const TierRun& so_far) {
            const int value = members > 0 ? static_cast<int>(std::min<long long>(range - 1, so_far.members * range / members)) : 0;
            // Cancel answers false: the service stops after the batch it committed (a checkpoint).
            return progress.Update(value, wxString::Format(_("%lld of %lld members evaluated"), so_far.members, members));
        });
        progress.Update(range);
        summary_->SetLabel(
            run.state == "finished"
                ? wxString::Format(_("Run %s finished: %lld members evaluated, %lld moved up, %lld moved down."),
                                   to_wx(run_label(run.id)), run.members, run.up, run.down)
                : wxString::Format(_("Run %s paused after %lld members; choose it below and Resume to carry on."),
                                   to_wx(run_label(run.id)), run.members));
    });
    previewed_.reset();
    run_->Disable();
    Layout();
    show_runs();
    // The focused Run button is disabled now; without a new focus GTK leaves the dialog deaf to
    // the keyboard (Esc included). The runs list is where a paused run is chosen to resume.
    runs_->SetFocus();
}

void TierRecomputeDialog::on_run() {
    if (!previewed_) return;
    const Date day = *previewed_;
    const std::string purpose = to_utf8(purpose_->GetValue().Strip(wxString::both));
    run_with_progress([&](const RunProgress& progress) {
        return services_->tiers.recompute(actor_, day, purpose, progress);
    }, previewed_members_);
}

void TierRecomputeDialog::on_resume() {
    const long row = runs_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (row < 0 || static_cast<std::size_t>(row) >= runs_shown_.size()) return;
    const std::int64_t id = runs_shown_[static_cast<std::size_t>(row)].id;
    long long members = 0;
    run_or_show_error(this, [&] { members = services_->members.count(actor_, MemberListQuery{}); });
    run_with_progress([&](const RunProgress& progress) {
        return services_->tiers.resume(actor_, id, progress);
    }, members);
}

}  // namespace md::views

#include "views/member_import_dialog.h"

#include "models/errors.h"
#include "services/services.h"
#include "views/error_dialog.h"
#include "views/wx_text.h"

#include <atomic>
#include <fstream>
#include <sstream>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/filepicker.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/progdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace md::views {

MemberImportDialog::MemberImportDialog(wxWindow* parent, std::shared_ptr<Services> services, Actor actor)
    : wxDialog(parent, wxID_ANY, _("Import members"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      services_(std::move(services)), actor_(std::move(actor)) {
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* hint = new wxStaticText(this, wxID_ANY,
                                  _("A CSV file in UTF-8 or GBK (as Excel saves it). Columns are recognised by their "
                                    "header (姓名, 手机号, name, mobile…). Check the file first: nothing is written until "
                                    "you import, and by default one bad row stops the whole file."));
    hint->Wrap(FromDIP(640));
    sizer->Add(hint, 0, wxALL, gap);
    auto* grid = new wxFlexGridSizer(2, FromDIP(6), FromDIP(8));
    grid->AddGrowableCol(1);
    grid->Add(new wxStaticText(this, wxID_ANY, _("File:")), 0, wxALIGN_CENTER_VERTICAL);
    file_ = new wxFilePickerCtrl(this, wxID_ANY, wxString(), _("Choose a CSV file"), "*.csv;*.CSV;*.txt",
                                 wxDefaultPosition, FromDIP(wxSize(460, -1)),
                                 wxFLP_OPEN | wxFLP_FILE_MUST_EXIST | wxFLP_USE_TEXTCTRL);
    grid->Add(file_, 1, wxEXPAND);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Encoding:")), 0, wxALIGN_CENTER_VERTICAL);
    encoding_ = new wxChoice(this, wxID_ANY);
    encoding_->Append(_("Detect"));
    encoding_->Append("UTF-8");
    encoding_->Append("GBK / GB18030");
    encoding_->SetSelection(0);
    grid->Add(encoding_, 0);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Source system:")), 0, wxALIGN_CENTER_VERTICAL);
    source_ = new wxTextCtrl(this, wxID_ANY);
    source_->SetHint(_("optional: reuses the column mapping saved for it"));
    grid->Add(source_, 1, wxEXPAND);
    sizer->Add(grid, 0, wxEXPAND | wxLEFT | wxRIGHT, gap);
    skip_invalid_ = new wxCheckBox(this, wxID_ANY, _("Import the good rows and &set the bad ones aside"));
    dedupe_email_ = new wxCheckBox(this, wxID_ANY, _("Also treat the same e-mail as the same person"));
    sizer->Add(skip_invalid_, 0, wxLEFT | wxRIGHT | wxTOP, gap);
    sizer->Add(dedupe_email_, 0, wxLEFT | wxRIGHT | wxTOP, gap);
    summary_ = new wxStaticText(this, wxID_ANY, wxString());
    sizer->Add(summary_, 0, wxALL, gap);
    problems_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(640, 220)), wxLC_REPORT | wxLC_SINGLE_SEL);
    problems_->AppendColumn(_("Row"), wxLIST_FORMAT_RIGHT, FromDIP(60));
    problems_->AppendColumn(_("Column"), wxLIST_FORMAT_LEFT, FromDIP(100));
    problems_->AppendColumn(_("Value"), wxLIST_FORMAT_LEFT, FromDIP(140));
    problems_->AppendColumn(_("Problem"), wxLIST_FORMAT_LEFT, FromDIP(330));
    sizer->Add(problems_, 1, wxEXPAND | wxLEFT | wxRIGHT, gap);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* check = new wxButton(this, wxID_ANY, _("&Check file"));
    auto* import = new wxButton(this, wxID_ANY, _("&Import"));
    save_report_ = new wxButton(this, wxID_ANY, _("Save problem report…"));
    save_rejects_ = new wxButton(this, wxID_ANY, _("Save rejected rows…"));
    save_report_->Disable();
    save_rejects_->Disable();
    buttons->Add(check, 0, wxRIGHT, FromDIP(4));
    buttons->Add(import, 0, wxRIGHT, gap);
    buttons->Add(save_report_, 0, wxRIGHT, FromDIP(4));
    buttons->Add(save_rejects_, 0);
    buttons->AddStretchSpacer();
    buttons->Add(new wxButton(this, wxID_CANCEL, _("Close")), 0);
    sizer->Add(buttons, 0, wxEXPAND | wxALL, gap);
    SetSizerAndFit(sizer);
    if (!role_may(actor_.role, Action::ManageMembers)) {
        import->Disable();
        check->Disable();
        summary_->SetLabel(_("Your role may not add members."));
    }

    check->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { run(true); });
    import->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { run(false); });
    save_report_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (last_) save_text(_("Save problem report"), "problems.csv", problems_csv(*last_));
    });
    save_rejects_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (last_) save_text(_("Save rejected rows"), "rejected.csv", rejected_csv(*last_));
    });
    if (file_->GetTextCtrl()) file_->GetTextCtrl()->SetFocus();
}

void MemberImportDialog::run(bool dry_run) {
    const wxString path = file_->GetPath();
    std::string bytes;
    if (!run_or_show_error(this, [&] {
            std::ifstream in(to_utf8(path), std::ios::binary);
            if (path.empty() || !in) throw NotFoundError(to_utf8(wxString::Format(_("file: cannot open \"%s\""), path)));
            std::ostringstream all;
            all << in.rdbuf();
            bytes = all.str();
        }))
        return;
    MemberImportOptions o;
    o.encoding = encoding_->GetSelection() == 1 ? TextEncoding::Utf8
                 : encoding_->GetSelection() == 2 ? TextEncoding::Gb18030
                                                  : TextEncoding::Auto;
    o.file_name = to_utf8(wxFileName(path).GetFullName());
    o.source = to_utf8(source_->GetValue().Strip(wxString::both));
    o.dry_run = dry_run;
    o.skip_invalid = skip_invalid_->GetValue();
    o.dedupe_email = dedupe_email_->GetValue();
    std::atomic<bool> cancel{false};
    o.cancel = &cancel;
    wxProgressDialog progress(dry_run ? _("Checking the file") : _("Importing members"), _("Reading the file…"), 1000, this,
                              wxPD_APP_MODAL | wxPD_CAN_ABORT | wxPD_AUTO_HIDE | wxPD_ELAPSED_TIME);
    o.progress = [&](long long done, long long total) {
        const int value = total > 0 ? static_cast<int>(std::min<long long>(999, done * 1000 / total)) : 0;
        // Update() lets the dialog paint and its Cancel button work between batches.
        if (!progress.Update(value, wxString::Format(_("%lld of %lld rows"), done, total))) cancel = true;
    };
    MemberImportResult result;
    wxBusyCursor busy;
    const bool ok = run_or_show_error(this, [&] { result = services_->imports.import_csv(actor_, bytes, o); });
    progress.Update(1000);
    if (!ok) return;  // the error dialog said why (a cancel says nothing was imported)
    show_result(result, dry_run);
}

void MemberImportDialog::show_result(const MemberImportResult& r, bool dry_run) {
    last_ = r;
    problems_->DeleteAllItems();
    long row = 0;
    for (const ImportProblem& p : r.problems) {
        problems_->InsertItem(row, wxString::Format("%d", p.row));
        problems_->SetItem(row, 1, to_wx(p.column));
        problems_->SetItem(row, 2, to_wx(p.value));
        problems_->SetItem(row, 3, to_wx(p.reason));
        ++row;
    }
    const wxString counts = wxString::Format(_("%lld rows (%s), %zu with problems."), r.rows,
                                             to_wx(text_encoding_name(r.encoding)), r.problems.size());
    wxString what;
    if (dry_run) what = r.problems.empty() ? _("Checked: the file can be imported.") : _("Checked: nothing was written.");
    else if (r.written) what = wxString::Format(_("Imported %lld members."), r.imported);
    else what = _("Nothing was imported: fix the rows below, or choose to set the bad rows aside.");
    summary_->SetLabel(what + " " + counts);
    summary_->Wrap(FromDIP(640));
    save_report_->Enable(!r.problems.empty());
    save_rejects_->Enable(!r.rejected.empty());
    Layout();
}

void MemberImportDialog::save_text(const wxString& title, const wxString& name, const std::string& text) {
    wxFileDialog ask(this, title, wxString(), name, "CSV (*.csv)|*.csv", wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (ask.ShowModal() != wxID_OK) return;
    run_or_show_error(this, [&] {
        std::ofstream out(to_utf8(ask.GetPath()), std::ios::binary | std::ios::trunc);
        out << text;
        if (!out.good()) throw StorageError(to_utf8(wxString::Format(_("output: cannot write \"%s\""), ask.GetPath())));
    });
}

}  // namespace md::views

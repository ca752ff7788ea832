#include "views/reports_panel.h"

#include "models/date_text.h"
#include "models/translate.h"
#include "reports/document_renderers.h"
#include "reports/report_catalog.h"
#include "services/services.h"
#include "views/error_dialog.h"
#include "views/heading.h"
#include "views/wx_text.h"

#include <algorithm>

#include <wx/button.h>
#include <wx/filedlg.h>
#include <wx/html/htmlwin.h>
#include <wx/html/htmprint.h>
#include <wx/listbox.h>
#include <wx/progdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace md::views {

ReportsPanel::ReportsPanel(wxWindow* parent, std::shared_ptr<Services> services, Actor actor)
    : wxPanel(parent), services_(std::move(services)), actor_(std::move(actor)),
      printer_(std::make_unique<wxHtmlEasyPrinting>("MemberDesk", this)) {
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(bold_heading(this, _("Reports")), 0, wxALL, gap);
    auto* body = new wxBoxSizer(wxHORIZONTAL);
    reports_ = new wxListBox(this, wxID_ANY);
    // As wide as the longest title in this language, so no report's name is cut off.
    int widest = FromDIP(160);
    for (const report::ReportInfo& r : report::report_catalog()) {
        reports_->Append(translated(r.title));
        widest = std::max(widest, reports_->GetTextExtent(translated(r.title)).GetWidth());
    }
    reports_->SetMinSize(wxSize(widest + FromDIP(24), -1));
    body->Add(reports_, 0, wxEXPAND | wxRIGHT, gap);

    auto* right = new wxBoxSizer(wxVERTICAL);
    auto* fields = new wxBoxSizer(wxHORIZONTAL);
    auto field = [&](const wxString& label) {
        fields->Add(new wxStaticText(this, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(4));
        auto* f = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(110, -1)));
        f->SetHint("YYYY-MM-DD");
        fields->Add(f, 0, wxRIGHT, FromDIP(12));
        return f;
    };
    as_of_ = field(_("As of the end of:"));
    from_ = field(_("Movements from:"));
    right->Add(fields, 0, wxBOTTOM, gap);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto button = [&](const wxString& label, void (ReportsPanel::*action)()) {
        auto* b = new wxButton(this, wxID_ANY, label);
        b->Bind(wxEVT_BUTTON, [this, action](wxCommandEvent&) { (this->*action)(); });
        buttons->Add(b, 0, wxRIGHT, FromDIP(4));
    };
    button(_("&Show"), &ReportsPanel::preview);
    button(_("Print pre&view…"), &ReportsPanel::print_preview);
    button(_("&Print…"), &ReportsPanel::print);
    auto* setup = new wxButton(this, wxID_ANY, _("Page set&up…"));
    setup->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { printer_->PageSetup(); });
    buttons->Add(setup, 0, wxRIGHT, FromDIP(4));
    button(_("&Export…"), &ReportsPanel::export_file);
    right->Add(buttons, 0, wxBOTTOM, gap);
    page_ = new wxHtmlWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxHW_SCROLLBAR_AUTO | wxBORDER_THEME);
    right->Add(page_, 1, wxEXPAND);
    body->Add(right, 1, wxEXPAND);
    sizer->Add(body, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    SetSizer(sizer);
    reports_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent&) { preview(); });
    // A smaller base size than the screen's, so that a six-column table fits an A4 page.
    printer_->SetStandardFonts(9);
}

ReportsPanel::~ReportsPanel() = default;

void ReportsPanel::load() {
    const Date today = services_->program.today();
    as_of_->ChangeValue(to_wx(format_date(today)));
    from_->ChangeValue(to_wx(format_date(Date(today.year(), today.month(), 1))));
    if (reports_->GetCount() > 0) reports_->SetSelection(0);
    page_->SetPage("<p>" + _("Choose a report and its day, then Show, Print preview or Export.") + "</p>");
}

std::optional<report::Document> ReportsPanel::build() {
    const int chosen = reports_->GetSelection();
    if (chosen == wxNOT_FOUND) return std::nullopt;
    std::optional<report::Document> document;
    run_or_show_error(this, [&] {
        report::ReportParams p;
        p.as_of = parse_date(to_utf8(as_of_->GetValue().Strip(wxString::both)), "as_of");
        const std::string from = to_utf8(from_->GetValue().Strip(wxString::both));
        if (!from.empty()) p.from = parse_date(from, "from");
        const report::ReportInfo& info = report::report_catalog()[static_cast<std::size_t>(chosen)];
        // Inside the call, so it is gone before an error (or "cancelled") dialog shows.
        wxProgressDialog progress(_("Preparing the report"), to_wx(tr(info.title)), 1000, this,
                                  wxPD_APP_MODAL | wxPD_CAN_ABORT | wxPD_AUTO_HIDE | wxPD_ELAPSED_TIME);
        wxBusyCursor busy;
        // Update() paints the dialog and lets its Cancel button work between the builder's steps.
        const report::ReportProgress steps([&](int permille, const std::string& stage) {
            return progress.Update(std::min(permille, 999), to_wx(stage));
        });
        document = report::build_report(*services_, actor_, info.name, p, steps);
        progress.Update(1000);
    });
    if (document) set_page_texts(*document);
    return document;
}

void ReportsPanel::set_page_texts(const report::Document& d) {
    // The printer's own header and footer on every page: report, parameters, printed when and by whom, page N of M.
    wxString parameters;
    for (const auto& [label, value] : d.parameters)
        parameters << (parameters.empty() ? "" : " · ") << to_wx(report::labelled(label, value));
    printer_->SetHeader("<font size=\"2\"><b>" + to_wx(d.title) + "</b> — " + parameters + "</font>");
    printer_->SetFooter("<font size=\"2\">" +
                        to_wx(subst(tr("Printed {0} by {1}"), {display_business_time(d.prepared_at), d.prepared_by})) +
                        " — " + to_wx(subst(tr("Page {0} of {1}"), {"@PAGENUM@", "@PAGESCNT@"})) + "</font>");
}

void ReportsPanel::preview() {
    if (auto d = build()) page_->SetPage(to_wx(report::document_html(*d, report::HtmlFlavour::Basic)));
}

void ReportsPanel::print_preview() {
    if (auto d = build()) printer_->PreviewText(to_wx(report::document_html(*d, report::HtmlFlavour::Basic)));
}

void ReportsPanel::print() {
    if (auto d = build()) printer_->PrintText(to_wx(report::document_html(*d, report::HtmlFlavour::Basic)));
}

void ReportsPanel::export_file() {
    auto d = build();
    if (!d) return;
    wxFileDialog ask(this, _("Export report"), wxString(), to_wx(d->name + "-" + format_date(services_->program.today())),
                     _("PDF (*.pdf)|*.pdf|Excel workbook (*.xlsx)|*.xlsx|CSV, UTF-8 (*.csv)|*.csv|HTML (*.html)|*.html"),
                     wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (ask.ShowModal() != wxID_OK) return;
    static const report::Format formats[] = {report::Format::Pdf, report::Format::Xlsx, report::Format::Csv, report::Format::Html};
    const report::Format format = formats[ask.GetFilterIndex()];
    std::string path = to_utf8(ask.GetPath());
    const std::string extension = "." + report::format_code(format);
    if (path.size() < extension.size() || path.compare(path.size() - extension.size(), extension.size(), extension) != 0)
        path += extension;
    run_or_show_error(this, [&] {
        wxBusyCursor busy;
        report::render(*d, format, path);
    });
}

}  // namespace md::views

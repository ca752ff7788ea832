#pragma once
// The Reports area: the reports of the catalog, their parameters (as of, movements from), an
// on-screen preview, print preview, page setup and printing (the report name, parameters, date
// printed, user and page N of M in the page header and footer), and export to PDF, XLSX, CSV or
// HTML. Every figure comes from the report engine (reports/report_catalog): the screen only
// shows what it built.
#include "reports/document.h"
#include "services/actor.h"
#include "views/lazy_area.h"

#include <memory>
#include <optional>
#include <wx/panel.h>

class wxHtmlEasyPrinting;
class wxHtmlWindow;
class wxListBox;
class wxTextCtrl;

namespace md { class Services; }

namespace md::views {

class ReportsPanel : public wxPanel, public LazyArea {
public:
    ReportsPanel(wxWindow* parent, std::shared_ptr<Services> services, Actor actor);
    ~ReportsPanel() override;

private:
    void load() override;
    // Builds the chosen report from the fields; none (an error dialog shown, the fields kept) when refused.
    std::optional<report::Document> build();
    void preview();
    void print_preview();
    void print();
    void export_file();
    void set_page_texts(const report::Document& document);

    std::shared_ptr<Services> services_;
    Actor actor_;
    wxListBox* reports_ = nullptr;
    wxTextCtrl* as_of_ = nullptr;
    wxTextCtrl* from_ = nullptr;
    wxHtmlWindow* page_ = nullptr;
    std::unique_ptr<wxHtmlEasyPrinting> printer_;
};

}  // namespace md::views

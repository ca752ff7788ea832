#pragma once
// Members ▸ Import members…: a CSV from another system, checked first (a dry run lists every
// problem by row, column and value), then imported with a progress dialog whose Cancel rolls
// the whole import back. The import runs on this thread; the progress dialog keeps the
// window responsive between batches, and the database is never used from two threads.
#include "services/actor.h"
#include "services/member_import.h"

#include <memory>
#include <optional>
#include <wx/dialog.h>

class wxButton;
class wxCheckBox;
class wxChoice;
class wxFilePickerCtrl;
class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace md { class Services; }

namespace md::views {

class MemberImportDialog : public wxDialog {
public:
    MemberImportDialog(wxWindow* parent, std::shared_ptr<Services> services, Actor actor);

private:
    void run(bool dry_run);
    void show_result(const MemberImportResult& result, bool dry_run);
    void save_text(const wxString& title, const wxString& name, const std::string& text);

    std::shared_ptr<Services> services_;
    Actor actor_;
    std::optional<MemberImportResult> last_;
    wxFilePickerCtrl* file_ = nullptr;
    wxChoice* encoding_ = nullptr;
    wxTextCtrl* source_ = nullptr;
    wxCheckBox* skip_invalid_ = nullptr;
    wxCheckBox* dedupe_email_ = nullptr;
    wxStaticText* summary_ = nullptr;
    wxListCtrl* problems_ = nullptr;
    wxButton* save_report_ = nullptr;
    wxButton* save_rejects_ = nullptr;
};

}  // namespace md::views

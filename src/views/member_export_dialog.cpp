#include "views/member_export_dialog.h"

#include "models/errors.h"
#include "reports/member_export.h"
#include "services/services.h"
#include "views/error_dialog.h"
#include "views/wx_text.h"

#include <fstream>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/msgdlg.h>
#include <wx/utils.h>

namespace md::views {

void export_members_interactively(wxWindow* parent, Services& services, const Actor& actor) {
    wxFileDialog ask(parent, _("Export members"), wxString(), "members.xlsx",
                     _("Excel workbook (*.xlsx)|*.xlsx|CSV, UTF-8 (*.csv)|*.csv"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (ask.ShowModal() != wxID_OK) return;
    wxFileName name(ask.GetPath());
    if (name.GetExt().empty()) name.SetExt(ask.GetFilterIndex() == 0 ? "xlsx" : "csv");
    const bool xlsx = name.GetExt().Lower() == "xlsx";
    bool unmask = false;
    if (role_may(actor.role, Action::ViewPersonalData))
        unmask = wxMessageBox(_("Include full mobile numbers and e-mails? The export is recorded in the audit trail "
                                "either way. Choose No for masked contact data."),
                              _("Export members"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION, parent) == wxYES;
    long long count = 0;
    wxBusyCursor busy;
    const bool ok = run_or_show_error(parent, [&] {
        const std::string path = to_utf8(name.GetFullPath());
        if (xlsx) {
            const auto writer = report::xlsx_table_writer(path, "members", report::Header::Keys);
            count = report::export_members(services.members, actor, unmask, *writer);
        } else {
            std::ofstream out(path, std::ios::binary | std::ios::trunc);
            if (!out) throw StorageError(to_utf8(wxString::Format(_("output: cannot write \"%s\""), name.GetFullPath())));
            const auto writer = report::csv_table_writer(out, report::Header::Keys);
            count = report::export_members(services.members, actor, unmask, *writer);
        }
    });
    if (ok)
        wxMessageBox(wxString::Format(unmask ? _("%lld members written to %s, with full contact data.")
                                             : _("%lld members written to %s, contact data masked."),
                                      count, name.GetFullPath()),
                     _("Export members"), wxOK | wxICON_INFORMATION, parent);
}

}  // namespace md::views

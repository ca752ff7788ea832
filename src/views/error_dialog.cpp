#include "views/error_dialog.h"

#include "models/errors.h"
#include "views/wx_text.h"

#include <wx/msgdlg.h>

namespace md::views {

wxString error_caption(const std::exception& error) {
    if (dynamic_cast<const AuthenticationError*>(&error)) return _("Sign-in refused");
    if (dynamic_cast<const PermissionError*>(&error)) return _("Not allowed");
    if (dynamic_cast<const ValidationError*>(&error)) return _("Invalid input");
    if (dynamic_cast<const StaleEditError*>(&error)) return _("Changed by someone else");
    if (dynamic_cast<const ConflictError*>(&error)) return _("Conflict");
    if (dynamic_cast<const NotFoundError*>(&error)) return _("Not found");
    if (dynamic_cast<const StorageError*>(&error)) return _("Database problem");
    return _("Error");
}

void show_error(wxWindow* parent, const std::exception& error, const wxString& hint) {
    wxString message = to_wx(error.what());
    // The core's message already names who changed it and when (changed_by, changed_at).
    if (dynamic_cast<const StaleEditError*>(&error)) message += "\n\n" + _("Nothing of yours was saved.");
    if (!hint.empty()) message += "\n\n" + hint;
    wxMessageBox(message, error_caption(error), wxOK | wxICON_ERROR, parent);
}

bool run_or_show_error(wxWindow* parent, const std::function<void()>& call, const wxString& stale_hint) {
    try {
        call();
        return true;
    } catch (const StaleEditError& e) {
        show_error(parent, e, stale_hint);
    } catch (const std::exception& e) {
        show_error(parent, e);
    }
    return false;
}

}  // namespace md::views

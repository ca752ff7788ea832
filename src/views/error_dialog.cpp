#include "views/error_dialog.h"

#include "models/errors.h"
#include "views/wx_text.h"

#include <wx/richmsgdlg.h>

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

wxString error_details(const std::exception& error) {
    wxString details = wxString::Format(_("Kind: %s"), error_caption(error));
    if (const auto* invalid = dynamic_cast<const ValidationError*>(&error)) {
        details += "\n" + wxString::Format(_("Field: %s"), to_wx(invalid->field()));
        details += "\n" + wxString::Format(_("Value: %s"), to_wx(invalid->value()));
    }
    if (const auto* stale = dynamic_cast<const StaleEditError*>(&error)) {
        details += "\n" + wxString::Format(_("Changed by: %s"), to_wx(stale->changed_by()));
        details += "\n" + wxString::Format(_("Changed at: %s"), to_wx(stale->changed_at()));
    }
    details += "\n" + wxString::Format(_("Message: %s"), to_wx(error.what()));
    return details;
}

void show_error(wxWindow* parent, const std::exception& error, const wxString& hint) {
    wxString message = to_wx(error.what());
    // The core's message already names who changed it and when (changed_by, changed_at).
    if (dynamic_cast<const StaleEditError*>(&error)) message += "\n\n" + _("Nothing of yours was saved.");
    if (!hint.empty()) message += "\n\n" + hint;
    // The message is for the person at the desk; the folded details (kind, field, value) are
    // what they read out or paste to whoever supports them.
    wxRichMessageDialog dialog(parent, message, error_caption(error), wxOK | wxICON_ERROR);
    dialog.ShowDetailedText(error_details(error));
    dialog.ShowModal();
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

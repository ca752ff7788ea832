#pragma once
// OK and Cancel for a dialog, labelled from MemberDesk's catalog. The GTK stock labels that
// CreateSeparatedButtonSizer would give follow the system's language, not the one chosen in
// Preferences, so a Chinese form on an English desktop would say "OK" and "Cancel".
class wxDialog;
class wxSizer;

namespace md::views {

// A separator line, then OK (the default button: Enter) and Cancel (Esc).
wxSizer* ok_cancel_buttons(wxDialog* dialog);

}  // namespace md::views

#pragma once
// One place that turns the core's exceptions into a message box. The core's messages already
// name the field and value; here each kind only gets a caption and, for stale edits, a hint.
#include <exception>
#include <functional>
#include <wx/string.h>

class wxWindow;

namespace md::views {

wxString error_caption(const std::exception& error);
// The dialog's folded "Details" part: the kind, and the field and value or who saved in between.
wxString error_details(const std::exception& error);
void show_error(wxWindow* parent, const std::exception& error, const wxString& hint = wxString());

// Runs one service call; on failure shows the error and returns false so a dialog can stay
// open with what the person typed.
bool run_or_show_error(wxWindow* parent, const std::function<void()>& call, const wxString& stale_hint = wxString());

}  // namespace md::views

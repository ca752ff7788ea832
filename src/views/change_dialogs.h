#pragma once
// The two questions every change request asks: why and from when (proposing), and a comment
// (deciding). Each dialog makes its one service call on OK and stays open when the core
// refuses, so the reason or comment typed is never lost.
#include "models/timestamps.h"

#include <functional>
#include <string>
#include <wx/dialog.h>

class wxTextCtrl;

namespace md::views {

class ProposeDialog : public wxDialog {
public:
    using Propose = std::function<void(const std::string& reason, const Date& effective_from)>;
    // what: one line naming the item, e.g. "Tier ladder: Individual ladder".
    ProposeDialog(wxWindow* parent, const wxString& what, const Date& today, Propose propose);

private:
    void on_ok(wxCommandEvent&);
    Propose propose_;
    wxTextCtrl* reason_ = nullptr;
    wxTextCtrl* effective_ = nullptr;
};

class DecisionDialog : public wxDialog {
public:
    using Decide = std::function<void(const std::string& comment)>;
    // `title`: the window's title; none: "Approve change" / "Reject change".
    DecisionDialog(wxWindow* parent, bool approve, const wxString& what, Decide decide, const wxString& title = wxString());

private:
    void on_ok(wxCommandEvent&);
    Decide decide_;
    wxTextCtrl* comment_ = nullptr;
};

}  // namespace md::views

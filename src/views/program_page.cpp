#include "views/program_page.h"

#include <wx/button.h>
#include <wx/sizer.h>

namespace md::views {

wxSizer* ProgramPage::discard_and_propose(std::function<void()> discard, std::function<void()> propose) {
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* discard_button = new wxButton(this, wxID_ANY, _("Discard edits"));
    auto* propose_button = new wxButton(this, wxID_ANY, _("Propose change…"));
    buttons->AddStretchSpacer();
    buttons->Add(discard_button, 0, wxRIGHT, FromDIP(8));
    buttons->Add(propose_button, 0);
    proposer_.guard(propose_button);
    discard_button->Bind(wxEVT_BUTTON, [discard](wxCommandEvent&) { discard(); });
    propose_button->Bind(wxEVT_BUTTON, [propose](wxCommandEvent&) { propose(); });
    return buttons;
}

}  // namespace md::views

#pragma once
// One complaint ticket: its facts, the response and resolution clocks, the member (balances,
// recent purchases), the timeline, compensation, and the actions a ticket takes (assign to me,
// note, wait for the customer, resume, resolve, close, reopen, compensate). Every action sends
// the version the window read: a ticket saved by someone else meanwhile is refused as a conflict
// and the window reloads it.
#include "services/actor.h"
#include "services/complaint_service.h"

#include <functional>
#include <memory>
#include <wx/dialog.h>

class wxListCtrl;
class wxStaticText;

namespace md { class Services; }

namespace md::views {

class ComplaintWindow : public wxDialog {
public:
    // on_changed: told after any saved action, so the queue can refresh.
    ComplaintWindow(wxWindow* parent, std::shared_ptr<Services> services, Actor actor, const std::string& number,
                    std::function<void()> on_changed);

private:
    void reload();
    void show(const ComplaintView& v);
    // Runs one action with the version read; reloads after it, or after a refusal.
    void act(const std::function<void(int version)>& action);
    // Asks for one line of text (a note, a reason); none when cancelled.
    std::optional<std::string> ask(const wxString& title, const wxString& label, bool required);
    void compensate();

    std::shared_ptr<Services> services_;
    Actor actor_;
    std::string number_;
    int version_ = 0;
    std::function<void()> on_changed_;
    wxStaticText* facts_ = nullptr;
    wxStaticText* clocks_ = nullptr;
    wxStaticText* member_ = nullptr;
    wxListCtrl* timeline_ = nullptr;
    wxListCtrl* compensations_ = nullptr;
};

}  // namespace md::views

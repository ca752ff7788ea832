#pragma once
// Registers a member. The form stays open with what was typed when the service refuses it
// (a bad birthday, a mobile that already belongs to someone), so nothing is typed twice.
#include "services/member_service.h"

#include <functional>
#include <string>
#include <wx/dialog.h>

namespace md::views {

class MemberFields;

class NewMemberDialog : public wxDialog {
public:
    // add: the one service call; returns the new member's number.
    NewMemberDialog(wxWindow* parent, std::function<std::string(const MemberInput&)> add);
    const std::string& added_number() const { return added_; }

private:
    void on_save(wxCommandEvent&);
    std::function<std::string(const MemberInput&)> add_;
    MemberFields* fields_ = nullptr;
    std::string added_;
};

}  // namespace md::views

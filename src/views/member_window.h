#pragma once
// One member in a window of its own: the profile (editable for roles that manage members),
// the lifecycle history, and the place where balances and the rest will appear. Several can
// be open side by side; opening a member that is already open brings its window forward.
#include "services/actor.h"
#include "services/member_service.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>
#include <wx/frame.h>

class wxButton;
class wxListCtrl;
class wxStaticText;

namespace md { class Services; }

namespace md::views {

class MemberFields;

class MemberWindow : public wxFrame {
public:
    // on_saved: told after a successful save, so a list showing the member can refresh.
    static void open(wxWindow* parent, std::shared_ptr<Services> services, const Actor& actor,
                     const std::string& number, std::function<void()> on_saved = {});

private:
    MemberWindow(wxWindow* parent, std::shared_ptr<Services> services, Actor actor, const MemberRecord& record,
                 const std::vector<StateChange>& history, std::function<void()> on_saved);

    wxWindow* build_profile(wxWindow* parent);
    wxWindow* build_history(wxWindow* parent, const std::vector<StateChange>& history);
    void show_facts(const Member& member);
    void show_committee_seat();
    void show_masked_contact_state();
    void on_save(wxCommandEvent&);
    void on_show_contact(wxCommandEvent&);
    void on_merge(wxCommandEvent&);
    void show_history(const std::vector<StateChange>& history);

    std::shared_ptr<Services> services_;
    Actor actor_;
    std::string number_;
    int version_ = 0;  // the version the form was loaded from; edit() refuses if it moved on
    std::string registered_by_;
    std::function<void()> on_saved_;

    wxStaticText* number_value_ = nullptr;
    wxStaticText* state_value_ = nullptr;
    wxStaticText* referrer_value_ = nullptr;
    wxStaticText* version_value_ = nullptr;
    wxStaticText* created_value_ = nullptr;
    wxStaticText* updated_value_ = nullptr;
    wxStaticText* seat_ = nullptr;
    wxStaticText* contact_note_ = nullptr;
    wxButton* show_contact_ = nullptr;
    MemberFields* fields_ = nullptr;
    wxStaticText* status_ = nullptr;
    wxButton* save_ = nullptr;
    wxListCtrl* history_ = nullptr;
};

}  // namespace md::views

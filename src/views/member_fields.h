#pragma once
// The editable fields of a member, shared by the member window and the new-member dialog.
// They hold text as typed; the service parses and validates it. The form remembers what it
// was filled with, so an edit sends only what the person changed: a masked mobile that was
// left alone is never sent back as if it were a number.
#include "services/member_service.h"

#include <string>
#include <utility>
#include <vector>
#include <wx/panel.h>

class wxCheckBox;
class wxChoice;
class wxTextCtrl;

namespace md { class ValidationError; }

namespace md::views {

class MemberFields : public wxPanel {
public:
    // with_referrer: the referrer is set when a member joins and cannot change afterwards.
    MemberFields(wxWindow* parent, bool with_referrer);

    // Also forgets the edits: the next changes() compares with this record.
    void fill(const MemberRecord& record);
    // After an unmask: shows the full mobile and e-mail unless the person already edited them.
    void show_contact(const MemberRecord& unmasked);
    MemberInput changes() const;
    bool changed() const;     // only the fields that differ from what was filled in
    MemberInput everything() const;  // every field, for a new member
    // Puts the cursor in the field a ValidationError names ("birthday", "mobile"...) and
    // returns that field's label as shown ("Birthday"); empty for a field not on the form.
    wxString focus_field(const std::string& field);
    // The refusal in a dialog naming the field, then the cursor in that field; the typed
    // values stay as they are.
    void show_invalid(const ValidationError& error);
    void set_editable(bool editable);

private:
    struct Values {
        std::string name, mobile, email, birthday, gender, type, company, channel, home_store, referrer, tags, notes;
        bool consent_sms = false, consent_email = false;
    };
    Values read() const;
    void write(const Values& values);

    Values filled_;
    std::vector<std::pair<wxWindow*, wxString>> labels_;  // control → its caption, for error messages
    wxTextCtrl* name_ = nullptr;
    wxTextCtrl* mobile_ = nullptr;
    wxTextCtrl* email_ = nullptr;
    wxTextCtrl* birthday_ = nullptr;
    wxChoice* gender_ = nullptr;
    wxChoice* type_ = nullptr;
    wxTextCtrl* company_ = nullptr;
    wxChoice* channel_ = nullptr;
    wxTextCtrl* home_store_ = nullptr;
    wxTextCtrl* referrer_ = nullptr;  // null unless with_referrer
    wxTextCtrl* tags_ = nullptr;
    wxCheckBox* consent_sms_ = nullptr;
    wxCheckBox* consent_email_ = nullptr;
    wxTextCtrl* notes_ = nullptr;
};

}  // namespace md::views

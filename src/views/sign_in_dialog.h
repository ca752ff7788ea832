#pragma once
// The first window: opens the database (off the GUI thread) and signs a person in.
// A refused sign-in keeps what was typed; an unreachable database offers Retry, another
// database, or Quit.
#include "services/actor.h"
#include "views/database_opener.h"

#include <memory>
#include <string>
#include <wx/dialog.h>

class wxButton;
class wxStaticText;
class wxTextCtrl;

namespace md { class Services; }

namespace md::views {

class SignInDialog : public wxDialog {
public:
    SignInDialog(wxWindow* parent, std::string database_url);

    // Valid after ShowModal() returned wxID_OK.
    std::shared_ptr<Services> services() const { return services_; }
    const Actor& actor() const { return actor_; }
    const std::string& database_url() const { return url_; }

private:
    void open_database();
    void on_database_opened(const OpenedDatabase& opened);
    void offer_ways_out(const std::exception& error);
    bool choose_another_database();
    void on_sign_in(wxCommandEvent&);
    void on_open_another(wxCommandEvent&);
    void show_database_name();
    void set_ready(bool ready);
    void show_refusal(const wxString& message);

    std::string url_;
    std::shared_ptr<Services> services_;
    Actor actor_;
    DatabaseOpener opener_{*this};

    wxStaticText* database_label_ = nullptr;
    wxStaticText* state_label_ = nullptr;
    wxTextCtrl* username_ = nullptr;
    wxTextCtrl* password_ = nullptr;
    wxButton* sign_in_ = nullptr;
    wxButton* open_another_ = nullptr;
};

}  // namespace md::views

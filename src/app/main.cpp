// The GUI's entry point; everything else lives in MemberDeskApp.
#include "app/memberdesk_app.h"

wxIMPLEMENT_APP(md::app::MemberDeskApp);

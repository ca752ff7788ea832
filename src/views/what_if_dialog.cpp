#include "views/what_if_dialog.h"

#include "models/errors.h"
#include "models/translate.h"
#include "reports/table_writer.h"
#include "services/services.h"
#include "views/error_dialog.h"
#include "views/simulation_view.h"
#include "views/wx_text.h"

#include <fstream>
#include <limits>
#include <wx/button.h>
#include <wx/filedlg.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>

namespace md::views {

WhatIfDialog::WhatIfDialog(wxWindow* parent, std::shared_ptr<Services> services, Actor actor, nlohmann::json document,
                           const wxString& what)
    : wxDialog(parent, wxID_ANY, wxString::Format(_("What-if: %s"), what), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      services_(std::move(services)),
      actor_(std::move(actor)),
      document_(std::move(document)) {
    const int gap = FromDIP(8);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* intro = new wxStaticText(this, wxID_ANY,
                                   _("The last months of real transactions are replayed under this draft and under "
                                     "the rules in force. Nothing is changed."));
    intro->Wrap(FromDIP(520));
    sizer->Add(intro, 0, wxALL, gap);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(new wxStaticText(this, wxID_ANY, _("Months back:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    months_ = new wxSpinCtrl(this, wxID_ANY, "12", wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 1, 120, 12);
    row->Add(months_, 0, wxRIGHT, gap);
    auto* replay = new wxButton(this, wxID_ANY, _("&Replay"));
    row->Add(replay, 0);
    sizer->Add(row, 0, wxLEFT | wxRIGHT, gap);
    view_ = new SimulationView(this);
    view_->SetMinSize(FromDIP(wxSize(560, 330)));
    sizer->Add(view_, 1, wxEXPAND | wxALL, gap);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* save = new wxButton(this, wxID_ANY, _("&Save movers as CSV…"));
    buttons->Add(save, 0);
    buttons->AddStretchSpacer();
    buttons->Add(new wxButton(this, wxID_CLOSE, _("Close")), 0);
    sizer->Add(buttons, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    SetSizerAndFit(sizer);
    SetEscapeId(wxID_CLOSE);

    replay->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { run(); });
    save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save_movers(); });
    view_->clear(_("Choose how many months to replay, then Replay."));
    months_->SetFocus();
}

void WhatIfDialog::run() {
    wxBusyCursor busy;
    run_or_show_error(this, [&] {
        const Simulation s = services_->simulator.simulate_document(actor_, document_, months_->GetValue());
        last_ = simulation_json(s, std::numeric_limits<std::size_t>::max());
        view_->show(nlohmann::json::parse(last_.dump()), services_->program.rules_in_force(services_->program.today()));
    });
}

void WhatIfDialog::save_movers() {
    if (last_.is_null()) {
        show_error(this, ValidationError("movers", "", tr("movers: replay first, then save who would move")));
        return;
    }
    wxFileDialog ask(this, _("Save the members who would move"), wxString(), "movers.csv", _("CSV files (*.csv)|*.csv"),
                     wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (ask.ShowModal() != wxID_OK) return;
    run_or_show_error(this, [&] {
        const std::string path = to_utf8(ask.GetPath());
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        if (!out) throw StorageError("movers: cannot create \"" + path + "\"");
        auto writer = report::csv_table_writer(out, report::Header::Keys);
        writer->begin({{"member", "Member", report::ColumnType::Text},
                       {"ladder", "Ladder", report::ColumnType::Text},
                       {"from", "From tier", report::ColumnType::Text},
                       {"to", "To tier", report::ColumnType::Text}});
        for (const auto& m : last_["movers"])
            writer->row({m["member"].get<std::string>(), m["ladder"].get<std::string>(), m["from"].get<std::string>(),
                         m["to"].get<std::string>()});
        writer->finish();
    });
}

}  // namespace md::views

#include "services/services.h"

namespace md {

Services::Services(std::unique_ptr<Database> db, Clock clock)
    : db_(std::move(db)),
      auth(*db_, clock),
      users(*db_, clock),
      audit(*db_, clock),
      database_admin(*db_, clock),
      backups(*db_, clock),
      program(*db_, clock),
      members(*db_, clock),
      lifecycle(*db_, clock, program),
      merges(*db_, clock, program),
      imports(*db_, clock),
      ledger(*db_, clock, program),
      ledger_batches(*db_, clock, ledger),
      openings(*db_, clock, program),
      campaigns(*db_, clock, program),
      campaign_results(*db_, clock, program, campaigns),
      complaints(*db_, clock, ledger, program),
      birthdays(*db_, clock, program),
      cards(*db_, clock, program),
      tiers(*db_, clock, program),
      simulator(*db_, clock, program),
      demo(*db_, clock) {
    program.on_submitted([this](const Actor& actor, const ChangeRequest& r) { simulator.attach_to_change(actor, r); });
}

}  // namespace md

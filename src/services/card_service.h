#pragma once
// Prepaid card batches and the life of a card outside the ledger: creating a batch (numbers,
// PINs, hashes), selling, blocking and unblocking, and looking a card up. Activation moves
// money, so it lives in LedgerService::activate_card.
#include "db/card_repository.h"
#include "services/audit_trail.h"
#include "services/program_service.h"

#include <functional>
#include <string>
#include <vector>

namespace md {

struct BatchRequest {
    Money face_value;                 // a denomination on sale today
    int quantity = 0;
    std::optional<Date> expires_on;   // last day of activation; none = no end
    std::string note;
};

// A card as it leaves the batch: the only time its PIN exists in clear.
struct IssuedCard {
    std::string number;
    std::string pin;
};

struct CardStatus {
    Card card;
    std::vector<CardEvent> events;
};

class CardService {
public:
    CardService(Database& db, Clock clock, ProgramService& program)
        : db_(db), clock_(clock), audit_(db, clock), program_(program) {}

    // `deliver` gets the PINs inside the transaction (to write the sheet and the PIN file); if it
    // throws, no card is created: a batch whose PINs were never written out would be useless.
    CardBatch create_batch(const Actor& actor, const BatchRequest& request,
                           const std::function<void(const CardBatch&, const std::vector<IssuedCard>&)>& deliver);
    std::vector<BatchSummary> batches(const Actor& actor);
    // Every card of a batch in number order (no PINs: they are not kept).
    CardBatch for_each_card(const Actor& actor, const std::string& batch_code,
                            const std::function<void(const Card&)>& each);
    CardStatus status(const Actor& actor, const std::string& number);
    CardStatus sell(const Actor& actor, const std::string& number);
    CardStatus block(const Actor& actor, const std::string& number, const std::string& reason);
    CardStatus unblock(const Actor& actor, const std::string& number, const std::string& reason);
    // Retires a card for good (destroyed, returned, replaced). An activated card's value stays in
    // the member's account: closing only ends the plastic.
    CardStatus close(const Actor& actor, const std::string& number, const std::string& reason);
    // The cards never activated whose batch's last activation day has passed; `preview` lists
    // them without changing anything, otherwise each becomes expired (with its event) in one
    // transaction and the run is one audit line.
    std::vector<Card> expire_unused(const Actor& actor, bool preview);

private:
    Card load(const std::string& typed, bool lock);
    CardStatus change(const Actor& actor, const std::string& number, const std::string& action,
                      const std::function<CardState(const Card&)>& next, const std::string& reason);
    Database& db_;
    Clock clock_;
    AuditTrail audit_;
    ProgramService& program_;
};

}  // namespace md

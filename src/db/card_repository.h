#pragma once
// Card batches, cards and each card's state changes. Writes join the caller's transaction.
#include "db/database.h"
#include "models/card.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace md {

struct NewCard {
    std::string number;
    std::string pin_hash;
};

struct CardEvent {
    std::optional<CardState> from;
    CardState to = CardState::Issued;
    std::string reason;
    std::string actor;
    Instant at;
};

struct BatchSummary {
    CardBatch batch;
    std::map<CardState, long long> cards;  // how many cards are in each state
};

class CardRepository {
public:
    explicit CardRepository(Database& db) : db_(db) {}

    std::int64_t next_batch_id();
    std::int64_t add_batch(const CardBatch& batch);
    // Inserts the cards in state issued, each with its "issued" event.
    void add_cards(std::int64_t batch_id, const std::vector<NewCard>& cards, const std::string& actor, const Instant& at);
    std::vector<BatchSummary> batches();
    std::optional<CardBatch> batch_by_code(const std::string& code);
    void for_each_card(std::int64_t batch_id, const std::function<void(const Card&)>& each);

    // `lock`: FOR UPDATE on PostgreSQL, so two consoles activating one card queue on its row.
    std::optional<Card> by_number(const std::string& number, bool lock = false);
    std::string pin_hash(std::int64_t card_id);
    // Saves state, state_before_block, wrong_pins, member and request, and adds the event when
    // the state changed.
    void save(const Card& card, std::optional<std::int64_t> member_id, std::optional<std::int64_t> request_id,
              const std::optional<CardEvent>& event);
    std::vector<CardEvent> events(std::int64_t card_id);
    // Cards never activated (issued, sold, or blocked from one of those) whose batch's last
    // activation day is before `today`, in number order.
    std::vector<Card> unused_past_expiry(const Date& today);

private:
    Database& db_;
};

}  // namespace md

#include "services/card_service.h"

#include "models/errors.h"
#include "models/translate.h"
#include "services/password_hasher.h"

#include <nlohmann/json.hpp>

namespace md {
namespace {

const char* kEntity = "card";

std::string batch_code_for(std::int64_t id) {
    std::string digits = std::to_string(id);
    return "B" + std::string(digits.size() < 6 ? 6 - digits.size() : 0, '0') + digits;
}

}  // namespace

CardBatch CardService::create_batch(const Actor& actor, const BatchRequest& in,
                                    const std::function<void(const CardBatch&, const std::vector<IssuedCard>&)>& deliver) {
    audit_.require(actor, Action::ManageCardBatches, kEntity);
    const Instant now = clock_();
    const Date today = to_business_time(now).date();
    CardBatch batch;
    batch.face_value = in.face_value;
    batch.quantity = in.quantity;
    batch.expires_on = in.expires_on;
    batch.note = in.note;
    batch.created_by = actor.username;
    batch.created_at = now;
    validate(batch);
    if (in.expires_on && *in.expires_on < today)
        throw ValidationError("expires_on", format_date(*in.expires_on),
                              subst(tr("expires_on: {0} is already past"), {format_date(*in.expires_on)}));
    const Program& rules = program_.rules_in_force(today);
    const Denomination* on_sale = nullptr;
    for (const Denomination& d : rules.denominations)
        if (d.face_value == in.face_value && d.on_sale) on_sale = &d;
    if (!on_sale)
        throw ValidationError("face_value", in.face_value.to_string(),
                              subst(tr("face_value: there is no {0} card on sale on {1}"),
                                    {in.face_value.to_display(), format_date(today)}));
    batch.bonus = on_sale->bonus;

    // The slow part (hashing every PIN) happens before the write lock is taken.
    std::vector<IssuedCard> issued(in.quantity);
    std::vector<NewCard> rows(in.quantity);
    for (int i = 0; i < in.quantity; ++i) {
        issued[i].pin = random_pin();
        rows[i].pin_hash = hash_pin(issued[i].pin);
    }
    Transaction tx(db_);
    CardRepository repo(db_);
    batch.id = repo.next_batch_id();
    batch.code = batch_code_for(batch.id);
    for (int i = 0; i < in.quantity; ++i)
        issued[i].number = rows[i].number = card_number_for(batch.id * 100000 + i + 1);
    repo.add_batch(batch);
    repo.add_cards(batch.id, rows, actor.username, now);
    audit_.record(actor.username, "card.batch_create", kEntity, batch.code, "",
                  nlohmann::json{{"face_value", batch.face_value.to_string()},
                                 {"bonus", batch.bonus.to_string()},
                                 {"quantity", batch.quantity},
                                 {"first", issued.front().number},
                                 {"last", issued.back().number}}
                      .dump(),
                  batch.note);
    deliver(batch, issued);
    tx.commit();
    return batch;
}

std::vector<BatchSummary> CardService::batches(const Actor& actor) {
    audit_.require(actor, Action::ViewAccounts, kEntity);
    return CardRepository(db_).batches();
}

CardBatch CardService::for_each_card(const Actor& actor, const std::string& batch_code,
                                     const std::function<void(const Card&)>& each) {
    audit_.require(actor, Action::ViewAccounts, kEntity, batch_code);
    CardRepository repo(db_);
    auto batch = repo.batch_by_code(batch_code);
    if (!batch) throw NotFoundError(subst(tr("batch: there is no card batch {0}"), {batch_code}));
    repo.for_each_card(batch->id, each);
    return *batch;
}

Card CardService::load(const std::string& typed, bool lock) {
    const std::string number = normalise_card_number(typed);
    if (!valid_card_number(number))
        throw ValidationError("card", typed,
                              subst(tr("card: \"{0}\" is not a card number (16 digits with a valid check digit)"), {typed}));
    auto card = CardRepository(db_).by_number(number, lock);
    if (!card) throw NotFoundError(subst(tr("card: there is no card {0}"), {group_card_number(number)}));
    return *card;
}

CardStatus CardService::status(const Actor& actor, const std::string& number) {
    audit_.require(actor, Action::ViewAccounts, kEntity, number);
    const Card card = load(number, false);
    return {card, CardRepository(db_).events(card.id)};
}

CardStatus CardService::change(const Actor& actor, const std::string& number, const std::string& action,
                               const std::function<CardState(const Card&)>& next, const std::string& reason) {
    Transaction tx(db_);
    Card card = load(number, true);
    const CardState from = card.state;
    const CardState to = next(card);  // throws when the move is not allowed
    card.state_before_block = to == CardState::Blocked ? std::optional<CardState>(from) : std::nullopt;
    card.state = to;
    if (from == CardState::Blocked) card.wrong_pins = 0;  // unblocking gives the PIN tries back
    const Instant now = clock_();
    CardRepository repo(db_);
    repo.save(card, std::nullopt, std::nullopt, CardEvent{from, to, reason, actor.username, now});
    audit_.record(actor.username, "card." + action, kEntity, card.number,
                  nlohmann::json{{"state", card_state_code(from)}}.dump(), nlohmann::json{{"state", card_state_code(to)}}.dump(),
                  reason);
    CardStatus status{card, repo.events(card.id)};
    tx.commit();
    return status;
}

CardStatus CardService::sell(const Actor& actor, const std::string& number) {
    audit_.require(actor, Action::PostTransactions, kEntity, number);
    return change(actor, number, "sell", [](const Card& c) {
        if (c.state != CardState::Issued)
            throw ConflictError(subst(tr("card {0} is {1}: only an issued card can be sold"),
                                      {group_card_number(c.number), card_state_code(c.state)}));
        return CardState::Sold;
    }, "");
}

CardStatus CardService::block(const Actor& actor, const std::string& number, const std::string& reason) {
    audit_.require(actor, Action::BlockCards, kEntity, number);
    if (reason.find_first_not_of(" \t") == std::string::npos)
        throw ValidationError("reason", reason, tr("reason: blocking a card needs a reason"));
    return change(actor, number, "block", [](const Card& c) {
        if (c.state == CardState::Blocked || c.state == CardState::Closed || c.state == CardState::Expired)
            throw ConflictError(subst(tr("card {0} is {1}: it cannot be blocked"),
                                      {group_card_number(c.number), card_state_code(c.state)}));
        return CardState::Blocked;
    }, reason);
}

CardStatus CardService::unblock(const Actor& actor, const std::string& number, const std::string& reason) {
    audit_.require(actor, Action::BlockCards, kEntity, number);
    if (reason.find_first_not_of(" \t") == std::string::npos)
        throw ValidationError("reason", reason, tr("reason: unblocking a card needs a reason"));
    return change(actor, number, "unblock", [](const Card& c) {
        if (c.state != CardState::Blocked)
            throw ConflictError(subst(tr("card {0} is {1}, not blocked"),
                                      {group_card_number(c.number), card_state_code(c.state)}));
        return c.state_before_block.value_or(CardState::Issued);
    }, reason);
}

CardStatus CardService::close(const Actor& actor, const std::string& number, const std::string& reason) {
    audit_.require(actor, Action::ManageCardBatches, kEntity, number);
    if (reason.find_first_not_of(" \t") == std::string::npos)
        throw ValidationError("reason", reason, tr("reason: closing a card needs a reason"));
    return change(actor, number, "close", [](const Card& c) {
        if (c.state == CardState::Closed || c.state == CardState::Expired)
            throw ConflictError(subst(tr("card {0} is {1}: it cannot be closed"),
                                      {group_card_number(c.number), card_state_code(c.state)}));
        return CardState::Closed;
    }, reason);
}

std::vector<Card> CardService::expire_unused(const Actor& actor, bool preview) {
    audit_.require(actor, Action::ManageCardBatches, kEntity);
    const Instant now = clock_();
    const Date today = to_business_time(now).date();
    Transaction tx(db_);
    CardRepository repo(db_);
    std::vector<Card> due = repo.unused_past_expiry(today);
    if (preview || due.empty()) return due;  // nothing written: the transaction rolls back
    for (Card& card : due) {
        const CardState from = card.state;
        card.state = CardState::Expired;
        card.state_before_block.reset();
        repo.save(card, std::nullopt, std::nullopt,
                  CardEvent{from, CardState::Expired, "last activation day " + format_date(*card.expires_on),
                            actor.username, now});
    }
    audit_.record(actor.username, "card.expire", kEntity, "", "",
                  nlohmann::json{{"cards", due.size()}, {"first", due.front().number}, {"last", due.back().number},
                                 {"as_of", format_date(today)}}
                      .dump(),
                  "");
    tx.commit();
    return due;
}

}  // namespace md

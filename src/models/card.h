#pragma once
// Prepaid cards (充值卡): the card number with its check digit, the card's states and which
// moves between them are allowed. A batch is one denomination times a quantity.
#include "models/money.h"
#include "models/timestamps.h"

#include <cstdint>
#include <optional>
#include <string>

namespace md {

// Issued with the batch, sold at a counter, activated into a member's account; blocked (by staff
// or by five wrong PINs) and unblocked; closed or expired for good.
enum class CardState { Issued, Sold, Activated, Blocked, Closed, Expired };
std::string card_state_code(CardState s);  // "issued", "sold", ...
CardState parse_card_state(const std::string& code, const std::string& field);

// Sixteen digits: the prefix 8860, the card's serial in eleven digits, a Luhn check digit, so a
// mistyped digit (and any swap of neighbours but 09/90) is caught before the database is asked.
std::string card_number_for(std::int64_t serial);
bool valid_card_number(const std::string& digits);
// "8860 0000 0000 0017" for printing; spaces and dashes typed by people are dropped by normalise.
std::string group_card_number(const std::string& number);
std::string normalise_card_number(const std::string& typed);

constexpr int kPinDigits = 8;
constexpr int kWrongPinsBeforeLock = 5;

struct CardBatch {
    std::int64_t id = 0;
    std::string code;              // "B000001"
    Money face_value;
    Money bonus;                   // loaded with each card on activation (the denomination's bonus)
    int quantity = 0;
    std::optional<Date> expires_on;  // last day a card can be activated; none = no end
    std::string created_by;
    Instant created_at;
    std::string note;
};

struct Card {
    std::int64_t id = 0;
    std::string number;
    std::int64_t batch_id = 0;
    std::string batch_code;
    Money face_value;
    Money bonus;
    CardState state = CardState::Issued;
    std::optional<CardState> state_before_block;
    int wrong_pins = 0;
    std::string member_number;     // once activated
    std::optional<Date> expires_on;
    std::int64_t version = 1;
};

// Why a card cannot be activated on `day`, or none when it can (issued or sold, not expired).
std::optional<std::string> activation_refusal(const Card& card, const Date& day);

void validate(const CardBatch& batch);

}  // namespace md

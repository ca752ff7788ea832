#include "models/card.h"

#include "models/errors.h"
#include "models/translate.h"

#include <cctype>
#include <utility>

namespace md {
namespace {

constexpr std::pair<CardState, const char*> kStates[] = {
    {CardState::Issued, "issued"},   {CardState::Sold, "sold"},     {CardState::Activated, "activated"},
    {CardState::Blocked, "blocked"}, {CardState::Closed, "closed"}, {CardState::Expired, "expired"},
};

// The Luhn digit that makes `body` + digit pass the check.
char luhn_digit(const std::string& body) {
    int sum = 0;
    bool twice = true;  // the rightmost body digit is doubled once the check digit follows it
    for (auto it = body.rbegin(); it != body.rend(); ++it, twice = !twice) {
        int d = *it - '0';
        if (twice) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
        sum += d;
    }
    return static_cast<char>('0' + (10 - sum % 10) % 10);
}

}  // namespace

std::string card_state_code(CardState s) {
    for (const auto& [state, code] : kStates)
        if (state == s) return code;
    return "unknown";
}

CardState parse_card_state(const std::string& code, const std::string& field) {
    for (const auto& [state, name] : kStates)
        if (code == name) return state;
    throw ValidationError(field, code, subst(tr("{0}: \"{1}\" is not a card state"), {field, code}));
}

std::string card_number_for(std::int64_t serial) {
    std::string digits = std::to_string(serial);
    std::string body = "8860" + std::string(11 - std::min<std::size_t>(11, digits.size()), '0') + digits;
    return body + luhn_digit(body);
}

bool valid_card_number(const std::string& digits) {
    if (digits.size() != 16) return false;
    for (char c : digits)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return luhn_digit(digits.substr(0, 15)) == digits[15];
}

std::string group_card_number(const std::string& number) {
    std::string out;
    for (std::size_t i = 0; i < number.size(); ++i) {
        if (i > 0 && i % 4 == 0) out += ' ';
        out += number[i];
    }
    return out;
}

std::string normalise_card_number(const std::string& typed) {
    std::string out;
    for (char c : typed)
        if (c != ' ' && c != '-') out += c;
    return out;
}

std::optional<std::string> activation_refusal(const Card& card, const Date& day) {
    const std::string number = group_card_number(card.number);
    switch (card.state) {
    case CardState::Activated:
        return subst(tr("card {0} has already been activated (into {1})"), {number, card.member_number});
    case CardState::Blocked: return subst(tr("card {0} is blocked"), {number});
    case CardState::Closed: return subst(tr("card {0} is closed"), {number});
    case CardState::Expired: return subst(tr("card {0} has expired"), {number});
    default: break;
    }
    if (card.expires_on && day > *card.expires_on)
        return subst(tr("card {0} expired on {1}"), {number, format_date(*card.expires_on)});
    return std::nullopt;
}

void validate(const CardBatch& b) {
    if (b.quantity < 1 || b.quantity > 100000)
        throw ValidationError("quantity", std::to_string(b.quantity),
                              subst(tr("quantity: between 1 and 100,000 cards, not {0}"), {std::to_string(b.quantity)}));
    if (b.face_value.fen() <= 0)
        throw ValidationError("face_value", b.face_value.to_string(),
                              subst(tr("face_value: {0} is not a face value"), {b.face_value.to_string()}));
}

}  // namespace md

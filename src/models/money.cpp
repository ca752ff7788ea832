#include "models/money.h"

#include "models/errors.h"
#include "models/translate.h"

#include <cctype>
#include <cstdlib>
#include <limits>

namespace md {

Money Money::parse(const std::string& text, const std::string& field) {
    auto refuse = [&] {
        return ValidationError(field, text,
                               subst(tr("{0}: \"{1}\" is not an amount in yuan (at most two decimals)"),
                                     {field, text}));
    };
    std::size_t i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
    std::int64_t yuan = 0;
    int digits = 0;
    constexpr std::int64_t kMaxYuan = std::numeric_limits<std::int64_t>::max() / 100 - 1;
    for (; i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == ','); ++i) {
        if (text[i] == ',') continue;
        yuan = yuan * 10 + (text[i] - '0');
        if (++digits > 18 || yuan > kMaxYuan) throw refuse();
    }
    std::int64_t fen = 0;
    int decimals = 0;
    if (i < text.size() && text[i] == '.') {
        for (++i; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i) {
            if (++decimals > 2) throw refuse();
            fen = fen * 10 + (text[i] - '0');
        }
        if (decimals == 1) fen *= 10;
    }
    if (i != text.size() || (digits == 0 && decimals == 0)) throw refuse();
    const std::int64_t total = yuan * 100 + fen;
    return Money(negative ? -total : total);
}

std::string Money::to_string() const {
    const std::uint64_t magnitude = fen_ < 0 ? 0 - static_cast<std::uint64_t>(fen_) : fen_;
    std::string cents = std::to_string(magnitude % 100);
    if (cents.size() < 2) cents = "0" + cents;
    return (fen_ < 0 ? "-" : "") + std::to_string(magnitude / 100) + "." + cents;
}

std::string Money::to_display() const {
    const std::string plain = to_string();
    const bool negative = plain[0] == '-';
    const std::string digits = plain.substr(negative ? 1 : 0, plain.find('.') - (negative ? 1 : 0));
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
        grouped += digits[i];
    }
    return std::string(negative ? "-" : "") + "¥" + grouped + plain.substr(plain.find('.'));
}

}  // namespace md

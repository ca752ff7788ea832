#include "models/discount.h"

#include "models/errors.h"
#include "models/translate.h"

#include <cctype>

namespace md {
namespace {

// "95.5" with max_decimals 2 → 9550: the number times 10^max_decimals; -1 when it is not a
// plain decimal with at most that many decimals.
int scaled_decimal(const std::string& digits, int max_decimals) {
    int whole = 0, frac = 0, decimals = 0;
    std::size_t i = 0;
    bool any = false;
    for (; i < digits.size() && std::isdigit(static_cast<unsigned char>(digits[i])); ++i, any = true) {
        whole = whole * 10 + (digits[i] - '0');
        if (whole > 1000) return -1;
    }
    if (i < digits.size() && digits[i] == '.') {
        for (++i; i < digits.size() && std::isdigit(static_cast<unsigned char>(digits[i])); ++i, any = true) {
            if (++decimals > max_decimals) return -1;
            frac = frac * 10 + (digits[i] - '0');
        }
    }
    if (!any || i != digits.size()) return -1;
    int scale = 1;
    for (int d = 0; d < max_decimals; ++d) scale *= 10;
    for (int d = decimals; d < max_decimals; ++d) frac *= 10;
    return whole * scale + frac;
}

std::string trim_zeros(int bp_of_percent) {
    std::string s = std::to_string(bp_of_percent / 100);
    const int frac = bp_of_percent % 100;
    if (frac) s += "." + std::string(frac < 10 ? "0" : "") + std::to_string(frac % 10 == 0 ? frac / 10 : frac);
    return s;
}

}  // namespace

Discount Discount::parse(const std::string& text, const std::string& field) {
    auto refuse = [&] {
        return ValidationError(field, text,
                               subst(tr("{0}: \"{1}\" is not a discount (write 98折, 9折 or 95%)"), {field, text}));
    };
    const std::string zhe = "折";
    int bp = -1;
    if (text.size() > zhe.size() && text.compare(text.size() - zhe.size(), zhe.size(), zhe) == 0) {
        // Chinese reading: one digit is tenths (9折 = 90%), two digits are percent (95折 = 95%),
        // a decimal is tenths too (8.5折 = 85%, 8.85折 = 88.5%).
        const std::string n = text.substr(0, text.size() - zhe.size());
        const bool tenths = n.find('.') != std::string::npos || n.size() == 1;
        if (!tenths && n.size() > 2) throw refuse();
        bp = tenths ? scaled_decimal(n, 3) : scaled_decimal(n, 2);  // 8.85 → 8850; 95 → 9500
    } else if (!text.empty() && text.back() == '%') {
        bp = scaled_decimal(text.substr(0, text.size() - 1), 2);
    }
    if (bp < 0) throw refuse();
    Discount d(bp);
    d.validate(field);
    return d;
}

std::string Discount::to_zhe() const {
    // Full price has no 折 form that reads back unambiguously ("10折" reads as 10%).
    if (paid_bp_ == 10000) return "100%";
    if (paid_bp_ % 1000 == 0) return std::to_string(paid_bp_ / 1000) + "折";               // 9折 = 90%
    if (paid_bp_ >= 1000 && paid_bp_ % 100 == 0) return std::to_string(paid_bp_ / 100) + "折";  // 95折
    // Otherwise tenths with decimals: 88.5% paid is 8.85折, 5% is 0.5折.
    std::string rest = std::to_string(paid_bp_ % 1000);
    rest = std::string(3 - rest.size(), '0') + rest;
    while (rest.back() == '0') rest.pop_back();
    return std::to_string(paid_bp_ / 1000) + "." + rest + "折";
}

std::string Discount::to_off() const {
    if (paid_bp_ == 10000) return tr("no discount");
    // xgettext:no-c-format
    return subst(tr("{0}% off"), {trim_zeros(10000 - paid_bp_)});
}

void Discount::validate(const std::string& field) const {
    if (paid_bp_ < 100 || paid_bp_ > 10000)
        throw ValidationError(field, std::to_string(paid_bp_ / 100) + "%",
                              subst(tr("{0}: a member pays between 1% and 100% of the price, not {1}%"),
                                    {field, trim_zeros(paid_bp_)}));
}

}  // namespace md

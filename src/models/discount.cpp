#include "models/discount.h"

#include "models/errors.h"
#include "models/translate.h"

#include <cctype>

namespace md {
namespace {

// "95.5" → 9550 basis points of a percentage; -1 when not a number with ≤ 2 decimals.
int percent_to_bp(const std::string& digits) {
    int whole = 0, frac = 0, decimals = 0;
    std::size_t i = 0;
    bool any = false;
    for (; i < digits.size() && std::isdigit(static_cast<unsigned char>(digits[i])); ++i, any = true) {
        whole = whole * 10 + (digits[i] - '0');
        if (whole > 1000) return -1;
    }
    if (i < digits.size() && digits[i] == '.') {
        for (++i; i < digits.size() && std::isdigit(static_cast<unsigned char>(digits[i])); ++i, any = true) {
            if (++decimals > 2) return -1;
            frac = frac * 10 + (digits[i] - '0');
        }
        if (decimals == 1) frac *= 10;
    }
    if (!any || i != digits.size()) return -1;
    return whole * 100 + frac;
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
        const int value = percent_to_bp(n);
        if (value < 0) throw refuse();
        const bool tenths = n.find('.') != std::string::npos || n.size() == 1;
        bp = tenths ? value * 10 : value;
        if (!tenths && n.size() > 2) throw refuse();
    } else if (!text.empty() && text.back() == '%') {
        bp = percent_to_bp(text.substr(0, text.size() - 1));
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
    return subst(tr("{0}% off"), {trim_zeros(10000 - paid_bp_)});
}

void Discount::validate(const std::string& field) const {
    if (paid_bp_ < 100 || paid_bp_ > 10000)
        throw ValidationError(field, std::to_string(paid_bp_ / 100) + "%",
                              subst(tr("{0}: a member pays between 1% and 100% of the price, not {1}%"),
                                    {field, trim_zeros(paid_bp_)}));
}

}  // namespace md

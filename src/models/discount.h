#pragma once
// A member discount, stored exactly as the share of the price the member pays, in basis
// points (9800 = pays 98.00%). Shown Chinese-style: 98折 (pay 98%), 9折 (pay 90%), 85折.
#include <cstdint>
#include <string>

namespace md {

class Discount {
public:
    constexpr Discount() = default;
    static constexpr Discount paying_basis_points(int bp) { return Discount(bp); }
    // "98折", "9折", "8.5折" or a percentage paid "98%"; throws ValidationError naming field.
    static Discount parse(const std::string& text, const std::string& field);

    constexpr int paid_basis_points() const { return paid_bp_; }
    std::string to_zhe() const;   // "98折", "9折", "8.85折" (88.5%); full price is "100%"
    std::string to_off() const;   // "2% off", "11.5% off", "no discount"
    // Valid between 1% and 100% paid; ValidationError otherwise.
    void validate(const std::string& field) const;

    constexpr bool operator==(Discount o) const { return paid_bp_ == o.paid_bp_; }
    constexpr bool operator!=(Discount o) const { return paid_bp_ != o.paid_bp_; }

private:
    constexpr explicit Discount(int bp) : paid_bp_(bp) {}
    int paid_bp_ = 10000;
};

}  // namespace md

#pragma once
// Money is an integer count of fen (0.01 yuan) in an int64. Never floating point.
// Parsing accepts at most two decimals and refuses anything else rather than rounding.
#include <cstdint>
#include <string>

namespace md {

class Money {
public:
    constexpr Money() = default;
    static constexpr Money from_fen(std::int64_t fen) { return Money(fen); }
    static constexpr Money from_yuan(std::int64_t yuan) { return Money(yuan * 100); }
    // "12,000.50", "-3", "0.5" → fen; throws ValidationError naming the field.
    static Money parse(const std::string& text, const std::string& field);

    constexpr std::int64_t fen() const { return fen_; }
    std::string to_string() const;  // "12000.50", "-0.05": plain, for files
    std::string to_display() const; // "¥12,000.50": grouped, for people

    constexpr Money operator+(Money o) const { return Money(fen_ + o.fen_); }
    constexpr Money operator-(Money o) const { return Money(fen_ - o.fen_); }
    constexpr Money operator-() const { return Money(-fen_); }
    Money& operator+=(Money o) { fen_ += o.fen_; return *this; }
    Money& operator-=(Money o) { fen_ -= o.fen_; return *this; }
    constexpr bool operator==(Money o) const { return fen_ == o.fen_; }
    constexpr bool operator!=(Money o) const { return fen_ != o.fen_; }
    constexpr bool operator<(Money o) const { return fen_ < o.fen_; }
    constexpr bool operator<=(Money o) const { return fen_ <= o.fen_; }
    constexpr bool operator>(Money o) const { return fen_ > o.fen_; }
    constexpr bool operator>=(Money o) const { return fen_ >= o.fen_; }

private:
    constexpr explicit Money(std::int64_t fen) : fen_(fen) {}
    std::int64_t fen_ = 0;
};

}  // namespace md

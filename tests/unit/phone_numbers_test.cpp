// The fast path of normalize_mobile rests on one fact about libphonenumber's metadata: an
// eleven-digit Chinese number's validity and type depend on its first kMobileBlockDigits
// digits. These tests check that fact against the installed library, and that the fast path
// answers exactly as the general parser does.
#include "models/errors.h"
#include "services/phone_numbers.h"

#include <gtest/gtest.h>
#include <phonenumbers/phonenumberutil.h>
#include <random>

using namespace md;
using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

namespace {

int type_of(unsigned long long national) {
    const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
    PhoneNumber n;
    n.set_country_code(86);
    n.set_national_number(national);
    return util->IsValidNumber(n) ? static_cast<int>(util->GetNumberType(n)) : -1;
}

std::string outcome(const std::string& text) {
    try {
        return normalize_mobile(text, "mobile");
    } catch (const ValidationError& e) {
        return std::string("refused: ") + e.what();
    }
}

}  // namespace

TEST(PhoneNumbers, MobileTypeDependsOnTheFirstFiveDigits) {
    std::mt19937_64 rng(42);
    unsigned long long block = 1;
    for (int i = 0; i < kMobileBlockDigits - 1; ++i) block *= 10;
    const unsigned long long rest = 100000000000ULL / (block * 10);  // numbers per block
    for (unsigned long long prefix = block; prefix < 2 * block; ++prefix) {
        const int first = type_of(prefix * rest);
        // Both ends of the block and a few numbers between must agree.
        for (unsigned long long suffix : {rest - 1, rng() % rest, rng() % rest, rng() % rest, rng() % rest})
            ASSERT_EQ(type_of(prefix * rest + suffix), first) << "block " << prefix;
    }
}

TEST(PhoneNumbers, TheFastPathAnswersAsTheGeneralParser) {
    std::mt19937_64 rng(7);
    for (int i = 0; i < 3000; ++i) {
        const std::string digits = "1" + std::to_string(1000000000ULL + rng() % 9000000000ULL);
        // Dots are not on the fast path: the general parser reads "138.0013.8000".
        const std::string dotted = digits.substr(0, 3) + "." + digits.substr(3, 4) + "." + digits.substr(7);
        const std::string fast = outcome(digits), general = outcome(dotted);
        if (fast.rfind("refused", 0) == 0)
            EXPECT_EQ(general.rfind("refused", 0), 0u) << digits;
        else
            EXPECT_EQ(fast, general) << digits;
    }
    EXPECT_EQ(outcome("+86 138 0013 8000"), "+8613800138000");
    EXPECT_EQ(outcome("86-138-0013-8000"), "+8613800138000");
    EXPECT_NE(outcome("010 8888 6666").rfind("refused", 0), std::string::npos);  // a Beijing landline
}

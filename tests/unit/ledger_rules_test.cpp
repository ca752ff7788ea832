// The ledger's pure rules: bucket draws, refund splits, coin order, package rounding, card numbers.
#include "models/card.h"
#include "models/errors.h"
#include "models/ledger.h"

#include <gtest/gtest.h>
#include <random>

using namespace md;

namespace {
Money fen(std::int64_t f) { return Money::from_fen(f); }
}  // namespace

TEST(LedgerRules, DrawTakesBucketsInOrderAndRefusesAShortBalance) {
    const StoredValue balance{fen(1000), fen(500), fen(200)};
    const StoredValue taken = draw(balance, fen(1200), kDefaultDrawOrder);
    EXPECT_EQ(taken, (StoredValue{fen(1000), fen(200), fen(0)}));
    const StoredValue bonus_first = draw(balance, fen(600), {Bucket::Bonus, Bucket::Compensation, Bucket::Principal});
    EXPECT_EQ(bonus_first, (StoredValue{fen(0), fen(500), fen(100)}));
    EXPECT_THROW(draw(balance, fen(1701), kDefaultDrawOrder), ValidationError);
}

TEST(LedgerRules, PartialRefundsAddUpExactlyAndNeverExceedAPart) {
    std::mt19937_64 rng(20261130);
    for (int trial = 0; trial < 2000; ++trial) {
        std::uniform_int_distribution<std::int64_t> part(0, 50000);
        const Payment paid{{fen(part(rng)), fen(part(rng)), fen(part(rng))}, fen(part(rng) / 3)};
        const std::int64_t total = paid.total().fen();
        if (total == 0) continue;
        Payment before;
        std::int64_t refunded = 0;
        while (refunded < total) {
            refunded = std::min(total, refunded + std::uniform_int_distribution<std::int64_t>(1, total / 3 + 1)(rng));
            const Payment now = refund_share(paid, fen(refunded));
            ASSERT_EQ(now.total().fen(), refunded);
            for (Bucket b : kValueBuckets) {
                ASSERT_LE(now.stored_value.at(b), paid.stored_value.at(b));
                ASSERT_GE(now.stored_value.at(b), before.stored_value.at(b)) << "a later refund never takes back";
            }
            ASSERT_LE(now.other, paid.other);
            ASSERT_GE(now.other, before.other);
            before = now;
        }
        ASSERT_EQ(before.stored_value, paid.stored_value);
        ASSERT_EQ(before.other, paid.other);
    }
}

TEST(LedgerRules, CoinsTakenBackAndDiscountsRoundAsWritten) {
    EXPECT_EQ(coins_to_take_back(50, fen(100000), fen(10000)), 5);
    EXPECT_EQ(coins_to_take_back(19, fen(39999), fen(10000)), 4);  // 4.75 → 4
    EXPECT_EQ(discounted(fen(12345), 9500), fen(11728));            // 117.2775 → 117.28 (half up)
    EXPECT_EQ(discounted(fen(10), 9500), fen(10));                  // 0.095 → 0.10
    EXPECT_EQ(discounted(fen(10000), 10000), fen(10000));
}

TEST(LedgerRules, RechargeBonusIsTheLargestThatThePaymentReachesOnThatDay) {
    const Date from = parse_date("2026-01-01", "d");
    const std::vector<RechargeBonus> bonuses = {
        {"a", "", "", Money::from_yuan(12000), Money::from_yuan(15000), from, {}},
        {"b", "", "", Money::from_yuan(32000), Money::from_yuan(40000), from, parse_date("2026-06-30", "d")},
    };
    EXPECT_FALSE(recharge_bonus_for(bonuses, fen(1199999), parse_date("2026-03-01", "d")));
    EXPECT_EQ(recharge_bonus_for(bonuses, Money::from_yuan(12000), parse_date("2026-03-01", "d"))->code, "a");
    EXPECT_EQ(recharge_bonus_for(bonuses, Money::from_yuan(40000), parse_date("2026-06-30", "d"))->code, "b");
    EXPECT_EQ(recharge_bonus_for(bonuses, Money::from_yuan(40000), parse_date("2026-07-01", "d"))->code, "a");
    EXPECT_FALSE(recharge_bonus_for(bonuses, Money::from_yuan(40000), parse_date("2025-12-31", "d")));
}

TEST(LedgerRules, CoinsComeFromTheNearestExpiryFirstAndExpireAfterTheirLastDay) {
    const Date d1 = parse_date("2026-12-04", "d"), d2 = parse_date("2026-12-31", "d");
    const std::vector<CoinLot> lots = {{1, parse_date("2026-11-22", "d"), d2, 20},
                                       {2, parse_date("2026-11-23", "d"), std::nullopt, 10},
                                       {3, parse_date("2026-11-24", "d"), d1, 5}};
    const auto taken = take_coins(lots, 7, parse_date("2026-11-30", "d"));
    ASSERT_EQ(taken.size(), 2u);
    EXPECT_EQ(taken[0], (std::pair<std::int64_t, std::int64_t>{3, 5}));
    EXPECT_EQ(taken[1], (std::pair<std::int64_t, std::int64_t>{1, 2}));
    EXPECT_EQ(usable_coins(lots, d1), 35);
    EXPECT_EQ(usable_coins(lots, d1 + boost::gregorian::days(1)), 30);
    EXPECT_THROW(take_coins(lots, 31, d1 + boost::gregorian::days(1)), ValidationError);
    PointsRule rule;
    rule.expiry = CoinExpiry::DaysAfterEarning;
    rule.expiry_days = 30;
    EXPECT_EQ(*coin_expiry(rule, parse_date("2026-11-22", "d")), parse_date("2026-12-22", "d"));
    rule.expiry = CoinExpiry::EndOfCalendarYear;
    EXPECT_EQ(*coin_expiry(rule, parse_date("2026-01-01", "d")), d2);
}

TEST(LedgerRules, PackageDeliveriesAddUpAndCancellationFavoursTheMember) {
    EXPECT_EQ(delivered_value(Money::from_yuan(100), 3, 1), fen(3333));
    EXPECT_EQ(delivered_value(Money::from_yuan(100), 3, 3), Money::from_yuan(100));
    EXPECT_EQ(package_refund(Money::from_yuan(100), 3, 1), fen(6667));
    EXPECT_EQ(package_refund(Money::from_yuan(100), 3, 0), Money::from_yuan(100));
    EXPECT_EQ(package_refund(Money::from_yuan(100), 3, 3), Money());
}

TEST(CardNumbers, CheckDigitCatchesTyposAndNumbersAreGrouped) {
    const std::string n = card_number_for(100001);
    EXPECT_EQ(n, "8860000001000019");
    EXPECT_TRUE(valid_card_number(n));
    for (std::size_t i = 0; i < n.size(); ++i)
        for (char c = '0'; c <= '9'; ++c) {
            if (c == n[i]) continue;
            std::string typo = n;
            typo[i] = c;
            EXPECT_FALSE(valid_card_number(typo)) << typo;
        }
    EXPECT_FALSE(valid_card_number("886000000100001"));
    EXPECT_EQ(group_card_number(n), "8860 0000 0100 0019");
    EXPECT_EQ(normalise_card_number("8860-0000 0100-0019"), n);
}

TEST(CardNumbers, OnlyAnIssuedOrSoldCardWithinItsDatesCanBeActivated) {
    Card c;
    c.number = card_number_for(7);
    c.expires_on = parse_date("2026-12-31", "d");
    EXPECT_FALSE(activation_refusal(c, parse_date("2026-12-31", "d")));
    EXPECT_TRUE(activation_refusal(c, parse_date("2027-01-01", "d")));
    for (CardState s : {CardState::Activated, CardState::Blocked, CardState::Closed, CardState::Expired}) {
        c.state = s;
        EXPECT_TRUE(activation_refusal(c, parse_date("2026-12-01", "d"))) << card_state_code(s);
    }
}

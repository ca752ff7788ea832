#include "models/date_text.h"
#include "models/errors.h"
#include "models/money.h"
#include "models/role.h"
#include "models/timestamps.h"
#include "models/translate.h"
#include "models/user.h"

#include <gtest/gtest.h>

using namespace md;

TEST(Roles, CodesRoundTripAndUnknownIsRefusedWithTheValue) {
    for (Role r : all_roles()) EXPECT_EQ(parse_role(role_code(r)), r);
    EXPECT_EQ(all_roles().size(), 6u);
    try {
        require_role("boss");
        FAIL() << "boss accepted";
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.field(), "role");
        EXPECT_EQ(e.value(), "boss");
        EXPECT_NE(std::string(e.what()).find("\"boss\""), std::string::npos);
    }
}

TEST(Permissions, OnlyAdminsManageUsersAndTheAuditorOnlyReads) {
    for (Role r : all_roles()) EXPECT_EQ(role_may(r, Action::ManageUsers), r == Role::Admin) << role_code(r);
    EXPECT_TRUE(role_may(Role::Auditor, Action::ViewAudit));
    EXPECT_FALSE(role_may(Role::Auditor, Action::MigrateDatabase));
    EXPECT_FALSE(role_may(Role::Service, Action::ViewAudit));
    EXPECT_EQ(action_code(Action::ManageUsers), "user.manage");
}

TEST(Money, ParsesYuanToFenExactlyAndRefusesMoreThanTwoDecimals) {
    EXPECT_EQ(Money::parse("12,000.50", "amount").fen(), 1200050);
    EXPECT_EQ(Money::parse("0.5", "amount").fen(), 50);
    EXPECT_EQ(Money::parse("-3", "amount").fen(), -300);
    EXPECT_THROW(Money::parse("1.005", "amount"), ValidationError);
    EXPECT_THROW(Money::parse("abc", "amount"), ValidationError);
    EXPECT_THROW(Money::parse("", "amount"), ValidationError);
    EXPECT_EQ(Money::from_fen(-5).to_string(), "-0.05");
    EXPECT_EQ(Money::from_fen(1234567).to_display(), "¥12,345.67");
}

TEST(Translate, SubstitutesNumberedArgumentsInAnyOrder) {
    EXPECT_EQ(subst("{1} before {0}", {"a", "b"}), "b before a");
    EXPECT_EQ(subst("{x} and {5}", {"a"}), "{x} and {5}");
}

TEST(DateText, EnglishKeepsIsoAndChineseWritesYearMonthDayWithoutLeadingZeros) {
    const Date day(2026, 11, 2);
    const Instant utc(day, boost::posix_time::time_duration(6, 5, 0));  // 14:05 in business time
    EXPECT_EQ(display_date(day), "2026-11-02");
    EXPECT_EQ(display_business_time(utc), "2026-11-02 14:05");
    EXPECT_EQ(display_date(Date(boost::gregorian::not_a_date_time)), "");
    // The GUI's catalog translates the patterns; a stand-in translator with the zh_CN entries.
    set_translator([](const char* msgid) -> std::string {
        const std::string id = msgid;
        return id == "{0}-{1}-{2}" ? "{0}年{3}月{4}日" : id;
    });
    EXPECT_EQ(display_date(day), "2026年11月2日");
    EXPECT_EQ(display_date(Date(2026, 1, 22)), "2026年1月22日");
    EXPECT_EQ(display_business_time(utc), "2026年11月2日 14:05");
    EXPECT_EQ(display_business_time(Instant(Date(2026, 12, 31), boost::posix_time::hours(17))), "2027年1月1日 01:00");
    set_translator(nullptr);
}

TEST(Users, NamesAndPasswordsAreCheckedWithoutEchoingTheSecret) {
    EXPECT_NO_THROW(validate_username("li.na"));
    EXPECT_THROW(validate_username("Li Na"), ValidationError);
    EXPECT_THROW(validate_username("9lives"), ValidationError);
    EXPECT_THROW(validate_username("x"), ValidationError);
    try {
        validate_new_password("short");
        FAIL();
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.field(), "password");
        EXPECT_EQ(std::string(e.what()).find("short\""), std::string::npos);
    }
}

TEST(Users, LockLastsUntilTheInstantAndNoLonger) {
    User u;
    const Instant t = parse_instant("2026-11-22 06:00:00");
    u.locked_until = t + boost::posix_time::minutes(15);
    EXPECT_TRUE(is_locked(u, t));
    EXPECT_TRUE(is_locked(u, t + boost::posix_time::minutes(14)));
    EXPECT_FALSE(is_locked(u, t + boost::posix_time::minutes(15)));
}

TEST(Timestamps, BusinessDayIsShanghaiTime) {
    const Date d(2026, 11, 22);
    EXPECT_EQ(format_instant(business_day_start_utc(d)), "2026-11-21 16:00:00");
    EXPECT_EQ(format_business_time(parse_instant("2026-11-21T16:30:00")), "2026-11-22 00:30");
    EXPECT_THROW(parse_date("2026-02-30", "from"), ValidationError);
    EXPECT_EQ(parse_date("2024-02-29", "from"), Date(2024, 2, 29));
}

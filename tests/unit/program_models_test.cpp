#include "models/change_request.h"
#include "models/complaint_policy.h"
#include "models/errors.h"
#include "models/meal_package.h"
#include "models/points_rule.h"
#include "models/prepaid_offer.h"
#include "models/tier_ladder.h"
#include "services/json_diff.h"
#include "services/program_codec.h"

#include <gtest/gtest.h>

using namespace md;

TEST(Discount, ReadsAndWritesChineseStyleExactly) {
    EXPECT_EQ(Discount::parse("98折", "d").paid_basis_points(), 9800);
    EXPECT_EQ(Discount::parse("9折", "d").paid_basis_points(), 9000);
    EXPECT_EQ(Discount::parse("8.5折", "d").paid_basis_points(), 8500);
    EXPECT_EQ(Discount::parse("95%", "d").paid_basis_points(), 9500);
    for (int bp : {9800, 9500, 9300, 9000, 8000, 8850, 500, 100, 10000, 9999})
        EXPECT_EQ(Discount::parse(Discount::paying_basis_points(bp).to_zhe(), "d").paid_basis_points(), bp) << bp;
    EXPECT_EQ(Discount::paying_basis_points(9800).to_zhe(), "98折");
    EXPECT_EQ(Discount::paying_basis_points(9000).to_zhe(), "9折");
    EXPECT_EQ(Discount::paying_basis_points(9800).to_off(), "2% off");
    EXPECT_THROW(Discount::parse("0折", "d"), ValidationError);
    EXPECT_THROW(Discount::parse("101%", "d"), ValidationError);
    EXPECT_THROW(Discount::parse("0%", "d"), ValidationError);
    EXPECT_THROW(Discount::parse("abc", "d"), ValidationError);
}

namespace {
TierLadder individual() {
    TierLadder l;
    l.code = "individual";
    l.name_zh = "个人";
    auto tier = [](const char* code, const char* zh, std::int64_t yuan, int bp) {
        Tier t;
        t.code = code;
        t.name_zh = zh;
        t.threshold = Money::from_yuan(yuan);
        t.discount = Discount::paying_basis_points(bp);
        return t;
    };
    l.tiers = {tier("yellow", "黄钻", 1000, 9800), tier("red", "红钻", 2000, 9500), tier("black", "黑钻", 3000, 9300)};
    return l;
}

template <class F>
std::string refused_field(F&& f) {
    try {
        f();
    } catch (const ValidationError& e) {
        return e.field() + "=" + e.value();
    }
    return "accepted";
}
}  // namespace

TEST(TierLadder, ThresholdsMustAscendAndNamesBeUnique) {
    EXPECT_NO_THROW(validate(individual()));
    TierLadder l = individual();
    l.tiers[2].threshold = Money::from_yuan(2000);
    EXPECT_EQ(refused_field([&] { validate(l); }), "ladder individual.tiers[3].threshold=2000.00");
    l = individual();
    l.tiers[1].name_zh = "黄钻";
    EXPECT_EQ(refused_field([&] { validate(l); }), "ladder individual.tiers[2].name=黄钻");
    l = individual();
    l.tiers[0].discount = Discount::paying_basis_points(0);
    EXPECT_NE(refused_field([&] { validate(l); }), "accepted");
}

TEST(PointsRule, CoinsAreWholeAndTruncated) {
    PointsRule r;
    EXPECT_EQ(coins_for(r, Money::parse("19.99", "x")), 0);
    EXPECT_EQ(coins_for(r, Money::parse("20.00", "x")), 1);  // the threshold itself earns
    EXPECT_EQ(coins_for(r, Money::parse("39.99", "x")), 1);
    EXPECT_EQ(coins_for(r, Money::parse("1000", "x")), 50);
    EXPECT_EQ(coins_for(r, Money::parse("-40", "x")), 0);
}

TEST(ProgramItems, BadValuesNameTheFieldAndValue) {
    MealPackage p;
    p.code = "family";
    p.name_zh = "全家";
    p.kind = PackageKind::SpecialNeed;
    p.group = "family";
    p.deliveries = 0;
    EXPECT_EQ(refused_field([&] { validate(p); }), "package family.deliveries=0");
    p.deliveries = 4;
    p.price = Money::from_yuan(-1);
    EXPECT_EQ(refused_field([&] { validate(p); }), "package family.price=-1.00");

    RechargeBonus b;
    b.code = "b";
    b.pay = Money::from_yuan(12000);
    b.receive = Money::from_yuan(15000);
    b.valid_from = Date(2026, 12, 1);
    b.valid_to = Date(2026, 11, 30);
    EXPECT_EQ(refused_field([&] { validate(b); }), "bonus b.valid_to=2026-11-30");
}

TEST(ProgramCodec, RefusesUnknownFieldsAndWrongTypesWithTheirPath) {
    const auto ladder = to_json(individual());
    nlohmann::json j = nlohmann::json::parse(ladder.dump());
    EXPECT_EQ(read_item(ChangeKind::Ladder, j, "ladder").json, ladder.dump());
    j["tiers"][1]["colour"] = "red";
    EXPECT_EQ(refused_field([&] { read_item(ChangeKind::Ladder, j, "ladders[1]"); }), "ladders[1].tiers[2].colour=\"red\"");
    j = nlohmann::json::parse(ladder.dump());
    j["tiers"][0]["threshold"] = 1000.5;
    EXPECT_EQ(refused_field([&] { read_item(ChangeKind::Ladder, j, "ladders[1]"); }), "ladders[1].tiers[1].threshold=1000.5");
    j = nlohmann::json::parse(ladder.dump());
    j["packages_count"] = "yes";
    EXPECT_EQ(refused_field([&] { read_item(ChangeKind::Ladder, j, "l"); }), "l.packages_count=\"yes\"");
}

TEST(ProgramCodec, ComplaintDeskCalendarAndPolicyReadBackExactlyAndRefuseMistakes) {
    // The built-in calendar and policy survive JSON unchanged (canonical: writing again gives the same bytes).
    const std::string calendar = to_json(default_business_calendar()).dump();
    EXPECT_EQ(business_calendar_from_json(nlohmann::json::parse(calendar), "business_calendar"), default_business_calendar());
    EXPECT_EQ(read_item(ChangeKind::BusinessCalendar, nlohmann::json::parse(calendar), "c").json, calendar);
    EXPECT_NE(calendar.find(R"("MO":{"opens":"09:00","closes":"18:00"})"), std::string::npos) << calendar;
    EXPECT_NE(calendar.find(R"("SA":null)"), std::string::npos) << calendar;
    const std::string policy = to_json(default_complaint_policy()).dump();
    EXPECT_EQ(complaint_policy_from_json(nlohmann::json::parse(policy), "complaint_policy"), default_complaint_policy());

    nlohmann::json j = nlohmann::json::parse(calendar);
    j["week"].erase("WE");
    EXPECT_EQ(refused_field([&] { read_item(ChangeKind::BusinessCalendar, j, "business_calendar"); }),
              "business_calendar.week.WE=") << "a weekday left out is a mistake, not a closed day";
    j = nlohmann::json::parse(calendar);
    j["week"]["MO"]["closes"] = "25:00";
    EXPECT_EQ(refused_field([&] { read_item(ChangeKind::BusinessCalendar, j, "business_calendar"); }),
              "business_calendar.week.MO.closes=25:00");
    j = nlohmann::json::parse(calendar);
    j["holidays"].push_back("2027-02-30");
    EXPECT_EQ(refused_field([&] { read_item(ChangeKind::BusinessCalendar, j, "business_calendar"); }).substr(0, 27),
              "business_calendar.holidays[");

    j = nlohmann::json::parse(policy);
    j["targets"][0]["member_class"] = "vip";
    EXPECT_EQ(refused_field([&] { read_item(ChangeKind::ComplaintPolicy, j, "complaint_policy"); }),
              "complaint_policy.targets[1].member_class=vip");
    j = nlohmann::json::parse(policy);
    j["caps"][0]["role"] = "cashier";
    EXPECT_EQ(refused_field([&] { read_item(ChangeKind::ComplaintPolicy, j, "complaint_policy"); }),
              "complaint_policy.caps[1].role=cashier");
    // The monthly compensation budget: written, read back, the built-in one when a policy approved
    // before it existed has none, and never negative.
    EXPECT_NE(policy.find(R"("compensation_budget_per_month":"10000.00")"), std::string::npos) << policy;
    j = nlohmann::json::parse(policy);
    j["compensation_budget_per_month"] = "2500.50";
    EXPECT_EQ(complaint_policy_from_json(j, "p").compensation_budget_per_month, Money::from_fen(250050));
    j.erase("compensation_budget_per_month");
    EXPECT_EQ(complaint_policy_from_json(j, "p").compensation_budget_per_month, Money::from_yuan(10000));
    j["compensation_budget_per_month"] = "-1.00";
    EXPECT_EQ(refused_field([&] { read_item(ChangeKind::ComplaintPolicy, j, "complaint_policy"); }),
              "policy.compensation_budget_per_month=-1.00");
}

TEST(JsonDiff, ListsChangedAddedAndRemovedFields) {
    const auto a = nlohmann::json::parse(R"({"x":1,"t":[{"v":"a"},{"v":"b"}],"gone":true})");
    const auto b = nlohmann::json::parse(R"({"x":2,"t":[{"v":"a"},{"v":"c"}],"new":"n"})");
    const auto d = json_diff(a, b);
    ASSERT_EQ(d.size(), 4u);
    EXPECT_EQ(d[0].path, "gone");
    EXPECT_EQ(d[1].path, "t[2].v");
    EXPECT_EQ(d[1].before, "b");
    EXPECT_EQ(d[1].after, "c");
    EXPECT_EQ(d[2].path, "x");
    EXPECT_EQ(d[3].path, "new");
}

TEST(ChangeRequest, TheMakerNeverChecksTheirOwnRequest) {
    ChangeRequest r;
    r.id = 7;
    r.status = ChangeStatus::Submitted;
    r.created_by = "li.na";
    ApprovalRule rule{ChangeKind::Ladder, Role::Approver, 2};
    EXPECT_THROW(check_may_decide(r, "li.na", Role::Approver, rule), PermissionError);
    EXPECT_THROW(check_may_decide(r, "chen.jing", Role::Finance, rule), PermissionError);
    EXPECT_NO_THROW(check_may_decide(r, "wang.qiang", Role::Approver, rule));
    r.decisions.push_back({"wang.qiang", true, "ok", Instant()});
    EXPECT_THROW(check_may_decide(r, "wang.qiang", Role::Approver, rule), ConflictError);
    r.status = ChangeStatus::Approved;
    EXPECT_THROW(check_may_decide(r, "zhou.li", Role::Approver, rule), ConflictError);
    r.reason = " ";
    EXPECT_THROW(validate_proposal(r, Date(2026, 11, 22)), ValidationError);
    r.reason = "why";
    r.effective_from = Date(2026, 11, 21);
    EXPECT_THROW(validate_proposal(r, Date(2026, 11, 22)), ValidationError);
    r.effective_from = Date(2026, 11, 22);
    EXPECT_NO_THROW(validate_proposal(r, Date(2026, 11, 22)));
}

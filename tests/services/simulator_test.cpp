// The what-if simulator on a small fixed data set, on both backends. Every figure below was
// worked out by hand from the replay rules in models/what_if.h; the working is in the comments.
#include "models/errors.h"
#include "services/demo_data.h"
#include "services/program_codec.h"
#include "support/service_fixture.h"

using namespace md;

namespace {

// The draft: Yellow from 500 and Red from 1,000 (Black unchanged), 1 coin per 10 yuan, and the
// 12,000 recharge giving 14,000 instead of 15,000.
const char* kDraft = R"({"format": "memberdesk-program", "format_version": 1,
  "ladders": [{"code":"individual","name_zh":"个人会员等级","name_en":"Individual ladder","measure":"cumulative_spend",
    "measure_months":0,"window":"lifetime","window_months":0,"downgrade":"never","grace_days":0,"packages_count":false,
    "tiers":[{"code":"yellow_diamond","name_zh":"黄钻","name_en":"Yellow Diamond","threshold":"500.00","discount":"98折","benefits":[],"alternatives":[]},
             {"code":"red_diamond","name_zh":"红钻","name_en":"Red Diamond","threshold":"1000.00","discount":"95折","benefits":[],"alternatives":[]},
             {"code":"black_diamond","name_zh":"黑钻","name_en":"Black Diamond","threshold":"3000.00","discount":"93折","benefits":[],"alternatives":[]}]}],
  "points": {"spend_per_coin":"10.00","entry_threshold":"380.00","coin_value":"1.00","excluded_purchase_kinds":["meal_package"],
             "expiry":"never","expiry_days":0},
  "bonuses": [{"code":"premium_12000","name_zh":"私享家充值礼","name_en":"Private Connoisseur recharge","pay":"12000.00",
               "receive":"14000.00","valid_from":"2026-01-01","valid_to":null}]})";

}  // namespace

class SimulatorTest : public test::ServiceTest {
protected:
    void SetUp() override {
        ServiceTest::SetUp();
        *now = parse_instant("2025-11-30 02:00:00");
        desk = sign_in_as(Role::Service);
        marketing = sign_in_as(Role::Marketing);
        approver = sign_in_as(Role::Approver);
        for (const ProgramItem& item : program_items_from_json(nlohmann::json::parse(demo_program_json())))
            if (item.kind == ChangeKind::Ladder || item.kind == ChangeKind::Points || item.kind == ChangeKind::Bonus) {
                Proposal p;
                p.kind = item.kind;
                p.item = nlohmann::json::parse(item.json);
                p.reason = "demo";
                p.effective_from = services->program.today();
                services->program.decide(approver, services->program.propose(marketing, p).id, true, "ok");
            }
        a = add("甲", "13800138011");
        b = add("乙", "13800138012");
        c = add("丙", "13800138013");
        on("2025-12-01", [&] { purchase(c, "100"); });  // before the period: counts as recorded
        on("2026-01-10", [&] {
            purchase(a, "800");
            services->ledger.recharge(desk, {b, Money::from_yuan(12000), ""});
            purchase(c, "500");
        });
        on("2026-02-10", [&] {
            purchase(a, "300");
            purchase(b, "1500");
        });
        on("2026-03-10", [&] { purchase(a, "1000"); });
        *now = parse_instant("2026-11-22 02:00:00");
    }
    void on(const char* day, const std::function<void()>& post) {
        *now = parse_instant(std::string(day) + " 02:00:00");
        post();
    }
    std::string add(const std::string& name, const std::string& mobile) {
        MemberInput in;
        in.name = name;
        in.mobile = mobile;
        return services->members.add(desk, in).member.number;
    }
    void purchase(const std::string& member, const char* price) {
        PurchaseRequest r;
        r.member = member;
        r.list_price = Money::parse(price, "amount");
        r.stored_value = Money();
        services->ledger.purchase(desk, r);
    }
    // Every table's row count and the audit trail's newest id: a simulation must leave them all.
    std::string database_state() {
        std::string out;
        for (const char* table : {"members", "accounts", "ledger_requests", "ledger_entries", "purchases", "coin_lots",
                                  "tier_facts", "member_tiers", "tier_history", "tier_overrides", "tier_runs",
                                  "change_requests", "config_versions", "audit_log", "settings"}) {
            long long n = 0;
            services->database().sql() << std::string("SELECT COUNT(*) FROM ") + table, soci::into(n);
            out += std::string(table) + "=" + std::to_string(n) + " ";
        }
        std::string tiers;
        soci::rowset<soci::row> rows = (services->database().sql().prepare
                                        << "SELECT member_id, ladder, tier FROM member_tiers ORDER BY member_id, ladder");
        for (const soci::row& r : rows)
            out += std::to_string(r.get<long long>(0)) + r.get<std::string>(1) + r.get<std::string>(2) + " ";
        return out;
    }
    Actor desk, marketing, approver;
    std::string a, b, c;
};

TEST_P(SimulatorTest, ReplaysTheLastMonthsUnderTheDraftWithFiguresWorkedOutByHand) {
    const std::string before = database_state();
    const Simulation s = services->simulator.simulate_document(marketing, nlohmann::json::parse(kDraft), 11);
    EXPECT_EQ(database_state(), before);  // the guarantee: nothing written
    EXPECT_EQ(format_date(s.from), "2025-12-23");
    EXPECT_EQ(format_date(s.to), "2026-11-22");
    EXPECT_EQ(s.members, 3);

    // All three are individual members: the group ladder does not rank them.
    // Under the rules in force (what really happened):
    //   甲 800 (no tier) + 300 (no tier; 1,100 → Yellow) + 1,000 at 98折 = 980 (2,080 → Red);
    //      discount 20.00; coins 40 + 15 + 49 = 104.
    //   乙 recharge 12,000 (+3,000 bonus; Premium Connoisseur, which pays full price) then 1,500
    //      at full price (Individual Yellow); coins 75.
    //   丙 100 before the period, 500 at full price (600: no tier); coins 25.
    // Under the draft:
    //   甲 800 (→ Yellow), 300 at 98折 = 294 (1,094 → Red), 1,000 at 95折 = 950 (2,044: Red);
    //      discount 6.00 + 50.00 = 56.00; coins 80 + 29 + 95 = 204.
    //   乙 bonus 2,000; 1,500 at full price (→ Red); coins 150.
    //   丙 500 at full price (600 → Yellow); coins 50.
    EXPECT_EQ(s.discount_current, Money::parse("20.00", "x"));
    EXPECT_EQ(s.discount_draft, Money::parse("56.00", "x"));
    EXPECT_EQ(s.coins_current, 204);
    EXPECT_EQ(s.coins_draft, 404);
    EXPECT_EQ(s.liability_current, Money::parse("204.00", "x"));
    EXPECT_EQ(s.liability_draft, Money::parse("404.00", "x"));
    EXPECT_EQ(s.bonus_current, Money::parse("3000.00", "x"));
    EXPECT_EQ(s.bonus_draft, Money::parse("2000.00", "x"));

    // The group ladder ranks group members only: it has no cell for these three.
    std::map<std::string, long long> matrix;
    for (const MigrationCell& m : s.matrix) matrix[m.ladder + ":" + m.from + ">" + m.to] = m.members;
    const std::map<std::string, long long> expected = {
        {"individual:red_diamond>red_diamond", 1}, {"individual:yellow_diamond>red_diamond", 1},
        {"individual:>yellow_diamond", 1},          {"premium:>", 2},
        {"premium:private_connoisseur>private_connoisseur", 1}};
    EXPECT_EQ(matrix, expected);

    ASSERT_EQ(s.movers.size(), 2u);
    EXPECT_EQ(s.movers[0].member, b);
    EXPECT_EQ(s.movers[0].from, "yellow_diamond");
    EXPECT_EQ(s.movers[0].to, "red_diamond");
    EXPECT_EQ(s.movers[1].member, c);
    EXPECT_EQ(s.movers[1].to, "yellow_diamond");

    // Individual mix: now Yellow 1, Red 1 (50.00% each); draft Yellow 1, Red 2 (33.33%, 66.66%),
    // against the 30 : 50 : 20 target.
    std::map<std::string, MixRow> mix;
    for (const MixRow& m : s.mix)
        if (m.ladder == "individual") mix[m.tier] = m;
    EXPECT_EQ(mix["yellow_diamond"].current_bp, 5000);
    EXPECT_EQ(mix["red_diamond"].current_bp, 5000);
    EXPECT_EQ(mix["yellow_diamond"].draft_bp, 3333);
    EXPECT_EQ(mix["red_diamond"].draft_bp, 6666);
    EXPECT_EQ(mix["black_diamond"].draft_bp, 0);
    EXPECT_EQ(mix["red_diamond"].target_bp, 5000);

    const auto json = simulation_json(s, 1);
    EXPECT_EQ(json["discount"]["change"], "36.00");
    EXPECT_EQ(json["bonus"]["change"], "-1000.00");
    EXPECT_EQ(json["movers_total"], 2);
    EXPECT_EQ(json["movers"].size(), 1u);
}

TEST_P(SimulatorTest, BadDraftsAndWindowsAreRefusedWithTheFieldNamed) {
    const std::string before = database_state();
    try {
        services->simulator.simulate_document(marketing, nlohmann::json::parse(kDraft), 12);
        ADD_FAILURE() << "a window longer than the data was accepted";
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.field(), "months");
        EXPECT_NE(std::string(e.what()).find("2025-12-01"), std::string::npos) << e.what();
    }
    EXPECT_THROW(services->simulator.simulate_document(marketing, nlohmann::json::parse(kDraft), 0), ValidationError);
    auto descending = nlohmann::json::parse(kDraft);
    descending["ladders"][0]["tiers"][1]["threshold"] = "400.00";
    try {
        services->simulator.simulate_document(marketing, descending, 6);
        ADD_FAILURE() << "descending thresholds were accepted";
    } catch (const ValidationError& e) {
        EXPECT_NE(std::string(e.what()).find("400.00"), std::string::npos) << e.what();
    }
    auto unknown_field = nlohmann::json::parse(kDraft);
    unknown_field["points"]["double_points"] = true;
    EXPECT_THROW(services->simulator.simulate_document(marketing, unknown_field, 6), ValidationError);
    EXPECT_THROW(services->simulator.simulate_document(desk, nlohmann::json::parse(kDraft), 6), PermissionError);
    EXPECT_EQ(database_state().substr(0, before.find("audit_log")), before.substr(0, before.find("audit_log")));
}

TEST_P(SimulatorTest, ASubmittedLadderChangeCarriesItsSimulationToTheApprover) {
    Proposal p;
    p.kind = ChangeKind::Ladder;
    p.item = nlohmann::json::parse(kDraft)["ladders"][0];
    p.reason = "降低门槛";
    p.effective_from = services->program.today();
    const ChangeRequest r = services->program.propose(marketing, p);
    const ChangeView view = services->program.show(approver, r.id);
    ASSERT_TRUE(view.simulation.has_value());
    const auto sim = nlohmann::json::parse(*view.simulation);
    ASSERT_FALSE(sim.contains("error")) << *view.simulation;
    // Only the ladder changes here (still 1 coin per 20 yuan), over all the data (from 2025-12-01):
    // 甲 pays 294 and 950 instead of 300 and 980: discount 56.00 against 20.00, coins 14 + 47
    // against 15 + 49; 乙 and 丙 pay full price either way. Discount +36.00, coins −3, liability −3.00.
    EXPECT_EQ(sim["from"], "2025-12-01");
    EXPECT_EQ(sim["discount"]["change"], "36.00");
    EXPECT_EQ(sim["coins_issued"]["change"], -3);
    EXPECT_EQ(sim["points_liability"]["change"], "-3.00");
    EXPECT_EQ(sim["bonus"]["change"], "0.00");
}

INSTANTIATE_TEST_SUITE_P(Backends, SimulatorTest, ::testing::Values(Backend::Sqlite, Backend::Postgres),
                         [](const auto& info) { return info.param == Backend::Sqlite ? "sqlite" : "postgresql"; });

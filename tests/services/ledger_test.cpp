// The stored-value and coin ledger on both backends: a scenario table with exact balances after
// every step, every bad input refused with nothing changed, idempotent keys, coin expiry and
// spending order, merge, and `db check` catching a corrupted entry.
#include "db/member_repository.h"
#include "models/errors.h"
#include "services/program_codec.h"
#include "support/service_fixture.h"

#include <functional>
#include <tuple>

using namespace md;

namespace {

// Balances as the account shows them: yuan strings for the buckets, whole coins.
struct Balances {
    std::string principal, bonus, compensation;
    std::int64_t coins = 0;
    bool operator==(const Balances&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Balances& b) {
    return os << "{principal " << b.principal << ", bonus " << b.bonus << ", compensation " << b.compensation
              << ", coins " << b.coins << "}";
}

}  // namespace

class LedgerTest : public test::ServiceTest {
protected:
    void SetUp() override {
        ServiceTest::SetUp();
        desk = sign_in_as(Role::Service);
        finance = sign_in_as(Role::Finance);
        marketing = sign_in_as(Role::Marketing);
        PointsRule points;  // the demo programme's: 1 coin per 20 yuan, entry at 380, never expires
        approve(ChangeKind::Points, nlohmann::json::parse(to_json(points).dump()));
        RechargeBonus bonus{"premium_12000", "私享家充值礼", "Private Connoisseur recharge",
                            Money::from_yuan(12000), Money::from_yuan(15000), parse_date("2026-01-01", "d"), {}};
        approve(ChangeKind::Bonus, nlohmann::json::parse(to_json(bonus).dump()));
    }
    void set_coin_expiry(const std::string& expiry, int days) {
        PointsRule points;
        points.expiry = parse_expiry(expiry, "expiry");
        points.expiry_days = days;
        approve(ChangeKind::Points, nlohmann::json::parse(to_json(points).dump()));
    }
    std::string add(const std::string& name, const std::string& mobile) {
        MemberInput in;
        in.name = name;
        in.mobile = mobile;
        return services->members.add(desk, in).member.number;
    }
    Balances balances(const std::string& number) {
        const AccountView v = services->ledger.account(desk, number);
        return {v.value.principal.to_string(), v.value.bonus.to_string(), v.value.compensation.to_string(), v.coins};
    }
    long long rows(const char* table) {
        long long n = 0;
        services->database().sql() << std::string("SELECT COUNT(*) FROM ") + table, soci::into(n);
        return n;
    }
    // Everything a refused call might have touched, to compare before and after.
    std::string snapshot(const std::string& number) {
        const Balances b = balances(number);
        return b.principal + "/" + b.bonus + "/" + b.compensation + "/" + std::to_string(b.coins) + " entries " +
               std::to_string(rows("ledger_entries")) + " requests " + std::to_string(rows("ledger_requests")) +
               " lots " + std::to_string(rows("coin_lots")) + " audit " + std::to_string(rows("audit_log"));
    }
    TxnResult purchase(const std::string& member, const char* price, std::optional<const char*> stored = {},
                       const char* kind = "goods") {
        PurchaseRequest r;
        r.member = member;
        r.list_price = Money::parse(price, "amount");
        if (stored) r.stored_value = Money::parse(*stored, "stored_value");
        r.kind = kind;
        return services->ledger.purchase(desk, r);
    }
    TxnResult recharge(const std::string& member, const char* amount, const std::string& key = "") {
        return services->ledger.recharge(desk, {member, Money::parse(amount, "amount"), key});
    }
    TxnResult refund(std::int64_t txn, const char* amount) {
        return services->ledger.refund(desk, {txn, Money::parse(amount, "amount"), "退货", ""});
    }
    TxnResult redeem(const std::string& member, std::int64_t coins) {
        return services->ledger.redeem(desk, {member, coins, ""});
    }
    TxnResult adjust(const std::string& member, Bucket bucket, bool up, std::int64_t amount) {
        return services->ledger.adjust(finance, {member, bucket, up, amount, "客服补偿", ""});
    }
    std::string db_check() { return services->database_admin.check(admin); }

    Actor desk, finance, marketing;
};

TEST_P(LedgerTest, ScenarioTableGivesExactBalancesAndCoinsAfterEveryStep) {
    const std::string m = add("张三", "13800138000");
    std::map<std::string, std::int64_t> txn;  // step name → transaction number
    struct Step {
        const char* name;
        std::function<TxnResult()> post;
        Balances expected;
    };
    const std::vector<Step> steps = {
        // 12,000 paid matches the 12,000 → 15,000 bonus (inclusive); it also reaches the coin entry threshold.
        {"recharge 12000", [&] { return recharge(m, "12000"); }, {"12000.00", "3000.00", "0.00", 0}},
        // 399.99 ÷ 20 = 19.99 → 19 coins (truncated).
        {"purchase 399.99", [&] { return purchase(m, "399.99"); }, {"11600.01", "3000.00", "0.00", 19}},
        // 600 from stored value, 400 by another tender; coins on all 1,000.
        {"purchase 1000 split", [&] { return purchase(m, "1000", "600"); }, {"11000.01", "3000.00", "0.00", 69}},
        // Refund 100 of it: 60 back to principal (600/1000 of it), 40 to the other tender; 5 coins back.
        {"refund 100", [&] { return refund(txn["purchase 1000 split"], "100"); }, {"11060.01", "3000.00", "0.00", 64}},
        // The other 900: principal gets the remaining 540, the coins the remaining 45.
        {"refund 900", [&] { return refund(txn["purchase 1000 split"], "900"); }, {"11600.01", "3000.00", "0.00", 19}},
        // Meal packages earn no coins.
        {"meal package 2000", [&] { return purchase(m, "2000", {}, "meal_package"); }, {"9600.01", "3000.00", "0.00", 19}},
        {"compensation +50", [&] { return adjust(m, Bucket::Compensation, true, 5000); }, {"9600.01", "3000.00", "50.00", 19}},
        // Principal first: 9,600.01 of principal, then 1,399.99 of bonus; 550 coins.
        {"purchase 11000", [&] { return purchase(m, "11000"); }, {"0.00", "1600.01", "50.00", 569}},
        // Half back: principal share 9600.01 × 5000/11000 = 4363.6409 → 4363.64, bonus the rest 636.36; 250 coins.
        {"refund 5000", [&] { return refund(txn["purchase 11000"], "5000"); }, {"4363.64", "2236.37", "50.00", 319}},
        {"redeem 300", [&] { return redeem(m, 300); }, {"4363.64", "2236.37", "50.00", 19}},
        {"coins -19", [&] { return adjust(m, Bucket::Coins, false, 19); }, {"4363.64", "2236.37", "50.00", 0}},
        // The rest of the 11,000: principal 9600.01 − 4363.64, bonus 1399.99 − 636.36; 300 coins owed, none left.
        {"refund 6000", [&] { return refund(txn["purchase 11000"], "6000"); }, {"9600.01", "3000.00", "50.00", 0}},
        {"recharge 100", [&] { return recharge(m, "100"); }, {"9700.01", "3000.00", "50.00", 0}},
        {"coins +10", [&] { return adjust(m, Bucket::Coins, true, 10); }, {"9700.01", "3000.00", "50.00", 10}},
        {"principal -0.01", [&] { return adjust(m, Bucket::Principal, false, 1); }, {"9700.00", "3000.00", "50.00", 10}},
    };
    for (const Step& s : steps) {
        SCOPED_TRACE(s.name);
        const TxnResult r = s.post();
        txn[s.name] = r.txn;
        EXPECT_EQ(balances(m), s.expected);
        // The result carries the same balances, and each line's balance_after follows from its amount.
        EXPECT_EQ((Balances{r.value_after.principal.to_string(), r.value_after.bonus.to_string(),
                            r.value_after.compensation.to_string(), r.coins_after}),
                  s.expected);
    }
    const TxnResult last_refund = services->ledger.transaction(desk, txn["refund 6000"]);
    EXPECT_NE(last_refund.detail.find("\"coins_not_recovered\":300"), std::string::npos) << last_refund.detail;
    EXPECT_EQ(db_check(), "ok");

    // Every line accounted for: the history, oldest first, replays to the balances.
    std::vector<LedgerEntry> lines = services->ledger.history(desk, m, 1000);
    std::map<Bucket, std::int64_t> running;
    for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
        running[it->bucket] += it->amount;
        EXPECT_EQ(running[it->bucket], it->balance_after) << entry_type_code(it->type);
    }
    EXPECT_EQ(running[Bucket::Principal], 970000);
    EXPECT_EQ(running[Bucket::Coins], 10);
    EXPECT_EQ(audit("txn.purchase").size(), 4u);
    EXPECT_EQ(audit("txn.refund").size(), 4u);
}

TEST_P(LedgerTest, CoinsNeedTheEntryThresholdFirst) {
    const std::string m = add("李四", "13900139000");
    recharge(m, "379.99");
    const TxnResult small = purchase(m, "300");
    EXPECT_EQ(small.coins_after, 0) << "not yet in the coin scheme";
    EXPECT_NE(small.detail.find("not yet in the coin scheme"), std::string::npos);
    recharge(m, "380");  // exactly the threshold: inclusive
    EXPECT_EQ(purchase(m, "40").coins_after, 2);
    EXPECT_EQ(services->ledger.account(desk, m).coin_member_since, services->program.today());
    // A purchase that reaches the threshold on its own earns coins itself.
    const std::string n = add("王五", "18600008000");
    recharge(n, "1000");
    EXPECT_EQ(balances(n).coins, 0);
    const std::string o = add("赵六", "18600008001");
    EXPECT_EQ(purchase(o, "380", std::optional<const char*>("0")).coins_after, 19);
}

TEST_P(LedgerTest, RepeatedKeyAnswersTheFirstResultAndChangesNothing) {
    const std::string m = add("张三", "13800138000");
    const TxnResult first = recharge(m, "500", "till-7/0001");
    const std::string before = snapshot(m);
    const TxnResult again = recharge(m, "500", "till-7/0001");
    EXPECT_TRUE(again.repeated);
    EXPECT_EQ(again.txn, first.txn);
    EXPECT_EQ(again.entries.size(), first.entries.size());
    EXPECT_EQ(snapshot(m), before);
    // The same key with other content is a conflict, and still changes nothing.
    EXPECT_THROW(recharge(m, "600", "till-7/0001"), ConflictError);
    PurchaseRequest p;
    p.member = m;
    p.list_price = Money::from_yuan(10);
    p.key = "till-7/0001";
    EXPECT_THROW(services->ledger.purchase(desk, p), ConflictError);
    EXPECT_EQ(snapshot(m), before);
}

TEST_P(LedgerTest, EveryBadInputIsRefusedWithItsReasonAndNothingChanges) {
    const std::string m = add("张三", "13800138000");
    const TxnResult paid = purchase(m, "400", std::optional<const char*>("0"));
    recharge(m, "100");
    const TxnResult spent = purchase(m, "50");
    refund(spent.txn, "50");
    const std::string lapsed = add("钱七", "13700137000");
    services->database().sql() << "UPDATE members SET state = 'lapsed' WHERE number = :n", soci::use(lapsed);
    const std::string merged_away = add("孙八", "13600136000");
    services->merges.merge(desk, m, merged_away, std::nullopt, std::nullopt);

    struct Case {
        const char* what;
        std::function<void()> call;
        const char* expected_in_message;
        enum { Validation, Conflict, NotFound, Permission } kind;
    };
    const std::vector<Case> cases = {
        {"zero amount", [&] { recharge(m, "0"); }, "more than zero", Case::Validation},
        {"negative amount", [&] { recharge(m, "-5"); }, "more than zero", Case::Validation},
        {"negative purchase", [&] { purchase(m, "-1"); }, "more than zero", Case::Validation},
        {"three decimals", [&] { recharge(m, "1.005"); }, "at most two decimals", Case::Validation},
        {"more than the balance", [&] { purchase(m, "100.01"); }, "more than the stored-value balance", Case::Validation},
        {"stored value above the price", [&] { purchase(m, "10", "20"); }, "more than the price", Case::Validation},
        {"more coins than there are", [&] { redeem(m, 21); }, "more than the 20 coins usable", Case::Validation},
        {"zero coins", [&] { redeem(m, 0); }, "more than zero", Case::Validation},
        {"refund more than paid", [&] { refund(paid.txn, "400.01"); }, "more than the", Case::Validation},
        {"refund twice", [&] { refund(spent.txn, "1"); }, "already been refunded in full", Case::Conflict},
        {"refund of no purchase", [&] { refund(999999, "1"); }, "no purchase T999999", Case::NotFound},
        {"adjust down below zero", [&] { adjust(m, Bucket::Bonus, false, 1); }, "more than the bonus balance",
         Case::Validation},
        {"adjust without reason",
         [&] { services->ledger.adjust(finance, {m, Bucket::Compensation, true, 100, "  ", ""}); }, "needs a reason",
         Case::Validation},
        {"lapsed member", [&] { purchase(lapsed, "1", "0"); }, "has lapsed", Case::Validation},
        {"merged member", [&] { purchase(merged_away, "1", "0"); }, "was merged into", Case::NotFound},
        {"unknown member", [&] { recharge("M99999999", "1"); }, "no member", Case::NotFound},
        {"unknown kind", [&] { purchase(m, "1", "0", "gift"); }, "is not one of", Case::Validation},
        {"service may not adjust",
         [&] { services->ledger.adjust(desk, {m, Bucket::Compensation, true, 100, "因为", ""}); }, "",
         Case::Permission},
        {"auditor may not post",
         [&] { services->ledger.recharge(sign_in_as(Role::Auditor), {m, Money::from_yuan(1), ""}); }, "",
         Case::Permission},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.what);
        const std::string before_m = snapshot(m);
        try {
            c.call();
            ADD_FAILURE() << "accepted";
        } catch (const ValidationError& e) {
            EXPECT_EQ(c.kind, Case::Validation) << e.what();
            EXPECT_NE(std::string(e.what()).find(c.expected_in_message), std::string::npos) << e.what();
            EXPECT_FALSE(e.field().empty());
        } catch (const ConflictError& e) {
            EXPECT_EQ(c.kind, Case::Conflict) << e.what();
            EXPECT_NE(std::string(e.what()).find(c.expected_in_message), std::string::npos) << e.what();
        } catch (const NotFoundError& e) {
            EXPECT_EQ(c.kind, Case::NotFound) << e.what();
            EXPECT_NE(std::string(e.what()).find(c.expected_in_message), std::string::npos) << e.what();
        } catch (const PermissionError& e) {
            EXPECT_EQ(c.kind, Case::Permission) << e.what();
        }
        // A refused permission leaves an audit line of its own; nothing else may change.
        if (c.kind != Case::Permission) EXPECT_EQ(snapshot(m), before_m);
    }
    EXPECT_EQ(db_check(), "ok");
}

TEST_P(LedgerTest, CoinsAreSpentNearestExpiryFirstAndAreUsableOnTheirExpiryDay) {
    const std::string m = add("张三", "13800138000");
    set_coin_expiry("end_of_calendar_year", 0);
    recharge(m, "10000");
    purchase(m, "400");  // 20 coins, expire 2026-12-31
    *now = parse_instant("2026-11-23 02:00:00");
    set_coin_expiry("never", 0);
    purchase(m, "200");  // 10 coins, never expire
    *now = parse_instant("2026-11-24 02:00:00");
    set_coin_expiry("days_after_earning", 10);
    purchase(m, "100");  // 5 coins, expire 2026-12-04
    const AccountView v = services->ledger.account(desk, m);
    ASSERT_EQ(v.coin_lots.size(), 3u);
    EXPECT_EQ(format_date(*v.coin_lots[0].expires_on), "2026-12-04");
    EXPECT_EQ(format_date(*v.coin_lots[1].expires_on), "2026-12-31");
    EXPECT_FALSE(v.coin_lots[2].expires_on);

    redeem(m, 7);  // 5 from the lot ending 12-04, 2 from the one ending 12-31
    auto lots = services->ledger.account(desk, m).coin_lots;
    ASSERT_EQ(lots.size(), 2u);
    EXPECT_EQ(lots[0].remaining, 18);
    EXPECT_EQ(lots[1].remaining, 10);

    *now = parse_instant("2026-12-31 15:00:00");  // 23:00 in Shanghai: still the 31st, the last usable day
    EXPECT_EQ(services->ledger.account(desk, m).usable_coins, 28);
    redeem(m, 1);
    *now = parse_instant("2026-12-31 16:00:00");  // midnight in Shanghai: 2027-01-01, the year's coins are gone
    EXPECT_EQ(services->ledger.account(desk, m).usable_coins, 10);
    const std::string before = snapshot(m);
    EXPECT_THROW(redeem(m, 11), ValidationError);
    EXPECT_EQ(snapshot(m), before);
    redeem(m, 10);
    EXPECT_EQ(db_check(), "ok");

    // The expiry job: a preview counts the 17 coins past their last day and writes nothing.
    const Date today = services->program.today();
    const ExpiryPlan plan = services->ledger.expiry_preview(marketing, today);
    EXPECT_EQ(std::make_tuple(plan.accounts, plan.coins), std::make_tuple(1, 17));
    EXPECT_EQ(balances(m).coins, 17);
    EXPECT_EQ(services->ledger.expiry_preview(marketing, parse_date("2026-12-31", "d")).coins, 0)
        << "still usable on their last day";
    EXPECT_THROW(services->ledger.expire_coins(marketing, today + boost::gregorian::days(1)), ValidationError);
    EXPECT_THROW(services->ledger.expire_coins(desk, today), PermissionError);
    const ExpiryRun run = services->ledger.expire_coins(marketing, today);
    EXPECT_EQ(run.coins, 17);
    EXPECT_EQ(balances(m).coins, 0);
    EXPECT_EQ(entry_type_code(services->ledger.history(desk, m, 1).front().type), "points_expired");
    EXPECT_EQ(services->ledger.expire_coins(marketing, today).coins, 0) << "nothing expires twice";
    EXPECT_EQ(services->ledger.expiry_runs(marketing).size(), 2u);
    EXPECT_EQ(audit("coins.expire").size(), 3u) << "two runs and the service desk's refusal";
    EXPECT_EQ(db_check(), "ok");
}

TEST_P(LedgerTest, MergeFoldsTheAbsorbedAccountAndItsPurchasesCanStillBeRefunded) {
    const std::string keep = add("张三", "13800138000"), dup = add("张三", "13800138001");
    recharge(keep, "100");
    recharge(dup, "12000");
    const TxnResult bought = purchase(dup, "1000");  // 50 coins on the duplicate
    services->merges.merge(desk, keep, dup, std::nullopt, std::nullopt);
    EXPECT_EQ(balances(keep), (Balances{"11100.00", "3000.00", "0.00", 50}));
    EXPECT_EQ(db_check(), "ok");
    const auto lines = services->ledger.history(desk, keep, 10);
    EXPECT_EQ(entry_type_code(lines.front().type), "merge_in");
    // The duplicate's purchase is refunded to the surviving account, coins taken back there.
    refund(bought.txn, "1000");
    EXPECT_EQ(balances(keep), (Balances{"12100.00", "3000.00", "0.00", 0}));
    EXPECT_EQ(db_check(), "ok");
}

TEST_P(LedgerTest, LifecycleFollowsRechargesAndPurchases) {
    const std::string m = add("张三", "13800138000");
    recharge(m, "100");
    EXPECT_EQ(MemberRepository(services->database()).by_number(m)->state, LifecycleState::Recharged);
    purchase(m, "10");
    EXPECT_EQ(MemberRepository(services->database()).by_number(m)->state, LifecycleState::Activated);
    const auto history = services->members.history(desk, m);
    ASSERT_EQ(history.size(), 3u);
    EXPECT_NE(history[2].reason.find("transaction T"), std::string::npos);
}

TEST_P(LedgerTest, DbCheckNamesTheMemberWhoseEntryWasCorrupted) {
    const std::string m = add("张三", "13800138000"), other = add("李四", "13900139000");
    recharge(m, "500");
    purchase(m, "100");
    recharge(other, "500");
    ASSERT_EQ(db_check(), "ok");
    Database& db = services->database();
    db.sql() << "UPDATE ledger_entries SET amount = amount + 1 WHERE id = (SELECT MIN(id) FROM ledger_entries)";
    const std::string result = db_check();
    EXPECT_NE(result.find(m + ": principal 400.00 but its entries sum to 400.01"), std::string::npos) << result;
    EXPECT_EQ(result.find(other), std::string::npos) << result;
    db.sql() << "UPDATE coin_lots SET remaining = remaining - 1";
    EXPECT_NE(db_check().find(m + ": coins 5 but its coin lots hold 4"), std::string::npos) << db_check();
}

TEST_P(LedgerTest, AdjustmentsAboveTheConfiguredAmountWaitForSomeoneElse) {
    const std::string m = add("张三", "13800138000");
    EXPECT_EQ(services->ledger.adjust_approval_above(), Money::from_yuan(1000));
    adjust(m, Bucket::Compensation, true, 100000);  // exactly the amount: posted at once
    EXPECT_EQ(balances(m), (Balances{"0.00", "0.00", "1000.00", 0}));
    const TxnResult waiting = adjust(m, Bucket::Compensation, true, 100001);
    EXPECT_EQ(waiting.txn, 0);
    ASSERT_GT(waiting.pending_adjustment, 0);
    EXPECT_EQ(balances(m), (Balances{"0.00", "0.00", "1000.00", 0})) << "nothing posted while it waits";
    EXPECT_EQ(services->ledger.adjustments(finance, true).size(), 1u);
    EXPECT_THROW(services->ledger.decide_adjustment(finance, waiting.pending_adjustment, true, "自己批"), PermissionError);
    EXPECT_THROW(services->ledger.decide_adjustment(desk, waiting.pending_adjustment, true, ""), PermissionError);
    const TxnResult posted = services->ledger.decide_adjustment(admin, waiting.pending_adjustment, true, "核实");
    EXPECT_GT(posted.txn, 0);
    EXPECT_EQ(balances(m), (Balances{"0.00", "0.00", "2000.01", 0}));
    EXPECT_NE(posted.entries.at(0).reason.find("approved by admin"), std::string::npos) << posted.entries.at(0).reason;
    EXPECT_THROW(services->ledger.decide_adjustment(admin, waiting.pending_adjustment, true, ""), ConflictError);
    const TxnResult rejected_one = adjust(m, Bucket::Compensation, false, 150000);
    services->ledger.decide_adjustment(admin, rejected_one.pending_adjustment, false, "证据不足");
    EXPECT_EQ(balances(m), (Balances{"0.00", "0.00", "2000.01", 0}));
    EXPECT_TRUE(services->ledger.adjustments(finance, true).empty());
    EXPECT_EQ(services->ledger.adjustments(finance, false).size(), 2u);
    EXPECT_THROW(services->ledger.set_adjust_approval_above(finance, Money::from_yuan(5000)), PermissionError);
    services->ledger.set_adjust_approval_above(admin, Money::from_yuan(5000));
    EXPECT_GT(adjust(m, Bucket::Compensation, true, 150000).txn, 0) << "under the new amount: posted at once";
    EXPECT_EQ(db_check(), "ok");
}

TEST_P(LedgerTest, MealPackageDeliveriesAndCancellationAddUpExactly) {
    MealPackage pkg;
    pkg.code = "pregnancy_quarter";
    pkg.name_zh = "孕期季度套餐";
    pkg.name_en = "Pregnancy, one quarter";
    pkg.kind = PackageKind::SpecialNeed;
    pkg.group = "pregnancy";
    pkg.price = Money::from_yuan(1000);
    pkg.value_owed = Money::from_yuan(1200);
    pkg.deliveries = 7;
    approve(ChangeKind::Package, nlohmann::json::parse(to_json(pkg).dump()));
    const std::string m = add("张三", "13800138000");
    recharge(m, "12000");  // principal 12,000, bonus 3,000
    services->ledger.set_adjust_approval_above(admin, Money::from_yuan(20000));
    adjust(m, Bucket::Principal, false, 1140000);  // leave 600 of principal, so the package also draws bonus

    const TxnResult bought = services->ledger.subscribe(desk, {m, "pregnancy_quarter", ""});
    const std::int64_t sub = nlohmann::json::parse(bought.detail).at("subscription");
    EXPECT_EQ(balances(m), (Balances{"0.00", "2600.00", "0.00", 0})) << "meal packages earn no coins";
    EXPECT_EQ(bought.package_after, Money::from_yuan(1200));
    // 1,200 over 7 deliveries: 171.42, then cumulative rounding down (342.85 after two).
    EXPECT_EQ(services->ledger.deliver(desk, {sub, 1, ""}).package_after.to_string(), "1028.58");
    EXPECT_EQ(services->ledger.deliver(desk, {sub, 1, ""}).package_after.to_string(), "857.15");
    EXPECT_THROW(services->ledger.deliver(desk, {sub, 6, ""}), ValidationError) << "only 5 left";
    // Cancel after 2 of 7: 1,000 − floor(1,000 × 2 / 7) = 1,000 − 285.71 = 714.29 back, split as it was paid
    // (600 principal, 400 bonus): principal floor(600 × 714.29 / 1000) = 428.57, bonus 285.72.
    const TxnResult cancelled = services->ledger.cancel_subscription(desk, {sub, "孕期结束", ""});
    EXPECT_EQ(cancelled.package_after, Money());
    EXPECT_EQ(balances(m), (Balances{"428.57", "2885.72", "0.00", 0}));
    EXPECT_THROW(services->ledger.cancel_subscription(desk, {sub, "again", ""}), ConflictError);
    EXPECT_THROW(services->ledger.deliver(desk, {sub, 1, ""}), ConflictError);
    EXPECT_THROW(services->ledger.subscribe(desk, {m, "no_such_package", ""}), ValidationError);
    const AccountView v = services->ledger.account(desk, m);
    ASSERT_EQ(v.subscriptions.size(), 1u);
    EXPECT_EQ(v.subscriptions[0].delivered, 2);
    EXPECT_EQ(v.subscriptions[0].state, "cancelled");
    EXPECT_EQ(db_check(), "ok");

    // Delivered to the end: the undelivered value reaches exactly zero.
    recharge(m, "1000");
    const TxnResult second = services->ledger.subscribe(desk, {m, "pregnancy_quarter", ""});
    const std::int64_t sub2 = nlohmann::json::parse(second.detail).at("subscription");
    services->ledger.deliver(desk, {sub2, 3, ""});
    EXPECT_EQ(services->ledger.deliver(desk, {sub2, 4, ""}).package_after, Money());
    EXPECT_EQ(services->ledger.account(desk, m).subscriptions[0].state, "completed");
    EXPECT_EQ(db_check(), "ok");
}

TEST_P(LedgerTest, CardActivationLoadsFaceValueAndBonusAndRefusesExpiredCards) {
    approve(ChangeKind::Denomination, nlohmann::json::parse(to_json(Denomination{Money::from_yuan(1000), true,
                                                                                  Money::from_yuan(100)}).dump()));
    approve(ChangeKind::Denomination, nlohmann::json::parse(to_json(Denomination{Money::from_yuan(200), false,
                                                                                  Money()}).dump()));
    const std::string m = add("张三", "13800138000");
    std::vector<IssuedCard> issued;
    BatchRequest r{Money::from_yuan(1000), 3, parse_date("2026-12-31", "d"), "双十一"};
    const CardBatch batch = services->cards.create_batch(
        finance, r, [&](const CardBatch&, const std::vector<IssuedCard>& cards) { issued = cards; });
    EXPECT_EQ(batch.bonus, Money::from_yuan(100));
    ASSERT_EQ(issued.size(), 3u);
    EXPECT_TRUE(valid_card_number(issued[0].number));

    const TxnResult loaded = services->ledger.activate_card(desk, {issued[0].number, issued[0].pin, m, ""});
    EXPECT_EQ(balances(m), (Balances{"1000.00", "100.00", "0.00", 0}));
    EXPECT_EQ(loaded.entries.size(), 2u);
    EXPECT_THROW(services->ledger.activate_card(desk, {issued[0].number, issued[0].pin, m, ""}), ConflictError);
    // The one search box finds the member by a card loaded into the account, typed in groups too.
    const auto hits = services->members.find(desk, group_card_number(issued[0].number));
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(std::make_tuple(hits[0].record.member.number, hits[0].matched_by), std::make_tuple(m, std::string("card")));
    EXPECT_TRUE(services->members.find(desk, issued[1].number).empty()) << "a card not yet loaded leads nowhere";
    const std::string before = snapshot(m);
    EXPECT_THROW(services->ledger.activate_card(desk, {issued[1].number, "00000000", m, ""}), ValidationError);
    EXPECT_EQ(services->cards.status(desk, issued[1].number).card.wrong_pins, 1) << "a wrong PIN is counted";
    EXPECT_EQ(balances(m), (Balances{"1000.00", "100.00", "0.00", 0}));

    services->cards.block(desk, issued[1].number, "挂失");
    EXPECT_THROW(services->ledger.activate_card(desk, {issued[1].number, issued[1].pin, m, ""}), ConflictError);
    *now = parse_instant("2027-01-01 02:00:00");  // past the batch's last activation day
    EXPECT_THROW(services->ledger.activate_card(desk, {issued[2].number, issued[2].pin, m, ""}), ConflictError);

    // A denomination not on sale, and a batch whose PINs could not be delivered, create nothing.
    EXPECT_THROW(services->cards.create_batch(finance, {Money::from_yuan(200), 1, {}, ""},
                                              [](const CardBatch&, const std::vector<IssuedCard>&) {}),
                 ValidationError);
    EXPECT_THROW(services->cards.create_batch(finance, {Money::from_yuan(1000), 2, {}, ""},
                                              [](const CardBatch&, const std::vector<IssuedCard>&) {
                                                  throw StorageError("disk full");
                                              }),
                 StorageError);
    EXPECT_EQ(services->cards.batches(finance).size(), 1u);
    EXPECT_EQ(rows("cards"), 3);
    EXPECT_THROW(services->cards.create_batch(desk, r, [](const CardBatch&, const std::vector<IssuedCard>&) {}),
                 PermissionError);
    EXPECT_EQ(db_check(), "ok");
}

TEST_P(LedgerTest, TheSpendingOrderIsAProgrammeItemUnderApproval) {
    const std::string m = add("张三", "13800138000");
    recharge(m, "12000");  // 12,000 principal + 3,000 bonus
    EXPECT_EQ(services->ledger.account(desk, m).draw_order, kDefaultDrawOrder);

    StoredValueRule bonus_first;
    bonus_first.draw_order = {Bucket::Bonus, Bucket::Compensation, Bucket::Principal};
    approve(ChangeKind::StoredValue, nlohmann::json::parse(to_json(bonus_first).dump()));
    EXPECT_EQ(services->ledger.account(desk, m).draw_order, bonus_first.draw_order);
    // 3,500: the 3,000 of bonus first, then 500 of principal.
    const TxnResult paid = purchase(m, "3500");
    EXPECT_EQ(balances(m), (Balances{"11500.00", "0.00", "0.00", 175}));
    ASSERT_GE(paid.entries.size(), 2u);
    EXPECT_EQ(std::make_tuple(paid.entries[0].bucket, paid.entries[0].amount), std::make_tuple(Bucket::Bonus, -300000));
    EXPECT_EQ(std::make_tuple(paid.entries[1].bucket, paid.entries[1].amount), std::make_tuple(Bucket::Principal, -50000));
    // A refund returns each part to the bucket it came from.
    refund(paid.txn, "3500");
    EXPECT_EQ(balances(m), (Balances{"12000.00", "3000.00", "0.00", 0}));

    const auto exported = program_to_json(services->program.program_as_of(finance, services->program.today()),
                                          services->program.today());
    EXPECT_EQ(exported["stored_value"]["draw_order"].dump(), R"(["bonus","compensation","principal"])");
    for (const char* bad : {R"({"draw_order": ["principal", "principal", "bonus"]})",
                            R"({"draw_order": ["coins", "principal", "bonus"]})",
                            R"({"draw_order": ["principal", "bonus"]})"}) {
        SCOPED_TRACE(bad);
        Proposal p;
        p.kind = ChangeKind::StoredValue;
        p.item = nlohmann::json::parse(bad);
        p.reason = "试试";
        p.effective_from = services->program.today();
        try {
            services->program.propose(marketing, p);
            ADD_FAILURE() << "accepted";
        } catch (const ValidationError& e) {
            EXPECT_NE(e.field().find("draw_order"), std::string::npos) << e.field();
        }
    }
}

TEST_P(LedgerTest, OpeningBalancesAreCarriedOverOnceAndABadFileChangesNothing) {
    const std::string a = add("张三", "13800138000");
    const std::string b = add("李四", "13900139000");
    const std::string good = "member,principal,bonus,compensation,coins,coins_expire_on\n" + a +
                             ",1200.50,300,,150,2027-06-30\n" + b + ",,,20.00,40,\n";
    EXPECT_THROW(services->openings.import_csv(desk, good, "old.csv", false), PermissionError);
    const OpeningImportResult dry = services->openings.import_csv(finance, good, "old.csv", true);
    EXPECT_EQ(std::make_tuple(dry.rows, dry.posted, dry.written, dry.problems.size()), std::make_tuple(2LL, 0LL, false, std::size_t{0}));
    EXPECT_EQ(balances(a), (Balances{"0.00", "0.00", "0.00", 0})) << "a dry run writes nothing";

    const OpeningImportResult done = services->openings.import_csv(finance, good, "old.csv", false);
    EXPECT_EQ(std::make_tuple(done.posted, done.written), std::make_tuple(2LL, true));
    EXPECT_EQ(done.value, (StoredValue{Money::parse("1200.50", "x"), Money::from_yuan(300), Money::from_yuan(20)}));
    EXPECT_EQ(done.coins, 190);
    EXPECT_EQ(balances(a), (Balances{"1200.50", "300.00", "0.00", 150}));
    EXPECT_EQ(balances(b), (Balances{"0.00", "0.00", "20.00", 40}));
    const AccountView va = services->ledger.account(desk, a);
    ASSERT_EQ(va.coin_lots.size(), 1u);
    EXPECT_EQ(va.coin_lots[0].expires_on, parse_date("2027-06-30", "d"));
    EXPECT_EQ(services->ledger.account(desk, b).coin_lots.at(0).expires_on, std::nullopt)
        << "no day given: the points rule in force (never) decides";
    for (const LedgerEntry& e : services->ledger.history(desk, a, 10)) EXPECT_EQ(e.type, EntryType::OpeningBalance);
    EXPECT_EQ(audit("txn.opening_import").size(), 1u);
    EXPECT_EQ(db_check(), "ok");
    // The carried-over value is spent like any other.
    purchase(a, "1300");
    EXPECT_EQ(balances(a), (Balances{"0.00", "200.50", "0.00", 215}));

    // Once per member: the same file again is a conflict naming the row, and nothing changes.
    const std::string c = add("王五", "13700137000");
    const std::string before = snapshot(a) + snapshot(b);
    try {
        services->openings.import_csv(finance, good, "old.csv", false);
        ADD_FAILURE() << "imported twice";
    } catch (const ConflictError& e) {
        EXPECT_NE(std::string(e.what()).find("row 2"), std::string::npos) << e.what();
    }
    EXPECT_EQ(snapshot(a) + snapshot(b), before);

    // Every problem of a bad file is reported with its row, column and value; nothing is written.
    const std::string bad = "会员号,本金,赠送,补偿,兑换币,兑换币到期日\n" + c + ",-5,,,,\n" + c + ",1,,,,\n" +
                            "M999999,10,,,,\n" + c.substr(0, 3) + ",1.234,,,1.5,2020-01-01\n,5,,,,\n";
    const OpeningImportResult refused = services->openings.import_csv(finance, bad, "bad.csv", false);
    EXPECT_FALSE(refused.written);
    std::vector<std::tuple<int, std::string, std::string>> problems;
    for (const ImportProblem& p : refused.problems) problems.emplace_back(p.row, p.column, p.value);
    const std::vector<std::tuple<int, std::string, std::string>> expected = {
        {2, "本金", "-5"},       {3, "会员号", c},           {4, "会员号", "M999999"}, {5, "本金", "1.234"},
        {5, "兑换币", "1.5"},    {5, "兑换币到期日", "2020-01-01"}, {5, "会员号", c.substr(0, 3)}, {6, "会员号", ""}};
    EXPECT_EQ(problems, expected);
    EXPECT_EQ(balances(c), (Balances{"0.00", "0.00", "0.00", 0}));
    EXPECT_EQ(snapshot(a) + snapshot(b), before);
    try {
        services->openings.import_csv(finance, "member,bouns\n" + c + ",5\n", "typo.csv", false);
        ADD_FAILURE() << "unknown column accepted";
    } catch (const ValidationError& e) {
        EXPECT_EQ(std::make_tuple(e.field(), e.value()), std::make_tuple(std::string("header"), std::string("bouns")));
    }
}

MD_ON_BOTH_BACKENDS(LedgerTest);

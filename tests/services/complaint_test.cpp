// Complaint tickets on both backends: the response and resolution deadlines of real tickets at
// exact due times (Friday 17:55 under a 2-business-hour response, the Spring Festival week with
// its working Saturday, a wait for the customer over a night, a premium member against an
// ordinary one), compensation within the cap paid at once and above it only once someone else
// approves (in the compensation bucket, referring to the ticket), and bad input refused whole.
#include "db/tier_repository.h"
#include "models/errors.h"
#include "support/service_fixture.h"

#include <algorithm>
#include <tuple>

using namespace md;

class ComplaintTest : public test::ServiceTest {
protected:
    void SetUp() override {
        ServiceTest::SetUp();
        desk = sign_in_as(Role::Service);
        approver = sign_in_as(Role::Approver);
    }
    // The clock at a business time (UTC+8).
    void at(const char* business_time) { *now = parse_instant(business_time) - boost::posix_time::hours(8); }
    std::string member(const std::string& name, const std::string& mobile, bool premium = false) {
        MemberInput in;
        in.name = name;
        in.mobile = mobile;
        const MemberRecord r = services->members.add(desk, in);
        if (premium) TierRepository(services->database()).set_held(r.member.id, "premium", "gold", Date(2026, 1, 1));
        return r.member.number;
    }
    ComplaintView open(const std::string& number, const char* severity, const std::string& category = "delivery") {
        return services->complaints.open(desk, {number, "phone", category, severity, "配送延迟", "", std::nullopt});
    }
    static std::string due(const DeadlineClock& c) { return c.due ? format_instant(*c.due).substr(0, 16) : "none"; }
    Actor desk, approver;
};

TEST_P(ComplaintTest, DeadlinesFallOnExactBusinessTimes) {
    const std::string ordinary = member("王芳", "13800138000");
    const std::string premium = member("李雷", "13900139000", true);

    // Friday 17:55, high severity: 2 business hours to answer — 5 minutes on Friday, the rest on Monday.
    at("2026-12-04 17:55:00");
    ComplaintView friday = open(ordinary, "high");
    EXPECT_FALSE(friday.row.ticket.premium);
    EXPECT_EQ(std::make_tuple(friday.response.target_minutes, due(friday.response)), std::make_tuple(120, std::string("2026-12-07 10:55")));
    EXPECT_EQ(due(friday.resolution), "2026-12-08 17:55") << "two business days";
    // Near from 24 minutes left (20% of 120); on time up to 10:55 itself; breached after.
    auto in_queue = [&](ComplaintQueue q) {
        const auto tickets = services->complaints.queue(desk, q);
        return std::any_of(tickets.begin(), tickets.end(), [&](const ComplaintView& v) { return v.row.ticket.number == friday.row.ticket.number; });
    };
    at("2026-12-07 10:30:00");
    EXPECT_FALSE(in_queue(ComplaintQueue::NearDeadline)) << "25 minutes left";
    at("2026-12-07 10:31:00");
    EXPECT_TRUE(in_queue(ComplaintQueue::NearDeadline)) << "24 minutes left";
    at("2026-12-07 10:55:00");
    EXPECT_FALSE(in_queue(ComplaintQueue::Breached)) << "due at 10:55 inclusive";
    at("2026-12-07 10:56:00");
    EXPECT_TRUE(in_queue(ComplaintQueue::Breached));
    EXPECT_TRUE(in_queue(ComplaintQueue::Unassigned));

    // Spring Festival: closed 15–23 February, Saturday 14 February worked (调休).
    at("2026-02-13 17:00:00");
    ComplaintView festival = open(ordinary, "normal", "points");
    EXPECT_EQ(due(festival.response), "2026-02-14 12:00") << "4 business hours: one on Friday, three on the working Saturday";
    EXPECT_EQ(due(festival.resolution), "2026-02-25 17:00") << "three business days across the holiday week";

    // Premium against ordinary, both high, opened Tuesday 10:00.
    at("2026-12-08 10:00:00");
    ComplaintView fast = open(premium, "high", "product_quality");
    ComplaintView usual = open(ordinary, "high", "product_quality");
    EXPECT_TRUE(fast.row.ticket.premium);
    EXPECT_EQ(std::make_tuple(due(fast.response), due(usual.response)),
              std::make_tuple(std::string("2026-12-08 11:00"), std::string("2026-12-08 12:00")));
    EXPECT_EQ(std::make_tuple(due(fast.resolution), due(usual.resolution)),
              std::make_tuple(std::string("2026-12-09 10:00"), std::string("2026-12-10 10:00")));
    const auto premium_queue = services->complaints.queue(desk, ComplaintQueue::Premium);
    ASSERT_EQ(premium_queue.size(), 1u);
    EXPECT_EQ(premium_queue.front().row.ticket.number, fast.row.ticket.number);

    // A wait for the customer over a night: Tuesday 17:00 to Wednesday 10:00 does not count.
    at("2026-12-08 16:00:00");
    const std::string number = open(ordinary, "high", "staff_attitude").row.ticket.number;
    at("2026-12-08 16:30:00");
    services->complaints.assign(desk, number, desk.username);
    ComplaintView answered = services->complaints.note(desk, number, "已致电会员");
    EXPECT_EQ(answered.row.ticket.status, ComplaintStatus::InProgress);
    EXPECT_EQ(answered.response.state, DeadlineState::OnTrack) << "answered 30 minutes after opening";
    at("2026-12-08 17:00:00");
    ComplaintView waiting = services->complaints.wait(desk, number, "等待会员提供照片");
    EXPECT_EQ(due(waiting.resolution), "none") << "no deadline while the customer is waited for";
    at("2026-12-09 10:00:00");
    ComplaintView resumed = services->complaints.resume(desk, number, "会员已回复");
    EXPECT_EQ(due(resumed.resolution), "2026-12-10 18:00") << "without the wait it was Thursday 16:00";

}

TEST_P(ComplaintTest, CompensationAboveTheCapWaitsForApprovalAndIsPaidOnceThroughTheLedger) {
    const std::string m = member("王芳", "13800138000");
    at("2026-12-08 10:00:00");
    const std::string number = open(m, "high", "stored_value").row.ticket.number;

    CompensationRequest fifty{CompensationKind::StoredValue, 0, Money::from_yuan(50), "", "配送延迟补偿"};
    const CompensationRow first = services->complaints.compensate(desk, number, fifty);
    EXPECT_EQ(first.state, "paid") << "¥50 is within customer service's ¥100 per ticket";
    EXPECT_EQ(services->ledger.account(desk, m).value.compensation, Money::from_yuan(50));

    CompensationRequest sixty{CompensationKind::StoredValue, 0, Money::from_yuan(60), "", "再次补偿"};
    const CompensationRow second = services->complaints.compensate(desk, number, sixty);
    EXPECT_EQ(second.state, "pending") << "¥110 on the ticket is above the ¥100 cap";
    EXPECT_FALSE(second.txn_id);
    EXPECT_EQ(services->ledger.account(desk, m).value.compensation, Money::from_yuan(50)) << "nothing paid yet";
    EXPECT_THROW(services->complaints.decide_compensation(desk, second.id, true, "ok"), PermissionError);
    const auto pending = services->complaints.pending_compensations(approver);
    ASSERT_EQ(pending.size(), 1u);
    EXPECT_EQ(std::make_tuple(pending[0].compensation.id, pending[0].ticket.ticket.number, pending[0].ticket.member_number),
              std::make_tuple(second.id, number, m)) << "the approver sees which ticket and member it is for";

    const CompensationRow paid = services->complaints.decide_compensation(approver, second.id, true, "同意");
    EXPECT_EQ(paid.state, "paid");
    ASSERT_TRUE(paid.txn_id);
    EXPECT_THROW(services->complaints.decide_compensation(approver, second.id, true, "again"), ConflictError);
    EXPECT_EQ(services->ledger.account(desk, m).value.compensation, Money::from_yuan(110)) << "paid once";

    const TxnResult txn = services->ledger.transaction(desk, *paid.txn_id);
    EXPECT_EQ(txn.key, "complaint:" + number + ":" + std::to_string(second.id));
    ASSERT_EQ(txn.entries.size(), 1u);
    EXPECT_EQ(std::make_tuple(txn.entries[0].type, txn.entries[0].bucket, txn.entries[0].amount),
              std::make_tuple(EntryType::Compensation, Bucket::Compensation, std::int64_t{6000}));
    EXPECT_NE(txn.entries[0].reason.find(number), std::string::npos) << txn.entries[0].reason;
    EXPECT_NE(txn.detail.find(number), std::string::npos) << txn.detail;

    const CompensationRow coins = services->complaints.compensate(desk, number, {CompensationKind::Coins, 30, Money(), "", "兑换币补偿"});
    EXPECT_EQ(coins.state, "paid");
    EXPECT_EQ(services->ledger.account(desk, m).coins, 30);
    EXPECT_EQ(services->database_admin.check(admin), "ok") << "balances equal their entries, coins have their lot";

    const ComplaintView shown = services->complaints.show(desk, number);
    EXPECT_EQ(shown.compensations.size(), 3u);
    EXPECT_EQ(audit("complaint.compensation_requested").size(), 1u);
    EXPECT_EQ(audit("complaint.compensation_approved").size(), 1u);
}

TEST_P(ComplaintTest, TheApprovedCalendarAndPolicyRuleTheClocksAndEachBreachIsRecordedOnce) {
    const std::string m = member("王芳", "13800138000");
    at("2026-12-07 08:00:00");
    // Monday 7 December declared a holiday; critical tickets answered within 30 minutes.
    BusinessCalendar calendar = default_business_calendar();
    calendar.holidays.push_back(Date(2026, 12, 7));
    ComplaintPolicy policy = default_complaint_policy();
    for (DeadlineTarget& t : policy.targets)
        if (t.severity == ComplaintSeverity::Critical) t.response_minutes = 30;
    for (auto [kind, body] : {std::pair{ChangeKind::BusinessCalendar, nlohmann::json::parse(to_json(calendar).dump())},
                              std::pair{ChangeKind::ComplaintPolicy, nlohmann::json::parse(to_json(policy).dump())}}) {
        Proposal p;
        p.kind = kind;
        p.item = body;
        p.reason = "desk settings";
        p.effective_from = Date(2026, 12, 7);
        const ChangeRequest r = services->program.propose(admin, p);
        services->program.decide(approver, r.id, true, "ok");
    }
    EXPECT_EQ(services->complaints.settings().calendar, calendar);

    at("2026-12-07 10:00:00");
    const ComplaintView first = open(m, "critical");
    EXPECT_EQ(due(first.response), "2026-12-08 09:30") << "the holiday is closed; 30 minutes from Tuesday's opening";

    at("2026-12-08 09:30:00");
    EXPECT_TRUE(services->complaints.record_breaches(desk).empty()) << "due at 09:30 inclusive";
    at("2026-12-08 09:31:00");
    const auto breaches = services->complaints.record_breaches(desk);
    ASSERT_EQ(breaches.size(), 1u);
    EXPECT_EQ(std::make_tuple(breaches[0].number, breaches[0].clock, format_instant(breaches[0].due).substr(0, 16)),
              std::make_tuple(first.row.ticket.number, std::string("response"), std::string("2026-12-08 09:30")));
    EXPECT_TRUE(services->complaints.record_breaches(desk).empty()) << "a breach is recorded once";
    const auto timeline = services->complaints.show(desk, first.row.ticket.number).timeline;
    EXPECT_EQ(std::count_if(timeline.begin(), timeline.end(), [](const ComplaintEvent& e) { return e.kind == "breach"; }), 1);
    EXPECT_EQ(audit("complaint.breach").size(), 1u);
    EXPECT_THROW(services->complaints.record_breaches(approver), PermissionError) << "the job is the desk's";

    // A second ticket of the same category within 7 days is offered for linking, and linked.
    const auto recent = services->complaints.recent_of_member(desk, m, "delivery");
    ASSERT_EQ(recent.size(), 1u);
    EXPECT_EQ(recent[0].ticket.number, first.row.ticket.number);
    EXPECT_TRUE(services->complaints.recent_of_member(desk, m, "points").empty());
    const ComplaintView repeat =
        services->complaints.open(desk, {m, "app", "delivery", "normal", "又晚了", "", first.row.ticket.number});
    EXPECT_EQ(services->complaints.show(desk, repeat.row.ticket.number).row.linked_number, first.row.ticket.number);
}

TEST_P(ComplaintTest, BadInputIsRefusedWholeWithAClearError) {
    const std::string m = member("王芳", "13800138000");
    at("2026-12-08 10:00:00");
    EXPECT_THROW(services->complaints.open(desk, {"M99999999", "phone", "delivery", "high", "x", "", std::nullopt}), NotFoundError);
    try {
        services->complaints.open(desk, {m, "fax", "delivery", "high", "x", "", std::nullopt});
        ADD_FAILURE() << "an unknown channel was accepted";
    } catch (const ValidationError& e) {
        EXPECT_EQ(std::make_tuple(e.field(), e.value()), std::make_tuple(std::string("channel"), std::string("fax")));
    }
    const std::string number = open(m, "normal").row.ticket.number;
    services->complaints.assign(desk, number, desk.username);

    // Two staff read version 2; the first save wins, the second is a conflict and writes nothing.
    const int read = services->complaints.show(desk, number).row.version;
    const Actor colleague = admin;
    services->complaints.note(desk, number, "第一条备注", read);
    EXPECT_THROW(services->complaints.note(colleague, number, "第二条备注", read), ConflictError);
    int notes = 0;
    for (const ComplaintEvent& e : services->complaints.show(desk, number).timeline) notes += e.kind == "note";
    EXPECT_EQ(notes, 1);

    EXPECT_THROW(services->complaints.close(desk, number, 5), ValidationError) << "closing an unresolved ticket";
    try {
        services->complaints.resolve(desk, number, "  ", "");
        ADD_FAILURE() << "resolved without a note";
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.field(), "resolution_note");
    }
    EXPECT_THROW(services->complaints.compensate(desk, number, {CompensationKind::StoredValue, 0, Money::from_fen(-500), "", "x"}),
                 ValidationError);
    EXPECT_TRUE(services->complaints.show(desk, number).compensations.empty()) << "a refused compensation leaves nothing";

    services->complaints.resolve(desk, number, "已补发", "仓库漏发");
    EXPECT_THROW(services->complaints.close(desk, number, 6), ValidationError) << "satisfaction is 1–5";
    services->complaints.close(desk, number, 4);
    EXPECT_THROW(services->complaints.compensate(desk, number, {CompensationKind::Coins, 10, Money(), "", "x"}), ValidationError)
        << "a closed ticket takes no compensation";

    // Closed on 8 December 10:00: it may be reopened until 7 January 10:00 (30 days, inclusive).
    at("2027-01-07 10:00:01");
    EXPECT_THROW(services->complaints.reopen(desk, number, "问题再次出现"), ValidationError);
    at("2027-01-07 10:00:00");
    EXPECT_EQ(services->complaints.reopen(desk, number, "问题再次出现").row.ticket.status, ComplaintStatus::Reopened);
}

MD_ON_BOTH_BACKENDS(ComplaintTest);

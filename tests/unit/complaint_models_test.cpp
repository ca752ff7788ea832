// Complaint tickets and their policy (models/complaint, models/complaint_policy): the codes,
// the status transitions allowed and refused, the reopen window and the duplicate window at their
// edges, deadlines for a premium and an ordinary member, the near-deadline rule, and the
// compensation caps at exactly the cap and one coin or one fen above.
#include "models/complaint.h"
#include "models/complaint_policy.h"
#include "models/errors.h"

#include <gtest/gtest.h>

using namespace md;

namespace {

Instant at(const char* text) { return parse_instant(text); }

template <typename F>
std::string refusal(F&& call, const std::string& field, const std::string& value) {
    try {
        call();
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.field(), field);
        EXPECT_EQ(e.value(), value);
        return e.what();
    }
    ADD_FAILURE() << "no ValidationError for " << field;
    return "";
}

Complaint resolved_ticket() {
    Complaint c;
    c.member_id = 7;
    c.subject = "送货晚了两天";
    c.owner = "wang.li";
    c.status = ComplaintStatus::Resolved;
    c.opened_at = at("2026-11-20 17:55:00");
    c.resolution_note = "补发并致歉";
    return c;
}

}  // namespace

TEST(ComplaintCodes, EveryCodeParsesBack) {
    for (ComplaintChannel x : all_complaint_channels())
        EXPECT_EQ(parse_complaint_channel(complaint_channel_code(x), "f"), x);
    for (ComplaintCategory x : all_complaint_categories())
        EXPECT_EQ(parse_complaint_category(complaint_category_code(x), "f"), x);
    for (ComplaintSeverity x : all_complaint_severities())
        EXPECT_EQ(parse_complaint_severity(complaint_severity_code(x), "f"), x);
    for (ComplaintStatus x : all_complaint_statuses()) EXPECT_EQ(parse_complaint_status(complaint_status_code(x), "f"), x);
    EXPECT_EQ(all_complaint_channels().size(), 5u);
    EXPECT_EQ(all_complaint_categories().size(), 7u);
    EXPECT_EQ(all_complaint_severities().size(), 4u);
    EXPECT_EQ(all_complaint_statuses().size(), 7u);
    EXPECT_EQ(complaint_channel_code(ComplaintChannel::WeChat), "wechat");
    EXPECT_EQ(complaint_category_code(ComplaintCategory::StoredValue), "stored_value");
    EXPECT_EQ(complaint_status_code(ComplaintStatus::WaitingCustomer), "waiting_customer");
    EXPECT_EQ(member_class_code(MemberClass::Premium), "premium");
}

TEST(ComplaintCodes, UnknownCodesAreRefusedNamingTheField) {
    EXPECT_EQ(refusal([] { parse_complaint_channel("fax", "complaint.channel"); }, "complaint.channel", "fax"),
              "complaint.channel: \"fax\" is not one of phone, store, app, wechat, email");
    EXPECT_EQ(refusal([] { parse_complaint_category("price", "complaint.category"); }, "complaint.category", "price"),
              "complaint.category: \"price\" is not one of product_quality, delivery, stored_value, points, "
              "staff_attitude, package, other");
    EXPECT_EQ(refusal([] { parse_complaint_severity("urgent", "complaint.severity"); }, "complaint.severity", "urgent"),
              "complaint.severity: \"urgent\" is not one of low, normal, high, critical");
    EXPECT_EQ(refusal([] { parse_complaint_status("open", "complaint.status"); }, "complaint.status", "open"),
              "complaint.status: \"open\" is not one of new, assigned, in_progress, waiting_customer, resolved, closed, "
              "reopened");
    EXPECT_EQ(refusal([] { parse_member_class("vip", "member_class"); }, "member_class", "vip"),
              "member_class: \"vip\" is not one of standard, premium");
}

TEST(ComplaintTransitions, TheTransitionTableExactly) {
    std::vector<std::string> allowed;
    for (ComplaintStatus from : all_complaint_statuses())
        for (ComplaintStatus to : all_complaint_statuses())
            if (transition_allowed(from, to)) allowed.push_back(complaint_status_code(from) + "→" + complaint_status_code(to));
    EXPECT_EQ(allowed, (std::vector<std::string>{
                           "new→assigned",
                           "assigned→in_progress", "assigned→waiting_customer", "assigned→resolved",
                           "in_progress→waiting_customer", "in_progress→resolved",
                           "waiting_customer→in_progress", "waiting_customer→resolved",
                           "resolved→closed", "resolved→reopened",
                           "closed→reopened",
                           "reopened→assigned", "reopened→in_progress", "reopened→waiting_customer", "reopened→resolved",
                       }));
}

TEST(ComplaintTransitions, RefusedTransitionsNameFromAndTo) {
    using S = ComplaintStatus;
    struct Row {
        S from, to;
        const char* message;
    };
    const std::vector<Row> table = {
        {S::InProgress, S::Closed,
         "complaint.status: a ticket that is in_progress cannot become closed; it may become waiting_customer, resolved"},
        {S::New, S::Resolved, "complaint.status: a ticket that is new cannot become resolved; it may become assigned"},
        {S::Closed, S::InProgress,
         "complaint.status: a ticket that is closed cannot become in_progress; it may become reopened"},
        {S::WaitingCustomer, S::Reopened,
         "complaint.status: a ticket that is waiting_customer cannot become reopened; it may become in_progress, resolved"},
        {S::Resolved, S::New, "complaint.status: a ticket that is resolved cannot become new; it may become closed, reopened"},
        {S::Assigned, S::Assigned, "complaint.status: the ticket is already assigned"},
    };
    for (const Row& row : table) {
        const std::string value = complaint_status_code(row.from) + " → " + complaint_status_code(row.to);
        EXPECT_EQ(refusal([&] { check_transition(row.from, row.to); }, "complaint.status", value), row.message) << value;
    }
    EXPECT_NO_THROW(check_transition(S::Resolved, S::Closed));
    EXPECT_NO_THROW(check_transition(S::Closed, S::Reopened));
}

TEST(ComplaintTransitions, ReopenWindowIsInclusive) {
    const Instant closed = at("2026-11-01 10:00:00");
    EXPECT_TRUE(within_reopen_window(closed, at("2026-11-01 10:00:00"), 30));
    EXPECT_TRUE(within_reopen_window(closed, at("2026-12-01 10:00:00"), 30));  // exactly 30 days: still allowed
    EXPECT_FALSE(within_reopen_window(closed, at("2026-12-01 10:00:01"), 30));
    EXPECT_TRUE(within_reopen_window(closed, at("2026-11-08 10:00:00"), 7));
    EXPECT_FALSE(within_reopen_window(closed, at("2026-11-08 10:01:00"), 7));
    EXPECT_NO_THROW(check_reopen_window(closed, at("2026-12-01 10:00:00"), 30));
    EXPECT_EQ(refusal([&] { check_reopen_window(closed, at("2026-12-01 10:00:01"), 30); }, "complaint.reopen",
                      "2026-12-01 10:00:01"),
              "complaint.reopen: the ticket was closed at 2026-11-01 10:00:00 and may be reopened within 30 days, until "
              "2026-12-01 10:00:00; it is now 2026-12-01 10:00:01");
}

TEST(ComplaintTicket, CompensationSatisfactionAndClosing) {
    EXPECT_NO_THROW(check_may_compensate(ComplaintStatus::Resolved));
    EXPECT_NO_THROW(check_may_compensate(ComplaintStatus::Reopened));
    EXPECT_EQ(refusal([] { check_may_compensate(ComplaintStatus::Closed); }, "complaint.status", "closed"),
              "complaint.status: the ticket is closed; reopen it before granting compensation");

    for (int score : {1, 2, 3, 4, 5}) EXPECT_NO_THROW(validate_satisfaction(score));
    for (int score : {0, 6, -1})
        EXPECT_EQ(refusal([&] { validate_satisfaction(score); }, "complaint.satisfaction", std::to_string(score)),
                  "complaint.satisfaction: " + std::to_string(score) + " is not between 1 and 5");

    Complaint ticket = resolved_ticket();
    EXPECT_NO_THROW(validate(ticket));
    EXPECT_NO_THROW(check_may_close(ticket));
    ticket.resolution_note = "  ";
    EXPECT_EQ(refusal([&] { check_may_close(ticket); }, "complaint.resolution_note", ""),
              "complaint.resolution_note: a ticket is closed with a note saying how it was resolved");
    ticket = resolved_ticket();
    ticket.status = ComplaintStatus::InProgress;
    refusal([&] { check_may_close(ticket); }, "complaint.status", "in_progress → closed");
}

TEST(ComplaintTicket, TicketValidation) {
    Complaint ticket = resolved_ticket();
    ticket.subject = " ";
    EXPECT_EQ(refusal([&] { validate(ticket); }, "complaint.subject", " "), "complaint.subject: a subject is required");

    std::string chinese;
    for (int i = 0; i < 200; ++i) chinese += "投";  // 200 characters, 600 bytes
    ticket.subject = chinese;
    EXPECT_NO_THROW(validate(ticket));
    ticket.subject = chinese + "诉";
    EXPECT_EQ(refusal([&] { validate(ticket); }, "complaint.subject", chinese + "诉"),
              "complaint.subject: 201 characters; at most 200");

    ticket = resolved_ticket();
    ticket.owner = "";
    ticket.status = ComplaintStatus::Assigned;
    EXPECT_EQ(refusal([&] { validate(ticket); }, "complaint.owner", ""),
              "complaint.owner: a ticket that is assigned needs an owner");
    ticket.status = ComplaintStatus::New;
    EXPECT_NO_THROW(validate(ticket));  // unassigned while new

    ticket = resolved_ticket();
    ticket.satisfaction = 7;
    refusal([&] { validate(ticket); }, "complaint.satisfaction", "7");
}

TEST(ComplaintDuplicates, SevenCalendarDaysInclusive) {
    struct Row {
        const char* name;
        std::int64_t member;
        ComplaintCategory category;
        const char* opened;
        bool expected;
    };
    const ComplaintOpening earlier{7, ComplaintCategory::Delivery, at("2026-11-01 10:00:00")};
    const std::vector<Row> table = {
        {"the same instant", 7, ComplaintCategory::Delivery, "2026-11-01 10:00:00", true},
        {"a day later", 7, ComplaintCategory::Delivery, "2026-11-02 09:00:00", true},
        // Calendar time: a weekend between counts like any other days.
        {"exactly 7 days later", 7, ComplaintCategory::Delivery, "2026-11-08 10:00:00", true},
        {"7 days and a second later", 7, ComplaintCategory::Delivery, "2026-11-08 10:00:01", false},
        {"another category", 7, ComplaintCategory::Points, "2026-11-02 09:00:00", false},
        {"another member", 8, ComplaintCategory::Delivery, "2026-11-02 09:00:00", false},
        {"opened before the earlier one", 7, ComplaintCategory::Delivery, "2026-11-01 09:59:59", false},
    };
    for (const Row& row : table)
        EXPECT_EQ(offered_for_linking(earlier, {row.member, row.category, at(row.opened)}), row.expected) << row.name;
    EXPECT_EQ(format_instant(duplicate_window_start(at("2026-11-08 10:00:00"))), "2026-11-01 10:00:00");
}

TEST(ComplaintPolicy, DefaultTargets) {
    const ComplaintPolicy policy = default_complaint_policy();
    EXPECT_NO_THROW(validate(policy));
    using S = ComplaintSeverity;
    struct Row {
        S severity;
        MemberClass member_class;
        std::int64_t response, resolution;
    };
    const std::vector<Row> table = {
        {S::Critical, MemberClass::Standard, 60, 540},   {S::Critical, MemberClass::Premium, 30, 240},
        {S::High, MemberClass::Standard, 120, 1080},     {S::High, MemberClass::Premium, 60, 540},
        {S::Normal, MemberClass::Standard, 240, 1620},   {S::Normal, MemberClass::Premium, 120, 1080},
        {S::Low, MemberClass::Standard, 540, 2700},      {S::Low, MemberClass::Premium, 240, 1620},
    };
    for (const Row& row : table) {
        const DeadlineTarget& t = target_for(policy, row.severity, row.member_class);
        EXPECT_EQ(t.response_minutes, row.response) << complaint_severity_code(row.severity);
        EXPECT_EQ(t.resolution_minutes, row.resolution) << complaint_severity_code(row.severity);
    }
    EXPECT_EQ(policy.near_deadline_pct, 20);
    EXPECT_EQ(policy.reopen_window_days, 30);
}

TEST(ComplaintPolicy, PremiumAgainstOrdinaryMemberDueTimes) {
    // A normal-severity ticket opened on Friday 2026-11-20 at 17:55 (issue 8's example).
    const ComplaintPolicy policy = default_complaint_policy();
    const BusinessCalendar calendar = default_business_calendar();
    const Instant opened = at("2026-11-20 17:55:00");
    struct Row {
        MemberClass member_class;
        const char* response_due;
        const char* resolution_due;
    };
    const std::vector<Row> table = {
        // 120 minutes: 5 on Friday, 115 on Monday; 1080: 5 on Friday, 540 Monday, 535 Tuesday.
        {MemberClass::Premium, "2026-11-23 10:55:00", "2026-11-24 17:55:00"},
        // 240: 5 + 235; 1620: 5 + 540 + 540 + 535.
        {MemberClass::Standard, "2026-11-23 12:55:00", "2026-11-25 17:55:00"},
    };
    for (const Row& row : table) {
        const DeadlineTarget& t = target_for(policy, ComplaintSeverity::Normal, row.member_class);
        EXPECT_EQ(format_instant(add_business_minutes(calendar, opened, t.response_minutes)), row.response_due);
        EXPECT_EQ(format_instant(add_business_minutes(calendar, opened, t.resolution_minutes)), row.resolution_due);
    }
}

TEST(ComplaintPolicy, NearTheDeadlineAndBreached) {
    EXPECT_EQ(near_deadline_minutes(60, 20), 12);
    EXPECT_EQ(near_deadline_minutes(30, 20), 6);
    EXPECT_EQ(near_deadline_minutes(2700, 20), 540);
    EXPECT_EQ(near_deadline_minutes(7, 20), 2);  // 1.4 rounds up
    EXPECT_EQ(near_deadline_minutes(240, 20), 48);

    const BusinessCalendar calendar = default_business_calendar();
    const Instant opened = at("2026-11-20 17:55:00");
    struct Row {
        const char* now;
        std::int64_t target;
        DeadlineState expected;
    };
    // Standard response target 240 (due Monday 12:55, near with 48 or fewer minutes left);
    // premium 120 (due Monday 10:55, near with 24 or fewer left).
    const std::vector<Row> table = {
        {"2026-11-23 12:06:00", 240, DeadlineState::OnTrack},  // 49 left
        {"2026-11-23 12:07:00", 240, DeadlineState::Near},     // 48 left
        {"2026-11-23 12:55:00", 240, DeadlineState::Near},     // due: met at the due instant
        {"2026-11-23 12:55:01", 240, DeadlineState::Breached},
        {"2026-11-22 20:00:00", 120, DeadlineState::OnTrack},  // the weekend does not count
        {"2026-11-23 10:30:00", 120, DeadlineState::OnTrack},  // 25 left
        {"2026-11-23 10:31:00", 120, DeadlineState::Near},     // 24 left
        {"2026-11-23 10:56:00", 120, DeadlineState::Breached},
    };
    for (const Row& row : table)
        EXPECT_EQ(deadline_state_code(deadline_state(calendar, opened, row.target, {}, at(row.now), 20)),
                  deadline_state_code(row.expected))
            << row.now << " target " << row.target;

    // Waiting for the customer since Monday 09:30 (not ended): 35 of 60 minutes used, so on
    // track however late it is; once resumed on Tuesday at 09:00 the clock runs again.
    const auto state = [&](const std::vector<Pause>& pauses, const char* now) {
        return deadline_state_code(deadline_state(calendar, opened, 60, pauses, at(now), 20));
    };
    const std::vector<Pause> waiting = {{at("2026-11-23 09:30:00"), std::nullopt}};
    EXPECT_EQ(state(waiting, "2026-11-30 17:00:00"), "on_track");
    const std::vector<Pause> resumed = {{at("2026-11-23 09:30:00"), at("2026-11-24 09:00:00")}};
    EXPECT_EQ(state(resumed, "2026-11-24 09:12:00"), "on_track");
    EXPECT_EQ(state(resumed, "2026-11-24 09:13:00"), "near");
    EXPECT_EQ(state(resumed, "2026-11-24 09:25:00"), "near");
    EXPECT_EQ(state(resumed, "2026-11-24 09:25:01"), "breached");
}

TEST(ComplaintPolicy, ValidationNamesTheField) {
    struct Row {
        const char* name;
        ComplaintPolicy policy;
        const char* field;
        const char* value;
        const char* message;
    };
    const ComplaintPolicy base = default_complaint_policy();
    auto with = [&](auto change) {
        ComplaintPolicy p = base;
        change(p);
        return p;
    };
    // targets[0] is critical/standard, targets[1] critical/premium (the default's order).
    const std::vector<Row> table = {
        {"no response time", with([](ComplaintPolicy& p) { p.targets[0].response_minutes = 0; }),
         "policy.targets.critical.standard.response_minutes", "0",
         "policy.targets.critical.standard.response_minutes: 0 business minutes; give at least 1"},
        {"resolution shorter than response", with([](ComplaintPolicy& p) { p.targets[0].resolution_minutes = 59; }),
         "policy.targets.critical.standard.resolution_minutes", "59",
         "policy.targets.critical.standard.resolution_minutes: resolution in 59 business minutes is shorter than the "
         "response target of 60"},
        {"premium slower than standard", with([](ComplaintPolicy& p) { p.targets[1].response_minutes = 61; }),
         "policy.targets.critical.premium.response_minutes", "61",
         "policy.targets.critical.premium.response_minutes: premium members would wait 61 business minutes, longer "
         "than the 60 of standard members"},
        {"a missing pair", with([](ComplaintPolicy& p) { p.targets.pop_back(); }), "policy.targets", "low.premium",
         "policy.targets: no target for low tickets of premium members"},
        {"a pair twice", with([](ComplaintPolicy& p) { p.targets.push_back(p.targets[2]); }), "policy.targets",
         "high.standard", "policy.targets: high tickets of standard members are given two targets"},
        {"near 0%", with([](ComplaintPolicy& p) { p.near_deadline_pct = 0; }), "policy.near_deadline_pct", "0",
         "policy.near_deadline_pct: 0 is not between 1 and 99"},
        {"near 100%", with([](ComplaintPolicy& p) { p.near_deadline_pct = 100; }), "policy.near_deadline_pct", "100",
         "policy.near_deadline_pct: 100 is not between 1 and 99"},
        {"no reopen window", with([](ComplaintPolicy& p) { p.reopen_window_days = 0; }), "policy.reopen_window_days",
         "0", "policy.reopen_window_days: 0 is not between 1 and 365"},
        {"a negative cap", with([](ComplaintPolicy& p) { p.caps[0].coins_per_month = -1; }),
         "policy.caps.service.coins_per_month", "-1", "policy.caps.service.coins_per_month: -1 is below zero"},
        {"a ticket cap above the month's",
         with([](ComplaintPolicy& p) { p.caps[0].stored_value_per_ticket = Money::from_fen(100001); }),
         "policy.caps.service.stored_value_per_ticket", "1000.01",
         "policy.caps.service.stored_value_per_ticket: 1000.01 per ticket is above the monthly cap of 1000.00"},
        {"a role twice", with([](ComplaintPolicy& p) { p.caps.push_back(p.caps[0]); }), "policy.caps", "service",
         "policy.caps: the role service is given two rows of caps"},
    };
    for (const Row& row : table)
        EXPECT_EQ(refusal([&] { validate(row.policy); }, row.field, row.value), row.message) << row.name;
}

TEST(ComplaintCompensationCaps, ExactlyAtTheCapAndOneAbove) {
    const ComplaintPolicy policy = default_complaint_policy();
    const CompensationCap service = cap_for(policy, Role::Service);
    struct CoinRow {
        const char* name;
        std::int64_t coins, on_ticket, this_month;
        bool above_ticket, above_month;
    };
    // Customer service: 100 coins per ticket, 1,000 a month.
    const std::vector<CoinRow> coins = {
        {"exactly the ticket cap", 100, 0, 0, false, false},
        {"one coin above the ticket cap", 101, 0, 0, true, false},
        {"topping up to exactly the ticket cap", 40, 60, 60, false, false},
        {"topping up one above", 41, 60, 60, true, false},
        {"exactly the monthly cap", 50, 0, 950, false, false},
        {"one above the monthly cap", 51, 0, 950, false, true},
        {"above both", 200, 0, 900, true, true},
    };
    for (const CoinRow& row : coins) {
        const CapCheck check = check_coin_compensation(service, row.coins, row.on_ticket, row.this_month);
        EXPECT_EQ(check.above_ticket_cap, row.above_ticket) << row.name;
        EXPECT_EQ(check.above_month_cap, row.above_month) << row.name;
        EXPECT_EQ(check.needs_approval(), row.above_ticket || row.above_month) << row.name;
    }

    struct MoneyRow {
        const char* name;
        std::int64_t fen, on_ticket_fen, this_month_fen;
        bool above_ticket, above_month;
    };
    // Customer service: ¥100 per ticket, ¥1,000 a month.
    const std::vector<MoneyRow> stored_value = {
        {"exactly ¥100.00", 10000, 0, 0, false, false},
        {"one fen above: ¥100.01", 10001, 0, 0, true, false},
        {"¥30.00 after ¥70.00 on the ticket", 3000, 7000, 7000, false, false},
        {"¥30.01 after ¥70.00 on the ticket", 3001, 7000, 7000, true, false},
        {"¥0.01 reaching exactly ¥1,000.00 this month", 1, 0, 99999, false, false},
        {"¥0.02 one fen past ¥1,000.00 this month", 2, 0, 99999, false, true},
    };
    for (const MoneyRow& row : stored_value) {
        const CapCheck check = check_stored_value_compensation(service, Money::from_fen(row.fen),
                                                               Money::from_fen(row.on_ticket_fen),
                                                               Money::from_fen(row.this_month_fen));
        EXPECT_EQ(check.above_ticket_cap, row.above_ticket) << row.name;
        EXPECT_EQ(check.above_month_cap, row.above_month) << row.name;
    }

    // Approvers may grant ten times as much; a role without caps needs approval for anything.
    EXPECT_FALSE(check_coin_compensation(cap_for(policy, Role::Approver), 1000, 0, 9000).needs_approval());
    EXPECT_TRUE(check_coin_compensation(cap_for(policy, Role::Approver), 1001, 0, 0).needs_approval());
    const CompensationCap finance = cap_for(policy, Role::Finance);
    EXPECT_EQ(finance.role, Role::Finance);
    EXPECT_EQ(finance.coins_per_ticket, 0);
    EXPECT_TRUE(check_coin_compensation(finance, 1, 0, 0).needs_approval());
    EXPECT_TRUE(check_stored_value_compensation(finance, Money::from_fen(1), Money(), Money()).needs_approval());
}

TEST(ComplaintCompensationCaps, ZeroAndNegativeAmountsAreRefused) {
    const CompensationCap service = cap_for(default_complaint_policy(), Role::Service);
    EXPECT_EQ(refusal([&] { check_coin_compensation(service, 0, 0, 0); }, "compensation.coins", "0"),
              "compensation.coins: 0 is not a compensation; give an amount above zero");
    refusal([&] { check_coin_compensation(service, -5, 0, 0); }, "compensation.coins", "-5");
    EXPECT_EQ(refusal([&] { check_stored_value_compensation(service, Money(), Money(), Money()); },
                      "compensation.stored_value", "0.00"),
              "compensation.stored_value: 0.00 is not a compensation; give an amount above zero");
    refusal([&] { check_stored_value_compensation(service, Money::from_fen(-1), Money(), Money()); },
            "compensation.stored_value", "-0.01");
}

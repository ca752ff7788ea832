#include "models/complaint_policy.h"

#include "models/errors.h"
#include "models/translate.h"

#include <algorithm>

namespace md {
namespace {

const char* const kMemberClasses[] = {"standard", "premium"};
const char* const kDeadlineStates[] = {"on_track", "near", "breached"};
constexpr std::int64_t kBusinessDay = 9 * 60;  // the default calendar's 09:00–18:00

std::string target_field(const DeadlineTarget& t) {
    return "policy.targets." + complaint_severity_code(t.severity) + "." + member_class_code(t.member_class);
}

void check_between(const std::string& field, int value, int low, int high) {
    if (value < low || value > high)
        throw ValidationError(field, std::to_string(value),
                              subst(tr("{0}: {1} is not between {2} and {3}"),
                                    {field, std::to_string(value), std::to_string(low), std::to_string(high)}));
}

void check_not_negative(const std::string& field, std::int64_t value, const std::string& shown) {
    if (value < 0)
        throw ValidationError(field, shown, subst(tr("{0}: {1} is below zero"), {field, shown}));
}

void check_target(const DeadlineTarget& t) {
    const std::string field = target_field(t);
    if (t.response_minutes < 1)
        throw ValidationError(field + ".response_minutes", std::to_string(t.response_minutes),
                              subst(tr("{0}: {1} business minutes; give at least 1"),
                                    {field + ".response_minutes", std::to_string(t.response_minutes)}));
    if (t.resolution_minutes < t.response_minutes)
        throw ValidationError(field + ".resolution_minutes", std::to_string(t.resolution_minutes),
                              subst(tr("{0}: resolution in {1} business minutes is shorter than the response target of "
                                       "{2}"),
                                    {field + ".resolution_minutes", std::to_string(t.resolution_minutes),
                                     std::to_string(t.response_minutes)}));
}

void check_premium_not_slower(const DeadlineTarget& premium, const DeadlineTarget& standard) {
    const auto check = [&](const char* name, std::int64_t premium_minutes, std::int64_t standard_minutes) {
        if (premium_minutes > standard_minutes) {
            const std::string field = target_field(premium) + "." + name;
            throw ValidationError(field, std::to_string(premium_minutes),
                                  subst(tr("{0}: premium members would wait {1} business minutes, longer than the {2} "
                                           "of standard members"),
                                        {field, std::to_string(premium_minutes), std::to_string(standard_minutes)}));
        }
    };
    check("response_minutes", premium.response_minutes, standard.response_minutes);
    check("resolution_minutes", premium.resolution_minutes, standard.resolution_minutes);
}

void check_cap(const CompensationCap& cap) {
    const std::string field = "policy.caps." + role_code(cap.role);
    check_not_negative(field + ".coins_per_ticket", cap.coins_per_ticket, std::to_string(cap.coins_per_ticket));
    check_not_negative(field + ".coins_per_month", cap.coins_per_month, std::to_string(cap.coins_per_month));
    check_not_negative(field + ".stored_value_per_ticket", cap.stored_value_per_ticket.fen(),
                       cap.stored_value_per_ticket.to_string());
    check_not_negative(field + ".stored_value_per_month", cap.stored_value_per_month.fen(),
                       cap.stored_value_per_month.to_string());
    // A per-ticket cap above the monthly one could never be used in full.
    const auto check_order = [&](const std::string& name, std::int64_t per_ticket, std::int64_t per_month,
                                 const std::string& ticket_shown, const std::string& month_shown) {
        if (per_ticket > per_month)
            throw ValidationError(field + "." + name + "_per_ticket", ticket_shown,
                                  subst(tr("{0}: {1} per ticket is above the monthly cap of {2}"),
                                        {field + "." + name + "_per_ticket", ticket_shown, month_shown}));
    };
    check_order("coins", cap.coins_per_ticket, cap.coins_per_month, std::to_string(cap.coins_per_ticket),
                std::to_string(cap.coins_per_month));
    check_order("stored_value", cap.stored_value_per_ticket.fen(), cap.stored_value_per_month.fen(),
                cap.stored_value_per_ticket.to_string(), cap.stored_value_per_month.to_string());
}

const DeadlineTarget* find_target(const ComplaintPolicy& policy, ComplaintSeverity severity, MemberClass member_class) {
    for (const DeadlineTarget& t : policy.targets)
        if (t.severity == severity && t.member_class == member_class) return &t;
    return nullptr;
}

}  // namespace

std::string member_class_code(MemberClass member_class) { return kMemberClasses[static_cast<int>(member_class)]; }

MemberClass parse_member_class(const std::string& code, const std::string& field) {
    for (int i = 0; i < 2; ++i)
        if (code == kMemberClasses[i]) return MemberClass(i);
    throw ValidationError(field, code, subst(tr("{0}: \"{1}\" is not one of {2}"), {field, code, "standard, premium"}));
}

void validate(const ComplaintPolicy& policy) {
    for (std::size_t i = 0; i < policy.targets.size(); ++i) {
        const DeadlineTarget& t = policy.targets[i];
        if (find_target(policy, t.severity, t.member_class) != &t)
            throw ValidationError("policy.targets", complaint_severity_code(t.severity) + "." + member_class_code(t.member_class),
                                  subst(tr("policy.targets: {0} tickets of {1} members are given two targets"),
                                        {complaint_severity_code(t.severity), member_class_code(t.member_class)}));
        check_target(t);
    }
    for (ComplaintSeverity severity : all_complaint_severities())
        for (MemberClass member_class : {MemberClass::Standard, MemberClass::Premium})
            (void)target_for(policy, severity, member_class);
    for (ComplaintSeverity severity : all_complaint_severities())
        check_premium_not_slower(target_for(policy, severity, MemberClass::Premium),
                                 target_for(policy, severity, MemberClass::Standard));
    check_between("policy.near_deadline_pct", policy.near_deadline_pct, 1, 99);
    check_between("policy.reopen_window_days", policy.reopen_window_days, 1, 365);
    if (policy.compensation_budget_per_month.fen() < 0)
        throw ValidationError("policy.compensation_budget_per_month", policy.compensation_budget_per_month.to_string(),
                              tr("policy.compensation_budget_per_month: the budget cannot be negative"));
    for (const CompensationCap& cap : policy.caps) {
        if (std::count_if(policy.caps.begin(), policy.caps.end(), [&](const CompensationCap& c) { return c.role == cap.role; }) > 1)
            throw ValidationError("policy.caps", role_code(cap.role),
                                  subst(tr("policy.caps: the role {0} is given two rows of caps"), {role_code(cap.role)}));
        check_cap(cap);
    }
}

ComplaintPolicy default_complaint_policy() {
    using S = ComplaintSeverity;
    ComplaintPolicy policy;
    const auto both = [&](S severity, std::int64_t standard_response, std::int64_t standard_resolution,
                          std::int64_t premium_response, std::int64_t premium_resolution) {
        policy.targets.push_back({severity, MemberClass::Standard, standard_response, standard_resolution});
        policy.targets.push_back({severity, MemberClass::Premium, premium_response, premium_resolution});
    };
    // Premium members' fast channel halves a standard target, roughly, at every severity.
    both(S::Critical, 60, kBusinessDay, 30, 4 * 60);
    both(S::High, 2 * 60, 2 * kBusinessDay, 60, kBusinessDay);
    both(S::Normal, 4 * 60, 3 * kBusinessDay, 2 * 60, 2 * kBusinessDay);
    both(S::Low, kBusinessDay, 5 * kBusinessDay, 4 * 60, 3 * kBusinessDay);
    // One coin is worth one yuan, so the coin and stored-value caps are the same figures.
    policy.caps = {
        {Role::Service, 100, 1000, Money::from_yuan(100), Money::from_yuan(1000)},
        {Role::Approver, 1000, 10000, Money::from_yuan(1000), Money::from_yuan(10000)},
    };
    return policy;
}

const DeadlineTarget& target_for(const ComplaintPolicy& policy, ComplaintSeverity severity, MemberClass member_class) {
    if (const DeadlineTarget* t = find_target(policy, severity, member_class)) return *t;
    throw ValidationError("policy.targets", complaint_severity_code(severity) + "." + member_class_code(member_class),
                          subst(tr("policy.targets: no target for {0} tickets of {1} members"),
                                {complaint_severity_code(severity), member_class_code(member_class)}));
}

CompensationCap cap_for(const ComplaintPolicy& policy, Role role) {
    for (const CompensationCap& cap : policy.caps)
        if (cap.role == role) return cap;
    CompensationCap none;
    none.role = role;
    return none;
}

std::int64_t near_deadline_minutes(std::int64_t target_minutes, int near_pct) {
    return (target_minutes * near_pct + 99) / 100;
}

std::string deadline_state_code(DeadlineState state) { return kDeadlineStates[static_cast<int>(state)]; }

DeadlineState deadline_state(const BusinessCalendar& calendar, const Instant& started, std::int64_t target_minutes,
                             const std::vector<Pause>& pauses, const Instant& now, int near_pct) {
    const auto due = add_business_minutes(calendar, started, target_minutes, pauses);
    if (due && now > *due) return DeadlineState::Breached;
    const std::int64_t left = target_minutes - business_minutes_between(calendar, started, now, pauses);
    return left <= near_deadline_minutes(target_minutes, near_pct) ? DeadlineState::Near : DeadlineState::OnTrack;
}

namespace {

void refuse_not_positive(const std::string& field, std::int64_t value, const std::string& shown) {
    if (value <= 0)
        throw ValidationError(field, shown,
                              subst(tr("{0}: {1} is not a compensation; give an amount above zero"), {field, shown}));
}

}  // namespace

CapCheck check_coin_compensation(const CompensationCap& cap, std::int64_t coins, std::int64_t coins_on_ticket,
                                 std::int64_t coins_by_user_this_month) {
    refuse_not_positive("compensation.coins", coins, std::to_string(coins));
    return {coins_on_ticket + coins > cap.coins_per_ticket, coins_by_user_this_month + coins > cap.coins_per_month};
}

CapCheck check_stored_value_compensation(const CompensationCap& cap, Money amount, Money on_ticket,
                                         Money by_user_this_month) {
    refuse_not_positive("compensation.stored_value", amount.fen(), amount.to_string());
    return {on_ticket + amount > cap.stored_value_per_ticket, by_user_this_month + amount > cap.stored_value_per_month};
}

}  // namespace md

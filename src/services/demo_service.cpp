#include "services/demo_service.h"

#include "db/migrations.h"
#include "db/user_repository.h"
#include "models/errors.h"
#include "models/translate.h"
#include "services/audit_trail.h"
#include "services/demo_data.h"
#include "db/lifecycle_repository.h"
#include "db/member_repository.h"
#include "services/lifecycle_service.h"
#include "services/member_service.h"
#include "services/program_service.h"
#include "services/password_hasher.h"
#include "services/user_service.h"

#include <nlohmann/json.hpp>

namespace md {

// Each demo member has a past: registered some days ago, recharged and bought on given days.
// Until the ledger records real recharges and purchases, those dates are written directly,
// so that the lifecycle job has dormant and lapsed members to find.
void DemoService::seed_members(const Actor& desk) {
    const Instant now = clock_();
    const Date today = to_business_time(now).date();
    LifecycleRepository activity(db_);
    for (const auto& person : nlohmann::json::parse(demo_members_json())) {
        MemberInput in;
        auto text = [&](const char* key) -> std::optional<std::string> {
            if (!person.contains(key) || person[key].get<std::string>().empty()) return std::nullopt;
            return person[key].get<std::string>();
        };
        in.name = text("name");
        in.mobile = text("mobile");
        in.email = text("email");
        in.birthday = text("birthday");
        in.gender = text("gender");
        in.type = text("type");
        in.company = text("company");
        in.channel = text("channel");
        in.home_store = text("home_store");
        in.referrer = text("referrer");
        in.tags = person["tags"].get<std::vector<std::string>>();
        in.consent_sms = true;
        const nlohmann::json history = person.value("history", nlohmann::json::object());
        const int registered_days_ago = history.value("registered_days_ago", 0);
        MemberService members(db_, [now, registered_days_ago] { return now - boost::gregorian::days(registered_days_ago); });
        const MemberRecord added = members.add(desk, in);
        const std::int64_t id = MemberRepository(db_).by_number(added.member.number)->id;
        auto on = [&](const char* key, ActivityKind kind) {
            if (history.contains(key)) activity.record_activity(id, kind, today - boost::gregorian::days(history[key].get<int>()));
        };
        on("first_recharge_days_ago", ActivityKind::Recharge);
        on("first_purchase_days_ago", ActivityKind::Purchase);
        on("last_activity_days_ago",
           history.contains("first_purchase_days_ago") ? ActivityKind::Purchase : ActivityKind::Recharge);
    }
}

// The programme goes through the real workflow: the marketing manager imports it, the
// approver approves every request, effective today. The history then reads as it would.
void DemoService::seed_program(const Actor& maker, const Actor& checker) {
    ProgramService program(db_, clock_);
    const auto result = program.import_program(maker, nlohmann::json::parse(demo_program_json()),
                                               "演示方案 Demo programme (domain.md)", program.today());
    for (std::int64_t id : result.change_ids) program.decide(checker, id, true, "演示审批 Demo approval");
}

std::vector<DemoUser> DemoService::seed() {
    migrate(db_);
    UserRepository repo(db_);
    // One person per role, named as the programme's own staff would be.
    std::vector<DemoUser> people = {
        {"admin", "系统管理员 System Admin", "admin", "demo-admin"},
        {"li.na", "李娜 (会员运营)", "marketing", "demo-marketing"},
        {"wang.qiang", "王强 (审批)", "approver", "demo-approver"},
        {"zhang.min", "张敏 (客服)", "service", "demo-service"},
        {"chen.jing", "陈静 (财务)", "finance", "demo-finance"},
        {"zhao.lei", "赵磊 (审计)", "auditor", "demo-auditor"},
    };
    // Hash before the transaction: Argon2id is deliberately slow and must not hold the write lock.
    std::vector<User> users;
    const Instant now = clock_();
    for (const DemoUser& p : people) {
        User u;
        u.username = p.username;
        u.display_name = p.display_name;
        u.role = require_role(p.role);
        u.password_hash = hash_password(p.password);
        u.created_at = u.updated_at = now;
        u.updated_by = "demo";
        users.push_back(u);
    }
    Transaction tx(db_);
    if (repo.count() > 0)
        throw ConflictError(subst(tr("demo seed: {0} already has users; demo data goes only into a new database"),
                                  {db_.url().display}));
    AuditTrail audit(db_, clock_);
    for (User& u : users) {
        u.id = repo.insert(u);
        audit.record("demo", "user.add", "user", u.username, "", user_audit_json(u), tr("demo seed"));
    }
    tx.commit();
    auto actor_for = [&](Role role) {
        for (const User& u : users)
            if (u.role == role) return Actor{u.id, u.username, u.display_name, u.role};
        throw Error("demo seed: no demo user for a role");
    };
    // Members first: the committee seats of the programme name them (M00000001, ...).
    seed_members(actor_for(Role::Service));
    seed_program(actor_for(Role::Marketing), actor_for(Role::Approver));
    // The first lifecycle run, as the nightly job would make it: states follow the pasts above.
    ProgramService program(db_, clock_);
    LifecycleService(db_, clock_, program).run(actor_for(Role::Marketing), program.today());
    return people;
}

}  // namespace md

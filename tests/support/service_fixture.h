#pragma once
// A migrated scratch database with Services on it, a movable clock, and one signed-in user
// per role (password "password-<role>"), for service tests on both backends.
#include "db/audit_repository.h"
#include "db/migrations.h"
#include "services/services.h"
#include "support/scratch_database.h"

#include <gtest/gtest.h>
#include <memory>

namespace md::test {

class ServiceTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        services = std::make_unique<Services>(scratch.open(), [this] { return *now; });
        services->database_admin.init("admin", "password-admin");
        admin = services->auth.sign_in("admin", "password-admin");
        for (Role r : all_roles()) {
            if (r == Role::Admin) continue;
            const std::string code = role_code(r);
            services->users.add(admin, {code + ".user", "", code, "password-" + code});
        }
    }
    Actor sign_in_as(Role r) {
        if (r == Role::Admin) return admin;
        return services->auth.sign_in(role_code(r) + ".user", "password-" + role_code(r));
    }
    // Proposes `item` as the marketing user and has the approver approve it, in force today.
    void approve(ChangeKind kind, const nlohmann::json& item) {
        Proposal p;
        p.kind = kind;
        p.item = item;
        p.reason = "规则";
        p.effective_from = services->program.today();
        const ChangeRequest r = services->program.propose(sign_in_as(Role::Marketing), p);
        services->program.decide(sign_in_as(Role::Approver), r.id, true, "ok");
    }
    std::vector<AuditRecord> audit(const std::string& action) {
        AuditFilter f;
        f.action = action;
        return AuditRepository(services->database()).list(f, std::nullopt, std::nullopt);
    }

    test::ScratchDatabase scratch{GetParam()};
    std::shared_ptr<Instant> now = std::make_shared<Instant>(parse_instant("2026-11-22 02:00:00"));
    std::unique_ptr<Services> services;
    Actor admin;
};

}  // namespace md::test

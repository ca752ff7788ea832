#include "db/member_repository.h"
#include "models/errors.h"
#include "support/service_fixture.h"

using namespace md;

class MemberServiceTest : public test::ServiceTest {
protected:
    void SetUp() override {
        ServiceTest::SetUp();
        desk = sign_in_as(Role::Service);
        marketing = sign_in_as(Role::Marketing);
    }
    MemberRecord add(const std::string& name, const std::string& mobile, const std::string& email = "") {
        MemberInput in;
        in.name = name;
        in.mobile = mobile;
        if (!email.empty()) in.email = email;
        return services->members.add(desk, in);
    }
    std::vector<std::string> numbers(const std::vector<MemberHit>& hits) {
        std::vector<std::string> out;
        for (const auto& h : hits) out.push_back(h.record.member.number + ":" + h.matched_by);
        return out;
    }
    long long member_count() { return MemberRepository(services->database()).count(); }
    Actor desk, marketing;
};

TEST_P(MemberServiceTest, MobilesAreStoredInE164AndShownMasked) {
    const MemberRecord r = add("张三", "138-0013-8000", "Zhang.San@Example.com");
    EXPECT_EQ(r.member.number, "M00000001");
    EXPECT_TRUE(r.masked);
    EXPECT_EQ(r.member.mobile, "138****8000");
    EXPECT_EQ(r.member.email, "z***@example.com");
    EXPECT_EQ(MemberRepository(services->database()).by_number("M00000001")->mobile, "+8613800138000");
    EXPECT_EQ(display_mobile("+8613800138000"), "138 0013 8000");
}

TEST_P(MemberServiceTest, OneBoxFindsByEveryKeyAndRanksExactFirst) {
    add("张三", "13800138000", "zs@example.com");
    add("张三丰", "13900139000");
    add("李四", "18600008000");
    EXPECT_EQ(numbers(services->members.find(desk, "M00000002")), (std::vector<std::string>{"M00000002:number"}));
    EXPECT_EQ(numbers(services->members.find(desk, "138 0013 8000")), (std::vector<std::string>{"M00000001:mobile"}));
    // Equal ranks sort by pinyin: li si before zhang san.
    EXPECT_EQ(numbers(services->members.find(desk, "8000")),
              (std::vector<std::string>{"M00000003:mobile_tail", "M00000001:mobile_tail"}));
    EXPECT_EQ(numbers(services->members.find(desk, "张三")),
              (std::vector<std::string>{"M00000001:name", "M00000002:name"}));
    EXPECT_EQ(numbers(services->members.find(desk, "zs")),
              (std::vector<std::string>{"M00000001:initials", "M00000002:initials"}));
    EXPECT_EQ(numbers(services->members.find(desk, "zhangsanf")), (std::vector<std::string>{"M00000002:pinyin"}));
    EXPECT_EQ(numbers(services->members.find(desk, "ZS@example.com")), (std::vector<std::string>{"M00000001:email"}));
    EXPECT_TRUE(services->members.find(desk, "王").empty());
    EXPECT_THROW(services->members.find(desk, "  "), ValidationError);
}

TEST_P(MemberServiceTest, BadInputIsRefusedNamingTheFieldAndNothingIsWritten) {
    auto refused = [&](MemberInput in, const std::string& field) {
        try {
            services->members.add(desk, in);
            ADD_FAILURE() << "accepted, expected a refusal of " << field;
        } catch (const ValidationError& e) {
            EXPECT_EQ(e.field(), field) << e.what();
        }
    };
    MemberInput in;
    in.name = "王五";
    in.mobile = "12345";
    refused(in, "mobile");
    in.mobile = "010 6552 9988";  // a landline
    refused(in, "mobile");
    in.mobile.reset();
    in.birthday = "2023-02-30";
    refused(in, "birthday");
    in.birthday = "2999-01-01";
    refused(in, "birthday");
    in.birthday.reset();
    in.email = "not-an-email";
    refused(in, "email");
    in.email.reset();
    in.name = "  ";
    refused(in, "name");
    in.name = "绿野";
    in.type = "group";
    refused(in, "company");
    in.type.reset();
    in.referrer = "M99999999";
    refused(in, "referrer");
    EXPECT_EQ(member_count(), 0);
    EXPECT_TRUE(audit("member.add").empty());
}

TEST_P(MemberServiceTest, TheSameMobileIsTheSamePerson) {
    add("张三", "13800138000");
    EXPECT_THROW(add("张叁", "+86 138 0013 8000"), ConflictError);
    EXPECT_EQ(member_count(), 1);
}

TEST_P(MemberServiceTest, OnlyPermittedRolesUnmaskAndEveryUnmaskIsAudited) {
    add("张三", "13800138000");
    EXPECT_THROW(services->members.show(desk, "M00000001", true), PermissionError);
    EXPECT_TRUE(services->members.show(desk, "M00000001", false).masked);
    const MemberRecord full = services->members.show(marketing, "M00000001", true);
    EXPECT_FALSE(full.masked);
    EXPECT_EQ(full.member.mobile, "+8613800138000");
    const auto unmasks = audit("member.unmask");
    ASSERT_EQ(unmasks.size(), 1u);
    EXPECT_EQ(unmasks[0].actor, "marketing.user");
    EXPECT_EQ(unmasks[0].entity_id, "M00000001");
    const auto refusals = audit("member.personal_data");
    ASSERT_EQ(refusals.size(), 1u);
    EXPECT_EQ(refusals[0].outcome, AuditOutcome::Denied);
    // Personal data never enters the audit trail in full.
    for (const auto& r : audit("member.")) EXPECT_EQ(r.after.find("13800138000"), std::string::npos);
}

TEST_P(MemberServiceTest, EditsUseTheVersionCheckAndKeepHistory) {
    add("张三", "13800138000");
    MemberInput change;
    change.home_store = "北京朝阳店";
    const MemberRecord saved = services->members.edit(desk, "M00000001", change, 1);
    EXPECT_EQ(saved.member.version, 2);
    MemberInput stale;
    stale.name = "张叁";
    EXPECT_THROW(services->members.edit(desk, "M00000001", stale, 1), StaleEditError);
    EXPECT_EQ(services->members.show(desk, "M00000001", false).member.name, "张三");
    const auto history = services->members.history(desk, "M00000001");
    ASSERT_EQ(history.size(), 1u);
    EXPECT_EQ(history[0].to, LifecycleState::Registered);
    EXPECT_THROW(services->members.edit(sign_in_as(Role::Auditor), "M00000001", change, std::nullopt), PermissionError);
}

TEST_P(MemberServiceTest, CommitteeSeatsMustNameAMember) {
    Proposal p;
    p.kind = ChangeKind::Committee;
    p.item = nlohmann::json::parse(R"({"member_number":"M00000001","role":"chair","term_start":"2026-01-01","term_end":"2027-12-31"})");
    p.reason = "委员会";
    p.effective_from = services->program.today();
    EXPECT_THROW(services->program.propose(marketing, p), ValidationError);
    add("王建国", "13801012345");
    const ChangeRequest r = services->program.propose(marketing, p);
    services->program.decide(sign_in_as(Role::Approver), r.id, true, "ok");
    const auto seats = services->program.program_as_of(marketing, services->program.today()).committee;
    ASSERT_EQ(seats.size(), 1u);
    EXPECT_EQ(seats[0].role, CommitteeRole::Chair);
    p.item = nlohmann::json::parse(R"({"member_number":"M00000001","role":"chair","term_start":"2027-01-01","term_end":"2026-12-31"})");
    EXPECT_THROW(services->program.propose(marketing, p), ValidationError);
}

MD_ON_BOTH_BACKENDS(MemberServiceTest);

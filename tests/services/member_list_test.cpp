// The member list on both backends: pages, counts, each filter, each sort (names in pinyin
// order), and masking for every role.
#include "db/member_repository.h"
#include "support/service_fixture.h"

using namespace md;

class MemberListTest : public test::ServiceTest {
protected:
    void SetUp() override {
        ServiceTest::SetUp();
        desk = sign_in_as(Role::Service);
        const char* names[] = {"张三", "阿杰", "陈静", "白雪", "李四"};
        const char* stores[] = {"北京朝阳店", "上海静安店", "北京朝阳店", "上海静安店", "北京朝阳店"};
        for (int i = 0; i < 5; ++i) {
            MemberInput in;
            in.name = names[i];
            in.mobile = "1370000000" + std::to_string(i);
            in.home_store = stores[i];
            in.type = i == 4 ? "group" : "individual";
            if (i == 4) in.company = "李四公司";
            in.tags = i % 2 ? std::vector<std::string>{"vip"} : std::vector<std::string>{"vipx"};
            services->members.add(desk, in);
        }
    }
    std::vector<std::string> names(const MemberListQuery& q, long long offset = 0, int limit = 100) {
        std::vector<std::string> out;
        for (const MemberRecord& r : services->members.list(desk, q, offset, limit)) out.push_back(r.member.name);
        return out;
    }
    Actor desk;
};

TEST_P(MemberListTest, PagesAndCountsFollowTheNumberOrder) {
    MemberListQuery all;
    EXPECT_EQ(services->members.count(desk, all), 5);
    EXPECT_EQ(names(all, 0, 2), (std::vector<std::string>{"张三", "阿杰"}));
    EXPECT_EQ(names(all, 2, 2), (std::vector<std::string>{"陈静", "白雪"}));
    EXPECT_EQ(names(all, 4, 2), (std::vector<std::string>{"李四"}));
    all.descending = true;
    EXPECT_EQ(names(all, 0, 1), (std::vector<std::string>{"李四"}));
    const auto page = services->members.list(desk, MemberListQuery{}, 0, 1);
    EXPECT_TRUE(page[0].masked);
    EXPECT_EQ(page[0].member.mobile, "137****0000");
}

TEST_P(MemberListTest, ChineseNamesSortInPinyinOrder) {
    MemberListQuery q;
    q.sort = MemberSort::Name;
    EXPECT_EQ(names(q), (std::vector<std::string>{"阿杰", "白雪", "陈静", "李四", "张三"}));
    q.descending = true;
    EXPECT_EQ(names(q), (std::vector<std::string>{"张三", "李四", "陈静", "白雪", "阿杰"}));
}

TEST_P(MemberListTest, EachFilterNarrowsTheListAndItsCount) {
    MemberListQuery store;
    store.home_store = "上海静安店";
    EXPECT_EQ(names(store), (std::vector<std::string>{"阿杰", "白雪"}));
    EXPECT_EQ(services->members.count(desk, store), 2);
    MemberListQuery group;
    group.type = MemberType::Group;
    EXPECT_EQ(names(group), (std::vector<std::string>{"李四"}));
    MemberListQuery tag;  // "vip" must not match "vipx"
    tag.tag = "vip";
    EXPECT_EQ(names(tag), (std::vector<std::string>{"阿杰", "白雪"}));
    MemberListQuery state;
    state.state = LifecycleState::Dormant;
    EXPECT_EQ(services->members.count(desk, state), 0);
    state.state = LifecycleState::Registered;
    state.sort = MemberSort::Name;
    state.home_store = "北京朝阳店";
    EXPECT_EQ(names(state), (std::vector<std::string>{"陈静", "李四", "张三"}));
}

// Keyset paging (list_after) walks every sort, both ways, with and without a filter, to exactly the
// rows OFFSET paging gives; ties in the sort column (two members of one store) are broken by number.
TEST_P(MemberListTest, PagesAfterARowMatchTheOffsetPages) {
    for (MemberSort sort : {MemberSort::Number, MemberSort::Name, MemberSort::HomeStore, MemberSort::State})
        for (bool descending : {false, true})
            for (bool filtered : {false, true}) {
                MemberListQuery q;
                q.sort = sort;
                q.descending = descending;
                if (filtered) q.home_store = "北京朝阳店";
                const std::vector<std::string> expected = names(q);
                ASSERT_EQ(expected.size(), filtered ? 3u : 5u);
                std::vector<std::string> walked;
                auto page = services->members.list(desk, q, 0, 2);
                while (!page.empty()) {
                    for (const MemberRecord& r : page) walked.push_back(r.member.name);
                    EXPECT_TRUE(page.back().masked);
                    page = services->members.list_after(desk, q, page.back().member, 2);
                }
                EXPECT_EQ(walked, expected) << "sort " << static_cast<int>(sort) << (descending ? " desc" : "")
                                            << (filtered ? " filtered" : "");
                // Backwards from the last row: the reversed order read after it, as the list's pages
                // above a page already read are fetched.
                MemberListQuery reversed = q;
                reversed.descending = !descending;
                const auto last = services->members.list(desk, reversed, 0, 1);
                ASSERT_EQ(last.size(), 1u);
                std::vector<std::string> back;
                for (const MemberRecord& r : services->members.list_after(desk, reversed, last[0].member, 100))
                    back.insert(back.begin(), r.member.name);
                back.push_back(last[0].member.name);
                EXPECT_EQ(back, expected);
            }
}

MD_ON_BOTH_BACKENDS(MemberListTest);

// Member import on both backends: the bad-input list as a table (each refused with a
// message naming row, column and value, the database unchanged), encodings, mappings,
// --skip-invalid, referrers within the file, and a cancel that rolls everything back.
#include "db/member_repository.h"
#include "models/errors.h"
#include "services/member_import.h"
#include "support/service_fixture.h"

#include <unicode/ucnv.h>

using namespace md;

namespace {

std::string gbk(const std::string& utf8) {
    UErrorCode status = U_ZERO_ERROR;
    std::string out(utf8.size() * 2 + 16, '\0');
    const int32_t n = ucnv_convert("GB18030", "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                                   static_cast<int32_t>(utf8.size()), &status);
    out.resize(static_cast<std::size_t>(n));
    return out;
}

}  // namespace

class MemberImportTest : public test::ServiceTest {
protected:
    void SetUp() override {
        ServiceTest::SetUp();
        marketing = sign_in_as(Role::Marketing);
        MemberInput in;
        in.name = "王建国";
        in.mobile = "13801012345";
        in.email = "wjg@example.com";
        services->members.add(marketing, in);  // M00000001, already in the registry
    }
    long long member_count() { return MemberRepository(services->database()).count(); }
    MemberImportResult import(const std::string& bytes, MemberImportOptions o = {}) {
        o.file_name = "test.csv";
        return services->imports.import_csv(marketing, bytes, o);
    }
    Actor marketing;
};

struct BadRow {
    const char* what;
    std::string row;       // one data row under the header "姓名,手机号,生日,邮箱"
    const char* column;    // the column the problem names
    const char* in_reason; // a piece of the reason
};

TEST_P(MemberImportTest, EveryBadRowIsRefusedNamingRowColumnAndValueAndNothingIsWritten) {
    const std::vector<BadRow> table = {
        {"unparseable phone", "坏号,12345,1990-01-01,", "手机号", "not a valid phone number"},
        {"a landline, not a mobile", "座机,01088886666,1990-01-01,", "手机号", "mobile"},
        {"2023-02-30", "坏日,13700005555,2023-02-30,", "生日", "not a date"},
        {"a birthday in the future", "未来,13700006666,2099-01-01,", "生日", "in the future"},
        {"an empty name", ",13700004444,1990-01-01,", "姓名", "needs a name"},
        {"a mobile already in the registry", "老会员,13801012345,1990-01-01,", "手机号", "M00000001"},
        {"too many columns", "多列,13700007777,1990-01-01,,extra", "", "5 columns"},
        {"too few columns", "少列,13700007777", "", "2 columns"},
        {"a 1 MB field", "长,13700008888,1990-01-01," + std::string(1 << 20, 'x'), "邮箱", "65,536"},
        {"a malformed e-mail", "邮件,13700009999,1990-01-01,not-an-email", "邮箱", "e-mail"},
    };
    const long long before = member_count();
    const std::size_t audited = audit("member.import").size();
    for (const BadRow& bad : table) {
        SCOPED_TRACE(bad.what);
        // A good row first: one bad row must refuse the good one too.
        const std::string file = "姓名,手机号,生日,邮箱\r\n好人,13700003333,1990-01-01,\r\n" + bad.row + "\r\n";
        const MemberImportResult r = import(file);
        EXPECT_FALSE(r.written);
        ASSERT_EQ(r.problems.size(), 1u);
        EXPECT_EQ(r.problems[0].row, 3);
        EXPECT_EQ(r.problems[0].column, bad.column);
        EXPECT_NE(r.problems[0].reason.find(bad.in_reason), std::string::npos) << r.problems[0].reason;
        EXPECT_EQ(member_count(), before);
    }
    EXPECT_EQ(audit("member.import").size(), audited);
}

TEST_P(MemberImportTest, WholeFileProblemsAreValidationErrorsNamingWhatIsWrong) {
    auto refused = [&](const std::string& bytes, const std::string& field, const std::string& in_message) {
        try {
            import(bytes);
            ADD_FAILURE() << "accepted: " << in_message;
        } catch (const ValidationError& e) {
            EXPECT_EQ(e.field(), field) << e.what();
            EXPECT_NE(std::string(e.what()).find(in_message), std::string::npos) << e.what();
        }
    };
    const long long before = member_count();
    refused("", "file", "empty");
    refused("\r\n\r\n", "file", "empty");
    refused(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "file", "not a CSV text file");
    refused("foo,bar\r\n1,2\r\n", "header", "no column gives the member's name");
    refused("name,mobile\r\n\xE5\xBC\xA0\xFF,13700001111\r\n", "file", "neither UTF-8");
    refused("name,mobile\r\n\"unclosed,13700001111\r\n", "file", "never closed");
    MemberImportOptions utf8_only;
    utf8_only.encoding = TextEncoding::Utf8;
    try {
        import(gbk("姓名,手机号\r\n张三,13700001111\r\n"), utf8_only);
        ADD_FAILURE();
    } catch (const ValidationError& e) {
        EXPECT_NE(std::string(e.what()).find("invalid UTF-8"), std::string::npos) << e.what();
        EXPECT_NE(e.value().find("line 1"), std::string::npos) << e.value();
    }
    MemberImportOptions gbk_only;
    gbk_only.encoding = TextEncoding::Gb18030;
    try {
        import("name,mobile\r\n\x81\x20,13700001111\r\n", gbk_only);
        ADD_FAILURE();
    } catch (const ValidationError& e) {
        EXPECT_NE(std::string(e.what()).find("invalid GBK"), std::string::npos) << e.what();
        EXPECT_NE(e.value().find("line 2"), std::string::npos) << e.value();
    }
    EXPECT_EQ(member_count(), before);
}

TEST_P(MemberImportTest, GbkWithChineseNamesImportsAndIsSearchable) {
    const MemberImportResult r =
        import(gbk("姓名,手机号,性别,门店,标签,会员类型,公司\r\n张三丰,137-0000-1111,男,北京朝阳店,vip、太极,个人,\r\n"
                   "绿野餐饮,13700002222,,上海静安店,,团体,绿野餐饮有限公司\r\n"));
    EXPECT_TRUE(r.written);
    EXPECT_EQ(r.encoding, TextEncoding::Gb18030);
    EXPECT_EQ(r.imported, 2);
    const auto hits = services->members.find(marketing, "zsf");
    ASSERT_EQ(hits.size(), 1u);
    const Member m = *MemberRepository(services->database()).by_number(hits[0].record.member.number);
    EXPECT_EQ(m.name, "张三丰");
    EXPECT_EQ(m.mobile, "+8613700001111");
    EXPECT_EQ(m.gender, Gender::Male);
    EXPECT_EQ(m.tags, (std::vector<std::string>{"vip", "太极"}));
    const Member group = *MemberRepository(services->database()).by_mobile("+8613700002222");
    EXPECT_EQ(group.type, MemberType::Group);
    EXPECT_EQ(group.company, "绿野餐饮有限公司");
    EXPECT_EQ(services->members.history(marketing, m.number).size(), 1u);
    const auto audited = audit("member.import");
    ASSERT_EQ(audited.size(), 1u);
    EXPECT_NE(audited[0].after.find("\"imported\":2"), std::string::npos) << audited[0].after;
}

TEST_P(MemberImportTest, SkipInvalidImportsTheGoodRowsAndHandsBackTheBadOnes) {
    MemberImportOptions o;
    o.skip_invalid = true;
    const MemberImportResult r = import("姓名,手机号\r\n甲,13700000001\r\n乙,12345\r\n丙,13700000001\r\n丁,13700000004\r\n", o);
    EXPECT_TRUE(r.written);
    EXPECT_EQ(r.imported, 2);
    ASSERT_EQ(r.rejected.size(), 2u);
    EXPECT_EQ(r.rejected[0].fields[0], "乙");
    EXPECT_NE(r.problems[1].reason.find("row 2"), std::string::npos) << r.problems[1].reason;  // 丙 repeats 甲's mobile
    const std::string rejects = rejected_csv(r);
    EXPECT_EQ(rejects.rfind("\xEF\xBB\xBF姓名,手机号,reason\r\n乙,12345,", 0), 0u) << rejects;
}

TEST_P(MemberImportTest, MappingsAreSavedPerSourceAndNumbersAndReferrersInTheFileAreKept) {
    MemberImportOptions o;
    o.source = "crm-2025";
    o.mapping = {{"客户", "name"}, {"联系方式", "mobile"}, {"编号", "number"}, {"介绍人", "referrer"}};
    const MemberImportResult r = import("编号,客户,联系方式,介绍人\r\nM00000900,赵六,13700000900,M00000901\r\n"
                                        "M00000901,钱七,13700000901,\r\n",
                                        o);
    ASSERT_TRUE(r.written) << (r.problems.empty() ? "" : r.problems[0].reason);
    MemberRepository repo(services->database());
    EXPECT_EQ(repo.by_number("M00000900")->referrer_number, "M00000901");
    // The next import from the same source needs no mapping; a new member is numbered after the file's.
    MemberImportOptions again;
    again.source = "crm-2025";
    EXPECT_TRUE(import("客户,联系方式\r\n孙八,13700000902\r\n", again).written);
    EXPECT_EQ(repo.by_mobile("+8613700000902")->number, "M00000902");
    MemberImportOptions unknown;
    unknown.mapping = {{"客户", "nickname"}};
    EXPECT_THROW(import("客户\r\n周九\r\n", unknown), ValidationError);
}

TEST_P(MemberImportTest, DuplicateEmailsAreReportedWhenAsked) {
    MemberImportOptions o;
    o.dedupe_email = true;
    const MemberImportResult r = import("name,mobile,email\r\n甲,13700000001,WJG@example.com\r\n", o);
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_NE(r.problems[0].reason.find("M00000001"), std::string::npos) << r.problems[0].reason;
    EXPECT_TRUE(import("name,mobile,email\r\n甲,13700000001,WJG@example.com\r\n").written);  // not asked: fine
}

TEST_P(MemberImportTest, CancellingRollsBackEverything) {
    std::string file = "姓名,手机号\r\n";
    for (int i = 0; i < 2500; ++i) file += "会员" + std::to_string(i) + "," + std::to_string(13600000000LL + i) + "\r\n";
    std::atomic<bool> cancel{false};
    MemberImportOptions o;
    o.cancel = &cancel;
    o.progress = [&](long long done, long long) {
        if (done >= 2000) cancel = true;  // after the first batch is in the database
    };
    const long long before = member_count();
    EXPECT_THROW(import(file, o), CancelledError);
    EXPECT_EQ(member_count(), before);
    EXPECT_TRUE(audit("member.import").empty());
}

TEST_P(MemberImportTest, TextWithBackslashesTabsAndLineBreaksArrivesUnchanged) {
    // PostgreSQL imports through COPY, whose text format escapes these characters.
    const MemberImportResult r = import("name,mobile,notes,home_store\r\n"
                                        "\"王\\五\",13700000005,\"line one\r\nline\ttwo \\N\",\"店\\铺\"\r\n");
    ASSERT_TRUE(r.written) << (r.problems.empty() ? "" : r.problems[0].reason);
    const Member m = *MemberRepository(services->database()).by_mobile("+8613700000005");
    EXPECT_EQ(m.name, "王\\五");
    EXPECT_EQ(m.notes, "line one\r\nline\ttwo \\N");
    EXPECT_EQ(m.home_store, "店\\铺");
    EXPECT_FALSE(m.birthday);
    EXPECT_TRUE(m.email.empty());
}

TEST_P(MemberImportTest, RolesThatMayNotManageMembersCannotImport) {
    EXPECT_THROW(services->imports.import_csv(sign_in_as(Role::Finance), "name\r\n甲\r\n", {}), PermissionError);
}

MD_ON_BOTH_BACKENDS(MemberImportTest);

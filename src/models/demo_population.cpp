#include "models/demo_population.h"

#include <algorithm>
#include <cstdio>

namespace md {
namespace {

const char* const kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
                                 "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
                                 "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏",
                                 "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "欧阳"};
const char* const kGiven[] = {"伟", "芳", "娜", "秀", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
                              "涛", "明", "超", "霞", "平", "刚", "桂", "英", "华", "玉", "萍", "红", "辉", "建", "国",
                              "文", "婷", "浩", "宇", "欣", "怡", "佳", "琪", "晨", "阳", "雪", "梅", "兰", "波", "鹏",
                              "飞", "龙", "凤", "春", "冬", "晓", "东", "海", "林", "峰", "云", "颖", "慧", "志", "新"};
// Mainland mobile prefixes that libphonenumber accepts as mobile numbers.
const char* const kPrefixes[] = {"130", "131", "132", "133", "135", "136", "137", "138", "139", "150",
                                 "151", "152", "155", "157", "158", "159", "166", "176", "177", "180",
                                 "181", "182", "185", "186", "187", "188", "189", "191", "198", "199"};
const char* const kCompanyCities[] = {"上海", "北京", "杭州", "苏州", "南京", "成都", "深圳", "广州"};
const char* const kCompanyTrades[] = {"科技", "贸易", "餐饮", "文化传媒", "建设", "医疗器械", "教育咨询", "物流"};

template <class T, std::size_t N>
const T& pick(DemoRandom& r, const T (&items)[N]) {
    return items[r.next() % N];
}

// Channels of registration, per mille: most join in a store.
std::string channel_of(DemoRandom& r) {
    const auto x = r.between(0, 999);
    if (x < 600) return "store";
    if (x < 850) return "app";
    return "web";
}

std::uint64_t member_seed(std::uint64_t seed, long long index) {
    return seed * 0x9E3779B97F4A7C15ULL + static_cast<std::uint64_t>(index) * 0xD1B54A32D192ED03ULL + 1;
}

}  // namespace

std::uint64_t DemoRandom::next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::int64_t DemoRandom::between(std::int64_t low, std::int64_t high) {
    return low + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(high - low + 1));
}

bool DemoRandom::per_mille(int chance) { return between(0, 999) < chance; }

std::span<const char* const> demo_surnames() { return kSurnames; }
std::span<const char* const> demo_given_names() { return kGiven; }

std::string demo_mobile(std::uint64_t seed, long long index) {
    char mobile[16];
    const long long offset = static_cast<long long>(seed % 100000000ULL);
    std::snprintf(mobile, sizeof mobile, "%s%08lld", kPrefixes[index % 30], (index * 7919 + offset + 12345) % 100000000LL);
    return mobile;
}

const std::vector<std::string>& demo_stores() {
    static const std::vector<std::string> stores = {"SH-JA01", "SH-XH02", "SH-PD03", "SH-MH04", "BJ-CY01",
                                                    "BJ-HD02", "HZ-XH01", "SZ-GY01", "NJ-GL01", "CD-JJ01"};
    return stores;
}

int demo_day_weight(const Date& day) {
    // Friday to Sunday are busier; the Spring Festival months, 618 and Double 11 too.
    const int weekday = day.day_of_week().as_number();  // 0 = Sunday
    const int by_weekday = (weekday == 0 || weekday >= 5) ? 1400 : 800;
    static const int by_month[] = {0, 1300, 1200, 950, 950, 1000, 1150, 900, 900, 1000, 1050, 1300, 1200};
    return by_weekday * by_month[day.month().as_number()] / 1000;
}

DemoPerson demo_person(std::uint64_t seed, long long index, const DemoPeriod& period) {
    DemoRandom r(member_seed(seed, index));
    DemoPerson p;
    p.index = index;
    p.name = pick(r, kSurnames);
    p.name += pick(r, kGiven);
    if (r.per_mille(650)) p.name += pick(r, kGiven);
    p.mobile = demo_mobile(seed, index);
    if (r.per_mille(300)) p.email = "m" + std::to_string(index + 1) + "@example.cn";
    p.gender = r.per_mille(620) ? "female" : "male";
    p.birthday = Date(static_cast<int>(r.between(1955, 2004)), static_cast<int>(r.between(1, 12)),
                      static_cast<int>(r.between(1, 28)));
    p.channel = channel_of(r);
    p.store = demo_stores()[r.next() % demo_stores().size()];
    const bool group = r.per_mille(10);
    p.member_type = group ? "group" : "individual";
    if (group) p.company = std::string(pick(r, kCompanyCities)) + pick(r, kCompanyTrades) + "有限公司";

    // Half the base was there before the period; the rest joins evenly through it.
    const long span = (period.last_day - period.first_day).days();
    if (r.per_mille(500))
        p.registered = period.first_day - boost::gregorian::days(static_cast<long>(r.between(1, 730)));
    else
        p.registered = period.first_day + boost::gregorian::days(static_cast<long>(r.between(0, span)));

    // The tier mix: one in ten stays below the first tier, the others 3 : 5 : 2.
    const auto tier = r.between(0, 999);
    if (tier < 100) {
        p.spend_class = SpendClass::BelowFirstTier;
        p.target_spend = r.between(5000, 90000);
        p.purchases = static_cast<int>(r.between(1, 2));
    } else if (tier < 370) {
        p.spend_class = SpendClass::Yellow;
        p.target_spend = r.between(110000, 190000);
        p.purchases = static_cast<int>(r.between(3, 5));
    } else if (tier < 820) {
        p.spend_class = SpendClass::Red;
        p.target_spend = r.between(215000, 290000);
        p.purchases = static_cast<int>(r.between(4, 6));
    } else {
        p.spend_class = SpendClass::Black;
        p.target_spend = r.between(330000, 900000);
        p.purchases = static_cast<int>(r.between(5, 9));
    }
    p.prepays = r.per_mille(700);
    p.buys_card = p.prepays && r.per_mille(40);
    p.premium = r.per_mille(5);
    p.subscribes = r.per_mille(15);
    p.complaints = r.per_mille(30) ? 1 : 0;
    return p;
}

std::vector<Date> demo_purchase_days(std::uint64_t seed, const DemoPerson& person, const DemoPeriod& period) {
    DemoRandom r(member_seed(seed, person.index) ^ 0x5DEECE66DULL);
    const Date first = std::max(person.registered, period.first_day);
    const long span = (period.last_day - first).days();
    std::vector<Date> days;
    if (span < 0) return days;
    // Thinning: a uniform day is kept with probability weight / the largest weight.
    const int most = 1400 * 1300 / 1000;
    for (int tries = 0; static_cast<int>(days.size()) < person.purchases && tries < 64 * person.purchases; ++tries) {
        const Date d = first + boost::gregorian::days(static_cast<long>(r.between(0, span)));
        if (r.between(1, most) <= demo_day_weight(d)) days.push_back(d);
    }
    std::sort(days.begin(), days.end());
    return days;
}

}  // namespace md

#include "bench/member_fixture.h"

#include "models/member.h"
#include "services/name_keys.h"

#include <algorithm>
#include <cstdio>
#include <random>
#include <unordered_map>
#include <vector>

namespace md::bench {
namespace {

const char* const kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
                                 "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
                                 "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏",
                                 "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "欧阳"};
const char* const kGiven[] = {"伟", "芳", "娜", "秀", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
                              "涛", "明", "超", "霞", "平", "刚", "桂", "英", "华", "玉", "萍", "红", "辉", "建", "国",
                              "文", "婷", "浩", "宇", "欣", "怡", "佳", "琪", "晨", "阳", "雪", "梅", "兰", "波", "鹏",
                              "飞", "龙", "凤", "春", "冬", "晓", "东", "海", "林", "峰", "云", "颖", "慧", "志", "新"};
const char* const kPrefixes[] = {"130", "131", "132", "133", "135", "136", "137", "138", "139", "150",
                                 "151", "152", "155", "157", "158", "159", "166", "176", "177", "180",
                                 "181", "182", "185", "186", "187", "188", "189", "191", "198", "199"};

}  // namespace

std::string mobile_for(long long i) {
    // i ↦ i·7919 mod 10⁸ is a bijection (7919 is coprime with 10⁸): unique, scattered numbers.
    char buf[32];
    std::snprintf(buf, sizeof buf, "+86%s%08lld", kPrefixes[i % 30], (i * 7919 + 12345) % 100000000LL);
    return buf;
}

void fill_members(Database& db, long long members) {
    std::mt19937_64 rng(20261122);
    std::unordered_map<std::string, NameKeys> keys_cache;
    const Date today = parse_date("2026-11-22", "today");
    const long long batch = 10000;
    Transaction tx(db);
    for (long long start = 0; start < members; start += batch) {
        std::vector<std::string> number, name, pinyin, initials, mobile, tail, email, created, recharge, purchase, last;
        std::vector<soci::indicator> email_ind, recharge_ind, purchase_ind, last_ind;
        for (long long i = start; i < std::min(members, start + batch); ++i) {
            std::string n = kSurnames[rng() % 60];
            n += kGiven[rng() % 60];
            if (rng() % 3) n += kGiven[rng() % 60];
            auto found = keys_cache.find(n);
            if (found == keys_cache.end()) found = keys_cache.emplace(n, name_keys(n)).first;
            number.push_back(member_number_for(i + 1));
            name.push_back(n);
            pinyin.push_back(found->second.pinyin);
            initials.push_back(found->second.initials);
            mobile.push_back(mobile_for(i));
            tail.push_back(mobile.back().substr(mobile.back().size() - 4));
            email.push_back(i % 3 == 0 ? "u" + std::to_string(i + 1) + "@example.com" : "");
            email_ind.push_back(i % 3 == 0 ? soci::i_ok : soci::i_null);
            // Registered up to 1,000 days ago; 80% recharged within a month of it, 60% bought,
            // and the last activity anywhere between the first and today.
            const Date registered = today - boost::gregorian::days(static_cast<long>(rng() % 1000));
            created.push_back(format_date(registered) + " 02:00:00");
            const bool recharged = rng() % 10 < 8, bought = recharged && rng() % 4 != 0;
            const Date first = registered + boost::gregorian::days(static_cast<long>(rng() % 30));
            const long span = std::max<long>(0, (today - first).days());
            const Date latest = first + boost::gregorian::days(span > 0 ? static_cast<long>(rng() % (span + 1)) : 0);
            recharge.push_back(recharged ? format_date(first) : "");
            recharge_ind.push_back(recharged ? soci::i_ok : soci::i_null);
            purchase.push_back(bought ? format_date(first) : "");
            purchase_ind.push_back(bought ? soci::i_ok : soci::i_null);
            last.push_back(recharged ? format_date(latest) : "");
            last_ind.push_back(recharged ? soci::i_ok : soci::i_null);
        }
        db.sql() << "INSERT INTO members (number, name, name_pinyin, name_initials, mobile, mobile_tail, email,"
                    " created_at, updated_at, updated_by, first_recharge_on, first_purchase_on, last_activity_on)"
                    " VALUES (:a, :b, :c, :d, :e, :f, :g, :h, :h2, 'bench', :r, :p, :l)",
            soci::use(number), soci::use(name), soci::use(pinyin), soci::use(initials), soci::use(mobile),
            soci::use(tail), soci::use(email, email_ind), soci::use(created), soci::use(created),
            soci::use(recharge, recharge_ind), soci::use(purchase, purchase_ind), soci::use(last, last_ind);
    }
    tx.commit();
}

}  // namespace md::bench

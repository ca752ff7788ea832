#include "bench/member_fixture.h"

#include "models/demo_population.h"
#include "models/member.h"
#include "services/name_keys.h"

#include <algorithm>
#include <cstdio>
#include <random>
#include <unordered_map>
#include <vector>

namespace md::bench {

// The generated base's mobiles with seed 0, in E.164 as the registry stores them.
std::string mobile_for(long long i) { return "+86" + demo_mobile(0, i); }

void fill_members(Database& db, long long members) {
    std::mt19937_64 rng(20261122);
    const auto surnames = demo_surnames(), given = demo_given_names();
    std::unordered_map<std::string, NameKeys> keys_cache;
    const Date today = parse_date("2026-11-22", "today");
    const long long batch = 10000;
    Transaction tx(db);
    for (long long start = 0; start < members; start += batch) {
        std::vector<std::string> number, name, pinyin, initials, mobile, tail, email, created, recharge, purchase, last;
        std::vector<soci::indicator> email_ind, recharge_ind, purchase_ind, last_ind;
        for (long long i = start; i < std::min(members, start + batch); ++i) {
            std::string n = surnames[rng() % surnames.size()];
            n += given[rng() % given.size()];
            if (rng() % 3) n += given[rng() % given.size()];
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

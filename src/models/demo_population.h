#pragma once
// The generated member base behind `demo generate`: who each member is and how they behave over
// the period, decided from (seed, member index) alone. The same seed gives the same people in the
// same order whatever the size asked for, so a 2,000-member test and a 1,000,000-member benchmark
// share their first 2,000 members, and a run can be reproduced exactly.
//
// The shape is that of a Chinese organic-food retailer's base (domain.md):
//   - names from common surnames and given names; valid mainland mobiles, unique per index;
//   - the tier mix on the individual ladder (cumulative spend, 1000 / 2000 / 3000 yuan) near
//     3 : 5 : 2 among members who reach a tier, plus about one in ten below the first tier;
//   - purchases on days weighted by season (Spring Festival, 618, Double 11) and by weekday
//     (Friday to Sunday are busier);
//   - most members prepay (cash recharges, some with a prepaid card), a few recharge for the
//     premium club, a few subscribe to a meal package, about one in a hundred is a company.
// Weights are integers (per mille); no floating point decides anything here.
#include "models/timestamps.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace md {

// A small, fast, well-mixed generator (SplitMix64): one per member, seeded from (seed, index).
class DemoRandom {
public:
    explicit DemoRandom(std::uint64_t state) : state_(state) {}
    std::uint64_t next();
    std::int64_t between(std::int64_t low, std::int64_t high);  // inclusive
    bool per_mille(int chance);                                 // true chance times in 1,000

private:
    std::uint64_t state_;
};

enum class SpendClass { BelowFirstTier, Yellow, Red, Black };

struct DemoPerson {
    long long index = 0;           // 0-based, in the order members are generated
    std::string name;
    std::string mobile;            // 11 national digits, unique per index (for index < 10⁸)
    std::string email;             // empty for most
    Date birthday;
    std::string gender;            // "female" / "male"
    std::string member_type;       // "individual" / "group"
    std::string company;           // for a group member
    std::string channel;           // "store", "app", "web"
    std::string store;             // home store code
    Date registered;
    SpendClass spend_class = SpendClass::Yellow;
    std::int64_t target_spend = 0; // fen of list price over the member's active days up to the end
    int purchases = 0;             // planned purchases
    bool prepays = false;          // pays from stored value and tops it up
    bool buys_card = false;        // the first top-up is a prepaid card
    bool premium = false;          // one premium-club recharge (the bonus offers of the programme)
    bool subscribes = false;       // one meal package
    int complaints = 0;            // tickets over the period (0 for most)
};

// The period [first_day, last_day] the activity falls in; members registered before first_day
// were already there (about half of them), the others join during it.
struct DemoPeriod {
    Date first_day;
    Date last_day;
};

DemoPerson demo_person(std::uint64_t seed, long long index, const DemoPeriod& period);

// The member's purchase days, in order, on or after their registration and within the period.
std::vector<Date> demo_purchase_days(std::uint64_t seed, const DemoPerson& person, const DemoPeriod& period);

// How busy a day is, per mille of an ordinary weekday in an ordinary month.
int demo_day_weight(const Date& day);

// The pools names are drawn from (the benchmarks' member fixture draws from them too).
std::span<const char* const> demo_surnames();
std::span<const char* const> demo_given_names();

// Member `index`'s mobile: 11 national digits, a mainland mobile prefix then index × 7919 plus an
// offset from the seed (mod 10⁸), a bijection, so mobiles are unique and scattered.
std::string demo_mobile(std::uint64_t seed, long long index);

// The store codes a generated base uses (home stores and purchase stores).
const std::vector<std::string>& demo_stores();

}  // namespace md

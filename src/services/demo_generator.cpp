#include "services/demo_generator.h"

#include "db/bulk_load.h"
#include "db/member_repository.h"
#include "models/demo_population.h"
#include "models/errors.h"
#include "models/translate.h"
#include "services/auth_service.h"
#include "services/card_service.h"
#include "services/complaint_service.h"
#include "services/ledger_service.h"
#include "services/member_import.h"
#include "services/program_service.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

namespace md {
namespace {

using boost::gregorian::days;
using boost::posix_time::hours;
using boost::posix_time::seconds;

// The services' clock during generation: set to a business day, then a second later per call,
// so every record of a day has its own instant and the day's order is kept.
class SimulatedTime {
public:
    Clock clock() {
        return [this] { return now_; };
    }
    void start_day(const Date& day) {
        day_start_ = business_day_start_utc(day) + hours(9);  // the stores open at nine
        ticks_ = 0;
        now_ = day_start_;
    }
    void tick() { now_ = day_start_ + seconds(std::min<long>(++ticks_, 12 * 3600)); }

private:
    Instant day_start_, now_;
    long ticks_ = 0;
};

// What the generator remembers of a member between their purchase days (32 bytes a member).
struct MemberState {
    std::int64_t value = 0;          // stored value, fen
    std::int64_t coins = 0;
    std::int64_t last_purchase = 0;  // transaction number, for a refund
    std::int64_t last_stored_paid = 0;
    std::int64_t subscription = 0;
    int deliveries_left = 0;
    bool topped_up = false;
    bool premium_done = false;
};

struct PurchaseEvent {
    std::uint16_t day;       // days after the period's first day
    std::uint32_t member;    // the person's index
};

const char* const kMembersHeader =
    "number,name,mobile,email,birthday,gender,type,company,channel,home_store,created_at,consent_sms\n";

void append_member_row(std::string& csv, const std::string& number, const DemoPerson& p) {
    csv += number + ',' + p.name + ',' + p.mobile + ',' + p.email + ',' + format_date(p.birthday) + ',' + p.gender +
           ',' + p.member_type + ',' + p.company + ',' + p.channel + ',' + p.store + ',' + format_date(p.registered) +
           " 10:00,yes\n";
}

// The campaigns of the period: a monthly member day and the big shopping festivals, each through
// the maker-checker workflow (proposed by marketing, approved by the approver) on the first day.
std::vector<nlohmann::json> period_campaigns(const Date& first, const Date& last) {
    std::vector<nlohmann::json> out;
    auto campaign = [](const std::string& code, const std::string& zh, const std::string& en, const std::string& type,
                       const Date& day, int length_days) {
        return nlohmann::json{{"code", code},
                              {"name_zh", zh},
                              {"name_en", en},
                              {"type", type},
                              {"starts_at", format_date(day) + " 10:00"},
                              {"ends_at", format_date(day + days(length_days - 1)) + " 22:00"},
                              {"owner", "li.na"},
                              {"budget", {{"activity", "30000.00"}, {"technology", "2000.00"}, {"partner", "0"}}},
                              {"kpis", {{"new_members", 500}, {"participation_pct", 20}}}};
    };
    Date member_day(first.year(), first.month(), 8);
    if (member_day < first) member_day = member_day + boost::gregorian::months(1);
    const long months_left = (last.year() - member_day.year()) * 12 + (last.month() - member_day.month()) + 1;
    if (months_left > 0) {
        nlohmann::json day = campaign("member_day", "每月8日会员日", "Member day on the 8th", "member_day", member_day, 1);
        day["recurrence"] = {{"kind", "monthly_day"}, {"day_of_month", 8}, {"count", months_left}, {"exceptions", nlohmann::json::array()}};
        out.push_back(day);
    }
    for (int year = first.year(); year <= last.year(); ++year) {
        const Date festival_618(year, 6, 1), double_11(year, 11, 1);
        if (festival_618 >= first && festival_618 <= last)
            out.push_back(campaign("festival_618_" + std::to_string(year), std::to_string(year) + "年618年中大促",
                                   "618 mid-year sale " + std::to_string(year), "flash_sale", festival_618, 18));
        if (double_11 >= first && double_11 <= last)
            out.push_back(campaign("double_11_" + std::to_string(year), std::to_string(year) + "年双11双倍兑换币",
                                   "Double 11 double coins " + std::to_string(year), "double_points", double_11, 11));
    }
    return out;
}

class Generator {
public:
    Generator(Database& db, const DemoGenerateOptions& o)
        : db_(db), o_(o), program_(db, time_.clock()), ledger_(db, time_.clock(), program_),
          cards_(db, time_.clock(), program_), complaints_(db, time_.clock(), ledger_, program_),
          imports_(db, time_.clock()) {
        period_.last_day = o.last_day;
        period_.first_day = o.last_day - boost::gregorian::months(o.months) + days(1);
        result_.first_day = period_.first_day;
        result_.last_day = period_.last_day;
    }

    DemoGenerateResult run() {
        tune_for_bulk_load(db_);
        time_.start_day(period_.first_day);
        result_.users = DemoService(db_, time_.clock()).seed();
        sign_in_staff();
        first_number_ = MemberRepository(db_).next_sequence();
        plan();
        open_campaigns();
        issue_cards();
        const long span = (period_.last_day - period_.first_day).days();
        std::size_t next_event = 0;
        for (long offset = 0; offset <= span; ++offset) {
            const Date day = period_.first_day + days(offset);
            time_.start_day(day);
            if (offset == 0 || day.day() == 1) import_joiners(day);
            for (; next_event < events_.size() && events_[next_event].day == offset; ++next_event)
                member_day(events_[next_event].member, day);
            report("activity", offset + 1, span + 1);
        }
        if (batch_) batch_->commit();
        return result_;
    }

private:
    void sign_in_staff() {
        AuthService auth(db_, time_.clock());
        for (const DemoUser& u : result_.users) {
            const Actor a = auth.sign_in(u.username, u.password);
            if (u.role == "marketing") marketing_ = a;
            if (u.role == "approver") approver_ = a;
            if (u.role == "service") desk_ = a;
            if (u.role == "finance") finance_ = a;
        }
    }

    // Every person, their registration month and purchase days; purchases sorted by day.
    void plan() {
        for (long long i = 0; i < o_.members; ++i) {
            const DemoPerson p = demo_person(o_.seed, i, period_);
            if (p.buys_card) ++card_buyers_;
            // The day the member is imported: the period's first day for the existing base.
            registered_.push_back(static_cast<std::int32_t>(std::max<long>(0, (p.registered - period_.first_day).days())));
            for (const Date& d : demo_purchase_days(o_.seed, p, period_))
                events_.push_back({static_cast<std::uint16_t>((d - period_.first_day).days()), static_cast<std::uint32_t>(i)});
            if (i % 100000 == 0) report("planning", i, o_.members);
        }
        std::stable_sort(events_.begin(), events_.end(),
                         [](const PurchaseEvent& a, const PurchaseEvent& b) { return a.day < b.day; });
        states_.assign(static_cast<std::size_t>(o_.members), MemberState{});
    }

    void open_campaigns() {
        for (const nlohmann::json& c : period_campaigns(period_.first_day, period_.last_day)) {
            Proposal p;
            p.kind = ChangeKind::Campaign;
            p.item = c;
            p.reason = "年度营销日历 Annual campaign calendar";
            p.effective_from = period_.first_day;
            const ChangeRequest r = program_.propose(marketing_, p);
            program_.decide(approver_, r.id, true, "同意 Approved");
            ++result_.campaigns;
        }
    }

    // Cards for the members who top up with one: batches of 500-yuan cards (a batch holds fewer
    // than 100,000 cards: the serial is batch × 100,000 + n). They expire a year after the period.
    void issue_cards() {
        for (long long left = card_buyers_; left > 0;) {
            const int quantity = static_cast<int>(std::min<long long>(left, 90000));
            BatchRequest b;
            b.face_value = Money::from_yuan(500);
            b.quantity = quantity;
            b.expires_on = period_.last_day + boost::gregorian::years(1);
            b.note = "demo generate";
            cards_.create_batch(finance_, b, [&](const CardBatch&, const std::vector<IssuedCard>& issued) {
                cards_in_hand_.insert(cards_in_hand_.end(), issued.begin(), issued.end());
            });
            left -= quantity;
            report("cards", card_buyers_ - left, card_buyers_);
        }
    }

    // The members who registered in the month starting `day` (on the first day: everyone from
    // before the period, too), through the member import as a CRM file would come in.
    void import_joiners(const Date& day) {
        const long from = (day - period_.first_day).days(), to = (day.end_of_month() - period_.first_day).days();
        std::string csv = kMembersHeader;
        long long rows = 0;
        for (long long i = 0; i < o_.members; ++i) {
            if (registered_[static_cast<std::size_t>(i)] < from || registered_[static_cast<std::size_t>(i)] > to) continue;
            append_member_row(csv, number_of(i), demo_person(o_.seed, i, period_));
            ++rows;
        }
        if (rows == 0) return;
        // One file across the months: the header goes out with the first month only.
        if (o_.members_csv) o_.members_csv(csv_sent_ ? csv.substr(csv.find('\n') + 1) : csv);
        csv_sent_ = true;
        MemberImportOptions options;
        options.file_name = "crm-" + format_date(day).substr(0, 7) + ".csv";
        options.source = "demo_crm";
        in_batch([&] {
            const MemberImportResult r = imports_.import_csv(marketing_, csv, options);
            if (!r.written)
                throw Error("demo generate: the member file of " + format_date(day) + " was refused: " +
                            (r.problems.empty() ? std::string("no rows") : r.problems.front().reason));
            result_.members += r.imported;
        });
        report("members", result_.members, o_.members);
    }

    std::string number_of(long long index) const { return member_number_for(first_number_ + index); }

    // One purchase day of a member: what they do around the purchase, then the purchase.
    void member_day(std::uint32_t index, const Date& day) {
        const DemoPerson p = demo_person(o_.seed, index, period_);
        MemberState& s = states_[index];
        DemoRandom r(o_.seed ^ (static_cast<std::uint64_t>(index) << 20) ^ static_cast<std::uint64_t>(day.julian_day()));
        const std::string member = number_of(index);
        const std::int64_t price = std::max<std::int64_t>(
            1000, (p.target_spend / std::max(1, p.purchases)) * r.between(75, 125) / 100 / 10 * 10);

        if (p.prepays && !s.topped_up) {
            if (p.buys_card && !cards_in_hand_.empty()) activate_card(member, s);
            else recharge(member, s, first_top_up(p, price));
            s.topped_up = true;
        }
        if (p.premium && !s.premium_done && day >= Date(2026, 1, 1)) {
            recharge(member, s, Money::from_yuan(12000).fen());  // the 私享家 offer: 12,000 gets 15,000
            s.premium_done = true;
        }
        if (p.subscribes && s.subscription == 0) subscribe(member, s);
        else if (s.deliveries_left > 0) deliver(s, static_cast<int>(std::min<std::int64_t>(4, s.deliveries_left)));
        if (s.last_stored_paid >= 200 && r.per_mille(40)) refund(s);
        if (p.prepays && s.value < price && r.per_mille(600)) recharge(member, s, first_top_up(p, price));
        purchase(member, s, p, price, r);
        if (s.coins >= 100 && r.per_mille(100)) redeem(member, s, r.between(50, s.coins / 2));
        if (p.complaints > 0) complaint(member, index, r);
    }

    // A round top-up that covers the purchase: 500, 1,000, 2,000 or 5,000 yuan (a company: 10,000).
    static std::int64_t first_top_up(const DemoPerson& p, std::int64_t price) {
        if (p.member_type == "group") return Money::from_yuan(10000).fen();
        for (std::int64_t yuan : {500, 1000, 2000, 5000})
            if (Money::from_yuan(yuan).fen() >= price) return Money::from_yuan(yuan).fen();
        return (price / 100000 + 1) * 100000;
    }

    void after(MemberState& s, const TxnResult& t) {
        s.value = t.value_after.total().fen();
        s.coins = t.coins_after;
        ++result_.postings;
    }

    void recharge(const std::string& member, MemberState& s, std::int64_t amount) {
        call([&] { after(s, ledger_.recharge(desk_, {member, Money::from_fen(amount), ""})); });
    }

    void activate_card(const std::string& member, MemberState& s) {
        const IssuedCard card = cards_in_hand_.back();
        cards_in_hand_.pop_back();
        call([&] {
            cards_.sell(desk_, card.number);
            after(s, ledger_.activate_card(desk_, {card.number, card.pin, member, ""}));
            ++result_.cards;
        });
    }

    void purchase(const std::string& member, MemberState& s, const DemoPerson& p, std::int64_t price, DemoRandom& r) {
        PurchaseRequest q;
        q.member = member;
        q.list_price = Money::from_fen(price);
        // The tier discount is at most 93折, so 93% of the list price never exceeds what is due.
        q.stored_value = Money::from_fen(p.prepays ? std::min(s.value, price * 93 / 100) : 0);
        const auto channel = r.between(0, 99);
        q.channel = channel < 75 ? "store" : channel < 90 ? "app" : "web";
        q.store = q.channel == "store" ? (r.per_mille(800) ? p.store : demo_stores()[r.next() % demo_stores().size()]) : "";
        call([&] {
            const TxnResult t = ledger_.purchase(desk_, q);
            after(s, t);
            s.last_purchase = t.txn;
            s.last_stored_paid = q.stored_value->fen();
        });
    }

    void refund(MemberState& s) {
        const std::int64_t amount = s.last_stored_paid / 2;
        call([&] {
            after(s, ledger_.refund(desk_, {s.last_purchase, Money::from_fen(amount), "顾客退货 Returned goods", ""}));
            s.last_stored_paid = 0;
        });
    }

    void redeem(const std::string& member, MemberState& s, std::int64_t coins) {
        call([&] { after(s, ledger_.redeem(desk_, {member, coins, ""})); });
    }

    void subscribe(const std::string& member, MemberState& s) {
        const std::int64_t price = Money::from_yuan(1880).fen();  // monthly_4_quarter: 12 deliveries
        if (s.value < price) recharge(member, s, Money::from_yuan(2000).fen());
        call([&] {
            const TxnResult t = ledger_.subscribe(desk_, {member, "monthly_4_quarter", ""});
            after(s, t);
            s.subscription = nlohmann::json::parse(t.detail).at("subscription").get<std::int64_t>();
            s.deliveries_left = 12;
        });
    }

    void deliver(MemberState& s, int count) {
        call([&] {
            after(s, ledger_.deliver(desk_, {s.subscription, count, ""}));
            s.deliveries_left -= count;
        });
    }

    // A member who complains does so once; the desk resolves it on their next purchase day.
    void complaint(const std::string& member, std::uint32_t index, DemoRandom& r) {
        auto open = open_complaints_.find(index);
        if (open != open_complaints_.end()) {
            call([&] {
                complaints_.assign(desk_, open->second, desk_.username);
                complaints_.resolve(desk_, open->second, "已致电顾客并补发 Called back and resent", "logistics");
            });
            open_complaints_.erase(open);
            return;
        }
        if (complained_.count(index) || !r.per_mille(400)) return;
        static const char* const kCategories[] = {"delivery", "product_quality", "stored_value", "staff_attitude"};
        OpenComplaintRequest q;
        q.member = member;
        q.channel = r.per_mille(600) ? "phone" : "app";
        q.category = kCategories[r.next() % 4];
        q.severity = r.per_mille(200) ? "high" : "normal";
        q.subject = "配送延迟 Late delivery";
        call([&] {
            open_complaints_[index] = complaints_.open(desk_, q).row.ticket.number;
            complained_.insert(index);
            ++result_.complaints;
        });
    }

    // One service call in the current batch. A refusal is counted, not fatal: the call's own
    // savepoint has undone it, and the count tells the caller the generator asked for something
    // the rules do not allow (which the tests require to be zero).
    template <class F>
    void call(F&& f) {
        in_batch([&] {
            try {
                f();
            } catch (const ValidationError& e) {
                refused(e.what());
            } catch (const ConflictError& e) {
                refused(e.what());
            } catch (const NotFoundError& e) {
                refused(e.what());
            }
        });
        time_.tick();
    }

    template <class F>
    void in_batch(F&& f) {
        if (!batch_) batch_.emplace(db_);
        f();
        if (++calls_in_batch_ >= o_.calls_per_transaction) {
            batch_->commit();
            batch_.reset();
            calls_in_batch_ = 0;
        }
    }

    void refused(const std::string& why) {
        if (result_.refused++ == 0) result_.first_refusal = why;
    }

    void report(const char* stage, long long done, long long total) {
        if (o_.progress) o_.progress(stage, done, total);
    }

    Database& db_;
    const DemoGenerateOptions& o_;
    SimulatedTime time_;
    DemoPeriod period_;
    ProgramService program_;
    LedgerService ledger_;
    CardService cards_;
    ComplaintService complaints_;
    MemberImportService imports_;
    Actor marketing_, approver_, desk_, finance_;
    std::int64_t first_number_ = 1;
    long long card_buyers_ = 0;
    std::vector<PurchaseEvent> events_;
    std::vector<std::int32_t> registered_;  // days after the period's first day (0 for the existing base)
    std::vector<MemberState> states_;
    std::vector<IssuedCard> cards_in_hand_;
    std::map<std::uint32_t, std::string> open_complaints_;
    std::set<std::uint32_t> complained_;
    std::optional<Transaction> batch_;
    int calls_in_batch_ = 0;
    bool csv_sent_ = false;
    DemoGenerateResult result_;
};

}  // namespace

DemoGenerateResult generate_demo(Database& db, const DemoGenerateOptions& options) {
    if (options.members < 1 || options.members > 100000000)
        throw ValidationError("members", std::to_string(options.members), tr("members: give 1 to 100,000,000"));
    if (options.months < 1 || options.months > 120)
        throw ValidationError("months", std::to_string(options.months), tr("months: give 1 to 120"));
    return Generator(db, options).run();
}

}  // namespace md

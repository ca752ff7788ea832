#include "db/member_kpi_repository.h"

namespace md {
namespace {

constexpr const char* kPaid = "p.paid_principal + p.paid_bonus + p.paid_compensation + p.paid_other - p.refunded";

}  // namespace

PeriodActivity MemberKpiRepository::activity(const Date& previous_from, const Date& from, const Date& to) {
    return db_.guarded("reading the members' activity of a period", [&] {
        PeriodActivity out;
        soci::session& sql = db_.sql();
        const std::string start = format_instant(business_day_start_utc(from));
        const std::string end = format_instant(business_day_start_utc(to + boost::gregorian::days(1)));
        const std::string f = format_date(from), t = format_date(to), pf = format_date(previous_from),
                          pt = format_date(from - boost::gregorian::days(1));
        long long n = 0;
        sql << "SELECT COUNT(*) FROM members WHERE created_at < :s", soci::into(n), soci::use(start);
        out.members_at_start = n;
        sql << "SELECT COUNT(*) FROM members WHERE created_at < :e", soci::into(n), soci::use(end);
        out.members_at_end = n;
        out.joined = out.members_at_end - out.members_at_start;

        long long buyers = 0, repeat = 0, purchases = 0, sales = 0;
        soci::indicator repeat_ind = soci::i_null, purchases_ind = soci::i_null, sales_ind = soci::i_null;
        sql << std::string("SELECT COUNT(*), SUM(CASE WHEN n >= 2 THEN 1 ELSE 0 END), SUM(n), SUM(paid) FROM"
                           " (SELECT a.member_id, COUNT(*) AS n, SUM(") + kPaid + ") AS paid"
                           "  FROM purchases p JOIN accounts a ON a.id = p.account_id"
                           "  WHERE p.business_day >= :f AND p.business_day <= :t GROUP BY a.member_id) x",
            soci::into(buyers), soci::into(repeat, repeat_ind), soci::into(purchases, purchases_ind),
            soci::into(sales, sales_ind), soci::use(f), soci::use(t);
        out.buyers = buyers;
        out.repeat_buyers = repeat_ind == soci::i_ok ? repeat : 0;
        out.purchases = purchases_ind == soci::i_ok ? purchases : 0;
        out.sales = sales_ind == soci::i_ok ? sales : 0;

        const std::string buyers_between = "SELECT DISTINCT a.member_id FROM purchases p JOIN accounts a ON a.id = p.account_id"
                                           " WHERE p.business_day >= ";
        sql << "SELECT COUNT(*) FROM (" + buyers_between + ":pf AND p.business_day <= :pt) x",
            soci::into(n), soci::use(pf), soci::use(pt);
        out.previous_buyers = n;
        sql << "SELECT COUNT(*) FROM (" + buyers_between + ":pf AND p.business_day <= :pt) x WHERE x.member_id IN (" +
                   buyers_between + ":f AND p.business_day <= :t)",
            soci::into(n), soci::use(pf), soci::use(pt), soci::use(f), soci::use(t);
        out.retained = n;

        long long coins = 0;
        soci::indicator ind = soci::i_null;
        sql << "SELECT SUM(amount) FROM ledger_entries WHERE bucket = 'coins' AND entry_type = 'points_earned'"
               " AND business_day >= :f AND business_day <= :t",
            soci::into(coins, ind), soci::use(f), soci::use(t);
        out.coins_earned = ind == soci::i_ok ? coins : 0;
        sql << "SELECT SUM(amount) FROM ledger_entries WHERE bucket = 'coins' AND entry_type = 'points_redeemed'"
               " AND business_day >= :f AND business_day <= :t",
            soci::into(coins, ind), soci::use(f), soci::use(t);
        out.coins_redeemed = ind == soci::i_ok ? -coins : 0;

        sql << "SELECT COUNT(DISTINCT member_id) FROM member_state_history WHERE to_state = 'lapsed' AND at >= :s AND at < :e",
            soci::into(n), soci::use(start), soci::use(end);
        out.lapsed = n;
        return out;
    });
}

}  // namespace md

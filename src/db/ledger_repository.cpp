#include "db/ledger_repository.h"

#include "db/stored_dates.h"
#include "models/translate.h"

namespace md {
namespace {

// Reads rows of `SELECT id, member_id, is_open, principal, bonus, compensation, coins, coin_member_since`.
struct AccountRow {
    long long id = 0, member_id = 0, principal = 0, bonus = 0, compensation = 0, coins = 0, package = 0;
    int open = 1;
    std::string since;
    soci::indicator since_ind = soci::i_null;

    Account to_account() const {
        Account a;
        a.id = id;
        a.member_id = member_id;
        a.open = open == 1;
        a.value = {Money::from_fen(principal), Money::from_fen(bonus), Money::from_fen(compensation)};
        a.coins = coins;
        a.package_value = Money::from_fen(package);
        a.coin_member_since = optional_stored_date(since, since_ind, "coin_member_since");
        return a;
    }
};

const char* kAccountColumns = "SELECT id, member_id, is_open, principal, bonus, compensation, coins, coin_member_since,"
                              " package_value"
                              " FROM accounts ";

std::optional<Account> read_account(Database& db, const std::string& where, long long value) {
    AccountRow r;
    db.sql() << std::string(kAccountColumns) + where, soci::use(value), soci::into(r.id), soci::into(r.member_id),
        soci::into(r.open), soci::into(r.principal), soci::into(r.bonus), soci::into(r.compensation),
        soci::into(r.coins), soci::into(r.since, r.since_ind), soci::into(r.package);
    if (!db.sql().got_data()) return std::nullopt;
    return r.to_account();
}

const char* kRequestColumns = "SELECT id, idem_key, kind, request, account_id, business_day, principal_after,"
                              " bonus_after, compensation_after, coins_after, detail, actor, at, package_after"
                              " FROM ledger_requests ";

std::optional<LedgerRequest> read_request(Database& db, const std::string& where, auto value) {
    long long id = 0, account = 0, principal = 0, bonus = 0, compensation = 0, coins = 0, package = 0;
    std::string day, at;
    LedgerRequest r;
    db.sql() << std::string(kRequestColumns) + where, soci::use(value), soci::into(id), soci::into(r.key),
        soci::into(r.kind), soci::into(r.request), soci::into(account), soci::into(day), soci::into(principal),
        soci::into(bonus), soci::into(compensation), soci::into(coins), soci::into(r.detail), soci::into(r.actor),
        soci::into(at), soci::into(package);
    if (!db.sql().got_data()) return std::nullopt;
    r.id = id;
    r.package_after = Money::from_fen(package);
    r.account_id = account;
    r.business_day = stored_date(day, "business_day");
    r.value_after = {Money::from_fen(principal), Money::from_fen(bonus), Money::from_fen(compensation)};
    r.coins_after = coins;
    r.at = parse_instant(at);
    return r;
}

const char* kEntryColumns = "SELECT id, request_id, account_id, entry_type, bucket, amount, balance_after,"
                            " business_day, reason, actor, at, campaign FROM ledger_entries ";

std::vector<LedgerEntry> read_entries(Database& db, const std::string& where_and_order, long long value) {
    std::vector<LedgerEntry> out;
    long long id = 0, request = 0, account = 0, amount = 0, after = 0;
    std::string type, bucket, day, reason, actor, at, campaign;
    soci::statement st = (db.sql().prepare << std::string(kEntryColumns) + where_and_order, soci::use(value),
                          soci::into(id), soci::into(request), soci::into(account), soci::into(type),
                          soci::into(bucket), soci::into(amount), soci::into(after), soci::into(day),
                          soci::into(reason), soci::into(actor), soci::into(at), soci::into(campaign));
    st.execute(false);
    while (st.fetch()) {
        LedgerEntry e;
        e.id = id;
        e.request_id = request;
        e.account_id = account;
        e.type = parse_entry_type(type, "entry_type");
        e.bucket = parse_bucket(bucket, "bucket");
        e.amount = amount;
        e.balance_after = after;
        e.business_day = stored_date(day, "business_day");
        e.reason = reason;
        e.actor = actor;
        e.at = parse_instant(at);
        e.campaign = campaign;
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace

Account LedgerRepository::lock_open_account(std::int64_t member_id, const Instant& now) {
    return db_.guarded("opening the member's account", [&] {
        const std::string lock = db_.backend() == Backend::Postgres ? " FOR UPDATE" : "";
        const long long member = member_id;
        if (auto a = read_account(db_, "WHERE member_id = :m AND is_open = 1" + lock, member)) return *a;
        const std::string at = format_instant(now);
        // Two consoles posting a member's first movement at once both find no account. On
        // PostgreSQL the second INSERT used to wait for the first and then fail on the unique
        // index, a storage error (exit 6) the caller could not tell from a real failure; now it
        // does nothing and the SELECT below waits for, and locks, the account the first one made.
        db_.sql() << "INSERT INTO accounts (member_id, opened_at) VALUES (:m, :at) ON CONFLICT DO NOTHING",
            soci::use(member), soci::use(at);
        return *read_account(db_, "WHERE member_id = :m AND is_open = 1" + lock, member);
    });
}

std::optional<Account> LedgerRepository::open_account(std::int64_t member_id) {
    return db_.guarded("reading the member's account",
                       [&] { return read_account(db_, "WHERE member_id = :m AND is_open = 1", member_id); });
}

std::optional<Account> LedgerRepository::account(std::int64_t account_id) {
    return db_.guarded("reading an account", [&] { return read_account(db_, "WHERE id = :id", account_id); });
}

void LedgerRepository::save_balances(const Account& a) {
    db_.guarded("saving the account's balances", [&] {
        const long long id = a.id, principal = a.value.principal.fen(), bonus = a.value.bonus.fen(),
                        compensation = a.value.compensation.fen(), coins = a.coins,
                        package = a.package_value.fen();
        std::string since = a.coin_member_since ? format_date(*a.coin_member_since) : "";
        soci::indicator since_ind = a.coin_member_since ? soci::i_ok : soci::i_null;
        db_.sql() << "UPDATE accounts SET principal = :p, bonus = :b, compensation = :c, coins = :k,"
                     " coin_member_since = :s, package_value = :pv WHERE id = :id",
            soci::use(principal), soci::use(bonus), soci::use(compensation), soci::use(coins),
            soci::use(since, since_ind), soci::use(package), soci::use(id);
    });
}

void LedgerRepository::close_account(std::int64_t account_id) {
    db_.guarded("closing an account", [&] {
        const long long id = account_id;
        db_.sql() << "UPDATE accounts SET is_open = 0 WHERE id = :id", soci::use(id);
    });
}

std::optional<LedgerRequest> LedgerRepository::request_by_key(const std::string& key) {
    return db_.guarded("looking up the request key", [&] { return read_request(db_, "WHERE idem_key = :k", key); });
}

std::optional<LedgerRequest> LedgerRepository::request_by_id(std::int64_t id) {
    return db_.guarded("reading a transaction",
                       [&] { return read_request(db_, "WHERE id = :id", static_cast<long long>(id)); });
}

std::int64_t LedgerRepository::add_request(const LedgerRequest& r) {
    return db_.guarded("recording the request", [&] {
        const long long account = r.account_id, principal = r.value_after.principal.fen(),
                        bonus = r.value_after.bonus.fen(), compensation = r.value_after.compensation.fen(),
                        coins = r.coins_after, package = r.package_after.fen();
        const std::string day = format_date(r.business_day), at = format_instant(r.at);
        long long id = 0;
        db_.sql() << "INSERT INTO ledger_requests (idem_key, kind, request, account_id, business_day, principal_after,"
                     " bonus_after, compensation_after, coins_after, package_after, detail, actor, at)"
                     " VALUES (:k, :kind, :req, :a, :d, :p, :b, :c, :coins, :pv, :detail, :actor, :at) RETURNING id",
            soci::use(r.key), soci::use(r.kind), soci::use(r.request), soci::use(account), soci::use(day),
            soci::use(principal), soci::use(bonus), soci::use(compensation), soci::use(coins), soci::use(package),
            soci::use(r.detail), soci::use(r.actor), soci::use(at), soci::into(id);
        return static_cast<std::int64_t>(id);
    });
}

void LedgerRepository::set_request_detail(std::int64_t id, const std::string& detail) {
    db_.guarded("recording the request's detail", [&] {
        const long long request = id;
        db_.sql() << "UPDATE ledger_requests SET detail = :d WHERE id = :id", soci::use(detail), soci::use(request);
    });
}

std::int64_t LedgerRepository::add_entry(const LedgerEntry& e) {
    return db_.guarded("writing a ledger entry", [&] {
        const long long request = e.request_id, account = e.account_id, amount = e.amount, after = e.balance_after;
        const std::string type = entry_type_code(e.type), bucket = bucket_code(e.bucket),
                          day = format_date(e.business_day), at = format_instant(e.at);
        long long id = 0;
        db_.sql() << "INSERT INTO ledger_entries (request_id, account_id, entry_type, bucket, amount, balance_after,"
                     " business_day, reason, actor, at, campaign) VALUES (:r, :a, :t, :b, :amount, :after, :d, :reason,"
                     " :actor, :at, :campaign) RETURNING id",
            soci::use(request), soci::use(account), soci::use(type), soci::use(bucket), soci::use(amount),
            soci::use(after), soci::use(day), soci::use(e.reason), soci::use(e.actor), soci::use(at),
            soci::use(e.campaign), soci::into(id);
        return static_cast<std::int64_t>(id);
    });
}

std::vector<LedgerEntry> LedgerRepository::entries_of_request(std::int64_t request_id) {
    return db_.guarded("reading a transaction's entries",
                       [&] { return read_entries(db_, "WHERE request_id = :r ORDER BY id", request_id); });
}

std::vector<LedgerEntry> LedgerRepository::history(std::int64_t account_id, int limit, std::int64_t before_id) {
    return db_.guarded("reading the account history", [&] {
        const std::string before = before_id > 0 ? " AND id < " + std::to_string(before_id) : "";
        return read_entries(db_, "WHERE account_id = :a" + before + " ORDER BY id DESC LIMIT " + std::to_string(limit),
                            account_id);
    });
}

long long LedgerRepository::entry_count(std::int64_t account_id) {
    return db_.guarded("counting the account's entries", [&] {
        long long n = 0;
        const long long id = account_id;
        db_.sql() << "SELECT COUNT(*) FROM ledger_entries WHERE account_id = :a", soci::use(id), soci::into(n);
        return n;
    });
}

std::optional<std::int64_t> LedgerRepository::opening_balance_txn(std::int64_t account_id) {
    return db_.guarded("looking for the account's opening balance", [&]() -> std::optional<std::int64_t> {
        long long txn = 0;
        soci::indicator found = soci::i_null;
        const long long id = account_id;
        db_.sql() << "SELECT MIN(request_id) FROM ledger_entries WHERE account_id = :a AND entry_type = 'opening_balance'",
            soci::use(id), soci::into(txn, found);
        if (found != soci::i_ok) return std::nullopt;
        return txn;
    });
}

std::int64_t LedgerRepository::add_purchase(const PurchaseRecord& p) {
    return db_.guarded("recording the purchase", [&] {
        const long long request = p.request_id, account = p.account_id, list = p.list_price.fen(),
                        principal = p.paid.stored_value.principal.fen(), bonus = p.paid.stored_value.bonus.fen(),
                        compensation = p.paid.stored_value.compensation.fen(), other = p.paid.other.fen(),
                        coins = p.coins_earned;
        const std::string day = format_date(p.business_day);
        long long id = 0;
        db_.sql() << "INSERT INTO purchases (request_id, account_id, business_day, kind, channel, store, list_price,"
                     " discount_bp, paid_principal, paid_bonus, paid_compensation, paid_other, coins_earned)"
                     " VALUES (:r, :a, :d, :kind, :channel, :store, :list, :bp, :p, :b, :c, :o, :coins) RETURNING id",
            soci::use(request), soci::use(account), soci::use(day), soci::use(p.kind), soci::use(p.channel),
            soci::use(p.store), soci::use(list), soci::use(p.discount_bp), soci::use(principal), soci::use(bonus),
            soci::use(compensation), soci::use(other), soci::use(coins), soci::into(id);
        return static_cast<std::int64_t>(id);
    });
}

std::optional<PurchaseRecord> LedgerRepository::purchase_by_request(std::int64_t request_id) {
    return db_.guarded("reading a purchase", [&]() -> std::optional<PurchaseRecord> {
        long long id = 0, request = request_id, account = 0, list = 0, principal = 0, bonus = 0, compensation = 0,
                  other = 0, coins = 0, refunded = 0, r_principal = 0, r_bonus = 0, r_compensation = 0, r_other = 0,
                  coins_back = 0;
        std::string day;
        PurchaseRecord p;
        db_.sql() << "SELECT id, account_id, business_day, kind, channel, store, list_price, discount_bp,"
                     " paid_principal, paid_bonus, paid_compensation, paid_other, coins_earned, refunded,"
                     " refunded_principal, refunded_bonus, refunded_compensation, refunded_other, coins_taken_back"
                     " FROM purchases WHERE request_id = :r",
            soci::use(request), soci::into(id), soci::into(account), soci::into(day), soci::into(p.kind),
            soci::into(p.channel), soci::into(p.store), soci::into(list), soci::into(p.discount_bp),
            soci::into(principal), soci::into(bonus), soci::into(compensation), soci::into(other), soci::into(coins),
            soci::into(refunded), soci::into(r_principal), soci::into(r_bonus), soci::into(r_compensation),
            soci::into(r_other), soci::into(coins_back);
        if (!db_.sql().got_data()) return std::nullopt;
        p.id = id;
        p.request_id = request_id;
        p.account_id = account;
        p.business_day = stored_date(day, "business_day");
        p.list_price = Money::from_fen(list);
        p.paid = {{Money::from_fen(principal), Money::from_fen(bonus), Money::from_fen(compensation)},
                  Money::from_fen(other)};
        p.coins_earned = coins;
        p.refunded = Money::from_fen(refunded);
        p.refunded_parts = {{Money::from_fen(r_principal), Money::from_fen(r_bonus), Money::from_fen(r_compensation)},
                            Money::from_fen(r_other)};
        p.coins_taken_back = coins_back;
        return p;
    });
}

void LedgerRepository::save_refunded(const PurchaseRecord& p) {
    db_.guarded("recording the refund on the purchase", [&] {
        const long long id = p.id, refunded = p.refunded.fen(), principal = p.refunded_parts.stored_value.principal.fen(),
                        bonus = p.refunded_parts.stored_value.bonus.fen(),
                        compensation = p.refunded_parts.stored_value.compensation.fen(),
                        other = p.refunded_parts.other.fen(), coins = p.coins_taken_back;
        db_.sql() << "UPDATE purchases SET refunded = :r, refunded_principal = :p, refunded_bonus = :b,"
                     " refunded_compensation = :c, refunded_other = :o, coins_taken_back = :k WHERE id = :id",
            soci::use(refunded), soci::use(principal), soci::use(bonus), soci::use(compensation), soci::use(other),
            soci::use(coins), soci::use(id);
    });
}

namespace {

const char* kSubscriptionColumns =
    "SELECT s.id, s.request_id, s.account_id, s.package_code, s.package_name, s.price, s.paid_principal, s.paid_bonus,"
    " s.paid_compensation, s.value_owed, s.deliveries, s.delivered, s.undelivered, s.refunded, s.state, s.started_on,"
    " s.ended_on FROM package_subscriptions s ";

struct SubscriptionRow {
    long long id = 0, request = 0, account = 0, price = 0, principal = 0, bonus = 0, compensation = 0, owed = 0,
              undelivered = 0, refunded = 0;
    int deliveries = 0, delivered = 0;
    std::string code, name, state, started, ended;
    soci::indicator ended_ind = soci::i_null;

    // Binds the columns of kSubscriptionColumns and `key` as the one parameter, then runs `where`.
    void run(soci::statement& st, const std::string& where, long long& key) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(request));
        st.exchange(soci::into(account));
        st.exchange(soci::into(code));
        st.exchange(soci::into(name));
        st.exchange(soci::into(price));
        st.exchange(soci::into(principal));
        st.exchange(soci::into(bonus));
        st.exchange(soci::into(compensation));
        st.exchange(soci::into(owed));
        st.exchange(soci::into(deliveries));
        st.exchange(soci::into(delivered));
        st.exchange(soci::into(undelivered));
        st.exchange(soci::into(refunded));
        st.exchange(soci::into(state));
        st.exchange(soci::into(started));
        st.exchange(soci::into(ended, ended_ind));
        st.exchange(soci::use(key));
        st.alloc();
        st.prepare(std::string(kSubscriptionColumns) + where);
        st.define_and_bind();
        st.execute(false);
    }
    Subscription get() const {
        Subscription s;
        s.id = id;
        s.request_id = request;
        s.account_id = account;
        s.package_code = code;
        s.package_name = name;
        s.price = Money::from_fen(price);
        s.paid = {Money::from_fen(principal), Money::from_fen(bonus), Money::from_fen(compensation)};
        s.value_owed = Money::from_fen(owed);
        s.deliveries = deliveries;
        s.delivered = delivered;
        s.undelivered = Money::from_fen(undelivered);
        s.refunded = Money::from_fen(refunded);
        s.state = state;
        s.started_on = stored_date(started, "started_on");
        s.ended_on = optional_stored_date(ended, ended_ind, "ended_on");
        return s;
    }
};

}  // namespace

std::int64_t LedgerRepository::add_subscription(const Subscription& s) {
    return db_.guarded("recording the subscription", [&] {
        const long long request = s.request_id, account = s.account_id, price = s.price.fen(),
                        principal = s.paid.principal.fen(), bonus = s.paid.bonus.fen(),
                        compensation = s.paid.compensation.fen(), owed = s.value_owed.fen(),
                        undelivered = s.undelivered.fen();
        const std::string started = format_date(s.started_on);
        long long id = 0;
        db_.sql() << "INSERT INTO package_subscriptions (request_id, account_id, package_code, package_name, price,"
                     " paid_principal, paid_bonus, paid_compensation, value_owed, deliveries, undelivered, state,"
                     " started_on) VALUES (:r, :a, :code, :name, :price, :p, :b, :c, :owed, :n, :u, :state, :d)"
                     " RETURNING id",
            soci::use(request), soci::use(account), soci::use(s.package_code), soci::use(s.package_name),
            soci::use(price), soci::use(principal), soci::use(bonus), soci::use(compensation), soci::use(owed),
            soci::use(s.deliveries), soci::use(undelivered), soci::use(s.state), soci::use(started), soci::into(id);
        return static_cast<std::int64_t>(id);
    });
}

std::optional<Subscription> LedgerRepository::subscription(std::int64_t id) {
    return db_.guarded("reading the subscription", [&]() -> std::optional<Subscription> {
        SubscriptionRow r;
        long long wanted = id;
        soci::statement st(db_.sql());
        r.run(st, "WHERE s.id = :id", wanted);
        if (!st.fetch()) return std::nullopt;
        return r.get();
    });
}

void LedgerRepository::save_subscription(const Subscription& s) {
    db_.guarded("saving the subscription", [&] {
        const long long id = s.id, undelivered = s.undelivered.fen(), refunded = s.refunded.fen();
        std::string ended = s.ended_on ? format_date(*s.ended_on) : "";
        soci::indicator ended_ind = s.ended_on ? soci::i_ok : soci::i_null;
        db_.sql() << "UPDATE package_subscriptions SET delivered = :d, undelivered = :u, refunded = :r, state = :s,"
                     " ended_on = :e WHERE id = :id",
            soci::use(s.delivered), soci::use(undelivered), soci::use(refunded), soci::use(s.state),
            soci::use(ended, ended_ind), soci::use(id);
    });
}

std::vector<Subscription> LedgerRepository::subscriptions_of_member(std::int64_t member_id) {
    return db_.guarded("reading the member's subscriptions", [&] {
        std::vector<Subscription> out;
        SubscriptionRow r;
        long long member = member_id;
        soci::statement st(db_.sql());
        r.run(st, "JOIN accounts a ON a.id = s.account_id WHERE a.member_id = :m ORDER BY s.id DESC", member);
        while (st.fetch()) out.push_back(r.get());
        return out;
    });
}

std::vector<CoinLot> LedgerRepository::coin_lots(std::int64_t account_id) {
    return db_.guarded("reading the account's coins", [&] {
        std::vector<CoinLot> out;
        long long id = 0, remaining = 0;
        const long long account = account_id;
        std::string earned, expires;
        soci::indicator expires_ind = soci::i_null;
        soci::statement st = (db_.sql().prepare << "SELECT id, earned_on, expires_on, remaining FROM coin_lots"
                                                   " WHERE account_id = :a AND remaining > 0 ORDER BY id",
                              soci::use(account), soci::into(id), soci::into(earned), soci::into(expires, expires_ind),
                              soci::into(remaining));
        st.execute(false);
        while (st.fetch())
            out.push_back({id, stored_date(earned, "earned_on"),
                           optional_stored_date(expires, expires_ind, "expires_on"), remaining});
        return out;
    });
}

void LedgerRepository::add_coin_lot(std::int64_t account_id, std::int64_t entry_id, const CoinLot& lot) {
    db_.guarded("recording earned coins", [&] {
        const long long account = account_id, entry = entry_id, coins = lot.remaining;
        const std::string earned = format_date(lot.earned_on);
        std::string expires = lot.expires_on ? format_date(*lot.expires_on) : "";
        soci::indicator expires_ind = lot.expires_on ? soci::i_ok : soci::i_null;
        db_.sql() << "INSERT INTO coin_lots (account_id, entry_id, earned_on, expires_on, coins, remaining)"
                     " VALUES (:a, :e, :earned, :expires, :coins, :remaining)",
            soci::use(account), soci::use(entry), soci::use(earned), soci::use(expires, expires_ind), soci::use(coins),
            soci::use(coins);
    });
}

void LedgerRepository::take_from_lots(const std::vector<std::pair<std::int64_t, std::int64_t>>& taken) {
    db_.guarded("spending coins", [&] {
        long long id = 0, coins = 0;
        soci::statement st = (db_.sql().prepare << "UPDATE coin_lots SET remaining = remaining - :c WHERE id = :id",
                              soci::use(coins), soci::use(id));
        for (const auto& [lot, n] : taken) {
            id = lot;
            coins = n;
            st.execute(true);
        }
    });
}

void LedgerRepository::move_coin_lots(std::int64_t from_account, std::int64_t to_account) {
    db_.guarded("moving coins", [&] {
        const long long from = from_account, to = to_account;
        db_.sql() << "UPDATE coin_lots SET account_id = :to WHERE account_id = :from AND remaining > 0", soci::use(to),
            soci::use(from);
    });
}

namespace {

const char* kAdjustmentColumns =
    "SELECT r.id, r.idem_key, r.member_id, m.number, r.bucket, r.direction, r.amount, r.reason, r.requested_by,"
    " r.requested_at, r.state, COALESCE(r.decided_by, ''), r.comment, COALESCE(r.txn_id, 0)"
    " FROM adjustment_requests r JOIN members m ON m.id = r.member_id ";

std::vector<AdjustmentRequest> read_adjustments(Database& db, const std::string& where, const std::string& value) {
    std::vector<AdjustmentRequest> out;
    long long id = 0, member = 0, amount = 0, txn = 0;
    std::string key, number, bucket, direction, reason, by, at, state, decided_by, comment;
    soci::statement st = (db.sql().prepare << std::string(kAdjustmentColumns) + where, soci::use(value),
                          soci::into(id), soci::into(key), soci::into(member), soci::into(number), soci::into(bucket),
                          soci::into(direction), soci::into(amount), soci::into(reason), soci::into(by),
                          soci::into(at), soci::into(state), soci::into(decided_by), soci::into(comment),
                          soci::into(txn));
    st.execute(false);
    while (st.fetch()) {
        AdjustmentRequest r;
        r.id = id;
        r.key = key;
        r.member_id = member;
        r.member_number = number;
        r.bucket = parse_bucket(bucket, "bucket");
        r.up = direction == "up";
        r.amount = amount;
        r.reason = reason;
        r.requested_by = by;
        r.requested_at = parse_instant(at);
        r.state = state;
        r.decided_by = decided_by;
        r.comment = comment;
        r.txn = txn;
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace

std::int64_t LedgerRepository::add_adjustment_request(const AdjustmentRequest& r) {
    return db_.guarded("recording the adjustment request", [&] {
        const long long member = r.member_id, amount = r.amount;
        const std::string bucket = bucket_code(r.bucket), direction = r.up ? "up" : "down",
                          at = format_instant(r.requested_at);
        long long id = 0;
        db_.sql() << "INSERT INTO adjustment_requests (idem_key, member_id, bucket, direction, amount, reason,"
                     " requested_by, requested_at, state) VALUES (:k, :m, :b, :d, :a, :r, :by, :at, 'pending') RETURNING id",
            soci::use(r.key), soci::use(member), soci::use(bucket), soci::use(direction), soci::use(amount),
            soci::use(r.reason), soci::use(r.requested_by), soci::use(at), soci::into(id);
        return static_cast<std::int64_t>(id);
    });
}

std::optional<AdjustmentRequest> LedgerRepository::adjustment_request(std::int64_t id) {
    return db_.guarded("reading the adjustment request", [&]() -> std::optional<AdjustmentRequest> {
        auto found = read_adjustments(db_, "WHERE CAST(r.id AS TEXT) = :id", std::to_string(id));
        if (found.empty()) return std::nullopt;
        return found.front();
    });
}

std::optional<AdjustmentRequest> LedgerRepository::adjustment_request_by_key(const std::string& key) {
    return db_.guarded("reading the adjustment request", [&]() -> std::optional<AdjustmentRequest> {
        auto found = read_adjustments(db_, "WHERE r.idem_key = :k", key);
        if (found.empty()) return std::nullopt;
        return found.front();
    });
}

void LedgerRepository::decide_adjustment_request(const AdjustmentRequest& r, const Instant& at) {
    db_.guarded("deciding the adjustment request", [&] {
        const long long id = r.id, txn = r.txn;
        const std::string when = format_instant(at);
        soci::indicator txn_ind = r.txn ? soci::i_ok : soci::i_null;
        db_.sql() << "UPDATE adjustment_requests SET state = :s, decided_by = :by, decided_at = :at, comment = :c,"
                     " txn_id = :t WHERE id = :id",
            soci::use(r.state), soci::use(r.decided_by), soci::use(when), soci::use(r.comment),
            soci::use(txn, txn_ind), soci::use(id);
    });
}

std::vector<AdjustmentRequest> LedgerRepository::adjustment_requests(bool pending_only) {
    return db_.guarded("reading the adjustment requests", [&] {
        return read_adjustments(db_, pending_only ? "WHERE r.state = :s ORDER BY r.id" : "WHERE r.state <> :s ORDER BY r.id DESC",
                                pending_only ? "pending" : "none");
    });
}

std::vector<ExpiredLot> LedgerRepository::expired_lots(const Date& as_of) {
    return db_.guarded("finding expired coins", [&] {
        std::vector<ExpiredLot> out;
        long long lot = 0, account = 0, coins = 0;
        const std::string day = format_date(as_of);
        soci::statement st = (db_.sql().prepare << "SELECT id, account_id, remaining FROM coin_lots"
                                                   " WHERE expires_on < :d AND remaining > 0 ORDER BY account_id, id",
                              soci::use(day), soci::into(lot), soci::into(account), soci::into(coins));
        st.execute(false);
        while (st.fetch()) out.push_back({lot, account, coins});
        return out;
    });
}

std::int64_t LedgerRepository::add_expiry_run(const ExpiryRun& r) {
    return db_.guarded("logging the expiry run", [&] {
        const std::string as_of = format_date(r.as_of), at = format_instant(r.run_at);
        long long id = 0;
        db_.sql() << "INSERT INTO coin_expiry_runs (as_of, accounts, coins, run_by, run_at)"
                     " VALUES (:d, :a, :c, :by, :at) RETURNING id",
            soci::use(as_of), soci::use(r.accounts), soci::use(r.coins), soci::use(r.run_by), soci::use(at),
            soci::into(id);
        return static_cast<std::int64_t>(id);
    });
}

std::vector<ExpiryRun> LedgerRepository::expiry_runs(int limit) {
    return db_.guarded("reading the expiry runs", [&] {
        std::vector<ExpiryRun> out;
        ExpiryRun r;
        long long id = 0;
        std::string as_of, at;
        soci::statement st = (db_.sql().prepare << "SELECT id, as_of, accounts, coins, run_by, run_at FROM coin_expiry_runs"
                                                   " ORDER BY id DESC LIMIT " + std::to_string(limit),
                              soci::into(id), soci::into(as_of), soci::into(r.accounts), soci::into(r.coins),
                              soci::into(r.run_by), soci::into(at));
        st.execute(false);
        while (st.fetch()) {
            r.id = id;
            r.as_of = stored_date(as_of, "as_of");
            r.run_at = parse_instant(at);
            out.push_back(r);
        }
        return out;
    });
}

std::vector<LedgerDiscrepancy> LedgerRepository::check() {
    return db_.guarded("checking the ledger", [&] {
        std::vector<LedgerDiscrepancy> out;
        // Each bucket against the sum of its entries and against its newest entry's balance_after.
        const std::pair<const char*, const char*> buckets[] = {{"principal", "principal"},
                                                               {"bonus", "bonus"},
                                                               {"compensation", "compensation"},
                                                               {"coins", "coins"},
                                                               {"package", "package_value"}};
        for (const auto& [bucket, column] : buckets) {
            const std::string b = bucket, c = column;
            long long account = 0, stored = 0, summed = 0, last = 0;
            std::string number;
            soci::indicator last_ind = soci::i_null;
            soci::statement st =
                (db_.sql().prepare
                     << "SELECT a.id, m.number, a." + c + ", COALESCE(s.total, 0), l.balance_after"
                        " FROM accounts a JOIN members m ON m.id = a.member_id"
                        " LEFT JOIN (SELECT account_id, SUM(amount) AS total, MAX(id) AS last_id FROM ledger_entries"
                        "            WHERE bucket = '" + b + "' GROUP BY account_id) s ON s.account_id = a.id"
                        " LEFT JOIN ledger_entries l ON l.id = s.last_id"
                        " WHERE a." + c + " <> COALESCE(s.total, 0) OR a." + c + " < 0"
                        "    OR (l.id IS NOT NULL AND l.balance_after <> a." + c + ")"
                        " ORDER BY m.number",
                 soci::into(account), soci::into(number), soci::into(stored), soci::into(summed),
                 soci::into(last, last_ind));
            st.execute(false);
            auto shown = [&](long long v) {
                return b == "coins" ? std::to_string(v) : Money::from_fen(v).to_string();
            };
            while (st.fetch()) {
                std::string what = subst(tr("{0} {1} but its entries sum to {2}"), {b, shown(stored), shown(summed)});
                if (last_ind == soci::i_ok && last != stored)
                    what = subst(tr("{0} {1}; entries sum to {2}, the last entry says {3}"),
                                 {b, shown(stored), shown(summed), shown(last)});
                out.push_back({number, account, what});
            }
        }
        // Undelivered package value against the subscriptions that owe it, per member (a merged
        // duplicate's subscriptions are owed through the survivor's account).
        {
            long long owed = 0, booked = 0;
            std::string number;
            soci::statement st =
                (db_.sql().prepare << "SELECT m.number, COALESCE(a.total, 0), COALESCE(s.total, 0) FROM members m"
                                      " LEFT JOIN (SELECT member_id, SUM(package_value) AS total FROM accounts"
                                      "            GROUP BY member_id) a ON a.member_id = m.id"
                                      " LEFT JOIN (SELECT ac.member_id, SUM(ps.undelivered) AS total"
                                      "            FROM package_subscriptions ps JOIN accounts ac ON ac.id = ps.account_id"
                                      "            GROUP BY ac.member_id) s ON s.member_id = m.id"
                                      " WHERE COALESCE(a.total, 0) <> COALESCE(s.total, 0) ORDER BY m.number",
                 soci::into(number), soci::into(booked), soci::into(owed));
            st.execute(false);
            while (st.fetch())
                out.push_back({number, 0,
                               subst(tr("package {0} but its subscriptions still owe {1}"),
                                     {Money::from_fen(booked).to_string(), Money::from_fen(owed).to_string()})});
        }
        // Coins against the lots they are spent from.
        long long account = 0, coins = 0, lots = 0;
        std::string number;
        soci::statement st =
            (db_.sql().prepare << "SELECT a.id, m.number, a.coins, COALESCE(SUM(c.remaining), 0)"
                                  " FROM accounts a JOIN members m ON m.id = a.member_id"
                                  " LEFT JOIN coin_lots c ON c.account_id = a.id"
                                  " GROUP BY a.id, m.number, a.coins HAVING a.coins <> COALESCE(SUM(c.remaining), 0)"
                                  " ORDER BY m.number",
             soci::into(account), soci::into(number), soci::into(coins), soci::into(lots));
        st.execute(false);
        while (st.fetch())
            out.push_back({number, account,
                           subst(tr("coins {0} but its coin lots hold {1}"),
                                 {std::to_string(coins), std::to_string(lots)})});
        return out;
    });
}

}  // namespace md

#include "db/card_repository.h"

#include "db/stored_dates.h"

namespace md {
namespace {

const char* kCardColumns =
    "SELECT c.id, c.number, c.batch_id, b.code, b.face_value, b.bonus, c.state, c.state_before_block, c.wrong_pins,"
    " COALESCE(m.number, ''), b.expires_on, c.version"
    " FROM cards c JOIN card_batches b ON b.id = c.batch_id LEFT JOIN members m ON m.id = c.member_id ";

struct CardRow {
    long long id = 0, batch = 0, face = 0, bonus = 0, version = 0;
    int wrong = 0;
    std::string number, code, state, before, member, expires;
    soci::indicator before_ind = soci::i_null, expires_ind = soci::i_null;

    Card to_card() const {
        Card c;
        c.id = id;
        c.number = number;
        c.batch_id = batch;
        c.batch_code = code;
        c.face_value = Money::from_fen(face);
        c.bonus = Money::from_fen(bonus);
        c.state = parse_card_state(state, "state");
        if (before_ind == soci::i_ok && !before.empty()) c.state_before_block = parse_card_state(before, "state_before_block");
        c.wrong_pins = wrong;
        c.member_number = member;
        c.expires_on = optional_stored_date(expires, expires_ind, "expires_on");
        c.version = version;
        return c;
    }
};

}  // namespace

std::int64_t CardRepository::next_batch_id() {
    return db_.guarded("numbering the batch", [&] {
        // PostgreSQL: no second console may take the same number before this one commits.
        if (db_.backend() == Backend::Postgres) db_.sql() << "LOCK TABLE card_batches IN EXCLUSIVE MODE";
        long long id = 0;
        soci::indicator ind;
        db_.sql() << "SELECT MAX(id) FROM card_batches", soci::into(id, ind);
        return static_cast<std::int64_t>(ind == soci::i_ok ? id + 1 : 1);
    });
}

std::int64_t CardRepository::add_batch(const CardBatch& b) {
    return db_.guarded("recording the card batch", [&] {
        const long long id = b.id, face = b.face_value.fen(), bonus = b.bonus.fen();
        const std::string at = format_instant(b.created_at);
        std::string expires = b.expires_on ? format_date(*b.expires_on) : "";
        soci::indicator expires_ind = b.expires_on ? soci::i_ok : soci::i_null;
        db_.sql() << "INSERT INTO card_batches (id, code, face_value, bonus, quantity, expires_on, note, created_by,"
                     " created_at) VALUES (:id, :code, :face, :bonus, :q, :expires, :note, :by, :at)",
            soci::use(id), soci::use(b.code), soci::use(face), soci::use(bonus), soci::use(b.quantity),
            soci::use(expires, expires_ind), soci::use(b.note), soci::use(b.created_by), soci::use(at);
        return b.id;
    });
}

void CardRepository::add_cards(std::int64_t batch_id, const std::vector<NewCard>& cards, const std::string& actor,
                               const Instant& at) {
    db_.guarded("recording the cards", [&] {
        const long long batch = batch_id;
        const std::string when = format_instant(at);
        std::string number, hash;
        soci::statement card = (db_.sql().prepare << "INSERT INTO cards (number, batch_id, state, pin_hash)"
                                                     " VALUES (:n, :b, 'issued', :h)",
                                soci::use(number), soci::use(batch), soci::use(hash));
        soci::statement event =
            (db_.sql().prepare << "INSERT INTO card_events (card_id, to_state, reason, actor, at)"
                                  " SELECT id, 'issued', '', :actor, :at FROM cards WHERE number = :n",
             soci::use(actor), soci::use(when), soci::use(number));
        for (const NewCard& c : cards) {
            number = c.number;
            hash = c.pin_hash;
            card.execute(true);
            event.execute(true);
        }
    });
}

namespace {

// Every batch, or the one with `code`, in creation order.
std::vector<CardBatch> read_batches(Database& db, const std::optional<std::string>& code) {
    std::vector<CardBatch> out;
    long long id = 0, face = 0, bonus = 0;
    int quantity = 0;
    std::string wanted = code.value_or(""), batch_code, expires, note, by, at;
    soci::indicator expires_ind = soci::i_null;
    soci::statement st(db.sql());
    st.exchange(soci::into(id));
    st.exchange(soci::into(batch_code));
    st.exchange(soci::into(face));
    st.exchange(soci::into(bonus));
    st.exchange(soci::into(quantity));
    st.exchange(soci::into(expires, expires_ind));
    st.exchange(soci::into(note));
    st.exchange(soci::into(by));
    st.exchange(soci::into(at));
    if (code) st.exchange(soci::use(wanted));
    st.alloc();
    st.prepare(std::string("SELECT id, code, face_value, bonus, quantity, expires_on, note, created_by, created_at"
                           " FROM card_batches ") +
               (code ? "WHERE code = :c " : "") + "ORDER BY id");
    st.define_and_bind();
    st.execute(false);
    while (st.fetch())
        out.push_back({id, batch_code, Money::from_fen(face), Money::from_fen(bonus), quantity,
                       optional_stored_date(expires, expires_ind, "expires_on"), by, parse_instant(at), note});
    return out;
}

}  // namespace

std::vector<BatchSummary> CardRepository::batches() {
    return db_.guarded("reading the card batches", [&] {
        std::vector<BatchSummary> out;
        std::map<long long, std::size_t> index;  // batch id → position in out
        for (CardBatch& b : read_batches(db_, std::nullopt)) {
            index[b.id] = out.size();
            out.push_back({std::move(b), {}});
        }
        long long batch = 0, n = 0;
        std::string state;
        soci::statement counts = (db_.sql().prepare << "SELECT batch_id, state, COUNT(*) FROM cards GROUP BY batch_id, state",
                                  soci::into(batch), soci::into(state), soci::into(n));
        counts.execute(false);
        while (counts.fetch())
            if (auto it = index.find(batch); it != index.end()) out[it->second].cards[parse_card_state(state, "state")] = n;
        return out;
    });
}

std::optional<CardBatch> CardRepository::batch_by_code(const std::string& code) {
    return db_.guarded("reading the card batch", [&]() -> std::optional<CardBatch> {
        auto found = read_batches(db_, code);
        if (found.empty()) return std::nullopt;
        return found.front();
    });
}

void CardRepository::for_each_card(std::int64_t batch_id, const std::function<void(const Card&)>& each) {
    db_.guarded("reading the batch's cards", [&] {
        CardRow r;
        const long long batch = batch_id;
        soci::statement st = (db_.sql().prepare << std::string(kCardColumns) + "WHERE c.batch_id = :b ORDER BY c.number",
                              soci::use(batch), soci::into(r.id), soci::into(r.number), soci::into(r.batch),
                              soci::into(r.code), soci::into(r.face), soci::into(r.bonus), soci::into(r.state),
                              soci::into(r.before, r.before_ind), soci::into(r.wrong), soci::into(r.member),
                              soci::into(r.expires, r.expires_ind), soci::into(r.version));
        st.execute(false);
        while (st.fetch()) each(r.to_card());
    });
}

std::optional<Card> CardRepository::by_number(const std::string& number, bool lock) {
    return db_.guarded("reading the card", [&]() -> std::optional<Card> {
        if (lock && db_.backend() == Backend::Postgres) {
            long long id = 0;
            db_.sql() << "SELECT id FROM cards WHERE number = :n FOR UPDATE", soci::use(number), soci::into(id);
        }
        CardRow r;
        db_.sql() << std::string(kCardColumns) + "WHERE c.number = :n", soci::use(number), soci::into(r.id),
            soci::into(r.number), soci::into(r.batch), soci::into(r.code), soci::into(r.face), soci::into(r.bonus),
            soci::into(r.state), soci::into(r.before, r.before_ind), soci::into(r.wrong), soci::into(r.member),
            soci::into(r.expires, r.expires_ind), soci::into(r.version);
        if (!db_.sql().got_data()) return std::nullopt;
        return r.to_card();
    });
}

std::string CardRepository::pin_hash(std::int64_t card_id) {
    return db_.guarded("reading the card's PIN hash", [&] {
        std::string hash;
        const long long id = card_id;
        db_.sql() << "SELECT pin_hash FROM cards WHERE id = :id", soci::use(id), soci::into(hash);
        return hash;
    });
}

void CardRepository::save(const Card& c, std::optional<std::int64_t> member_id, std::optional<std::int64_t> request_id,
                          const std::optional<CardEvent>& event) {
    db_.guarded("saving the card", [&] {
        const long long id = c.id;
        std::string state = card_state_code(c.state);
        std::string before = c.state_before_block ? card_state_code(*c.state_before_block) : "";
        soci::indicator before_ind = c.state_before_block ? soci::i_ok : soci::i_null;
        long long member = member_id.value_or(0), request = request_id.value_or(0);
        soci::indicator member_ind = member_id ? soci::i_ok : soci::i_null;
        soci::indicator request_ind = request_id ? soci::i_ok : soci::i_null;
        db_.sql() << "UPDATE cards SET state = :s, state_before_block = :b, wrong_pins = :w,"
                     " member_id = COALESCE(:m, member_id), request_id = COALESCE(:r, request_id),"
                     " version = version + 1 WHERE id = :id",
            soci::use(state), soci::use(before, before_ind), soci::use(c.wrong_pins), soci::use(member, member_ind),
            soci::use(request, request_ind), soci::use(id);
        if (!event) return;
        std::string from = event->from ? card_state_code(*event->from) : "";
        soci::indicator from_ind = event->from ? soci::i_ok : soci::i_null;
        const std::string to = card_state_code(event->to), at = format_instant(event->at);
        db_.sql() << "INSERT INTO card_events (card_id, from_state, to_state, reason, actor, at)"
                     " VALUES (:c, :f, :t, :r, :a, :at)",
            soci::use(id), soci::use(from, from_ind), soci::use(to), soci::use(event->reason), soci::use(event->actor),
            soci::use(at);
    });
}

std::vector<CardEvent> CardRepository::events(std::int64_t card_id) {
    return db_.guarded("reading the card's history", [&] {
        std::vector<CardEvent> out;
        std::string from, to, reason, actor, at;
        soci::indicator from_ind = soci::i_null;
        const long long id = card_id;
        soci::statement st = (db_.sql().prepare << "SELECT from_state, to_state, reason, actor, at FROM card_events"
                                                   " WHERE card_id = :c ORDER BY id",
                              soci::use(id), soci::into(from, from_ind), soci::into(to), soci::into(reason),
                              soci::into(actor), soci::into(at));
        st.execute(false);
        while (st.fetch()) {
            CardEvent e;
            if (from_ind == soci::i_ok && !from.empty()) e.from = parse_card_state(from, "from_state");
            e.to = parse_card_state(to, "to_state");
            e.reason = reason;
            e.actor = actor;
            e.at = parse_instant(at);
            out.push_back(std::move(e));
        }
        return out;
    });
}

std::vector<Card> CardRepository::unused_past_expiry(const Date& today) {
    return db_.guarded("finding the cards past their last activation day", [&] {
        std::vector<Card> out;
        CardRow r;
        const std::string day = format_date(today);
        soci::statement st = (db_.sql().prepare << std::string(kCardColumns) +
                                                       "WHERE b.expires_on < :d AND (c.state IN ('issued', 'sold')"
                                                       " OR (c.state = 'blocked' AND c.state_before_block IN ('issued', 'sold')))"
                                                       " ORDER BY c.number",
                              soci::use(day), soci::into(r.id), soci::into(r.number), soci::into(r.batch),
                              soci::into(r.code), soci::into(r.face), soci::into(r.bonus), soci::into(r.state),
                              soci::into(r.before, r.before_ind), soci::into(r.wrong), soci::into(r.member),
                              soci::into(r.expires, r.expires_ind), soci::into(r.version));
        st.execute(false);
        while (st.fetch()) out.push_back(r.to_card());
        return out;
    });
}

}  // namespace md

#include "db/card_batch_report_repository.h"

#include "db/stored_dates.h"

namespace md {

std::vector<BatchCardCounts> CardBatchReportRepository::counts(const Instant& since, const Instant& until) {
    return db_.guarded("reading the card batches' states", [&] {
        std::vector<BatchCardCounts> out;
        std::map<std::int64_t, std::size_t> index;
        const std::string s = format_instant(since), u = format_instant(until);
        {
            long long id = 0, face = 0, bonus = 0;
            int quantity = 0;
            std::string code, created_by, created_at, note, expires;
            soci::indicator expires_ind = soci::i_null;
            soci::statement st =
                (db_.sql().prepare << "SELECT id, code, face_value, bonus, quantity, expires_on, created_by, created_at, note"
                                      " FROM card_batches WHERE created_at < :u ORDER BY id",
                 soci::into(id), soci::into(code), soci::into(face), soci::into(bonus), soci::into(quantity),
                 soci::into(expires, expires_ind), soci::into(created_by), soci::into(created_at), soci::into(note), soci::use(u));
            st.execute(false);
            while (st.fetch()) {
                BatchCardCounts c;
                c.batch.id = id;
                c.batch.code = code;
                c.batch.face_value = Money::from_fen(face);
                c.batch.bonus = Money::from_fen(bonus);
                c.batch.quantity = quantity;
                if (expires_ind == soci::i_ok) c.batch.expires_on = stored_date(expires, "expires_on");
                c.batch.created_by = created_by;
                c.batch.created_at = parse_instant(created_at);
                c.batch.note = note;
                index[id] = out.size();
                out.push_back(std::move(c));
            }
        }
        long long batch = 0, count = 0;
        std::string state;
        // Each card's last event before the moment decides its state then.
        soci::statement held =
            (db_.sql().prepare << "SELECT c.batch_id, e.to_state, COUNT(*) FROM card_events e"
                                  " JOIN (SELECT card_id, MAX(id) AS last_id FROM card_events WHERE at < :u GROUP BY card_id) l"
                                  "   ON l.last_id = e.id"
                                  " JOIN cards c ON c.id = e.card_id GROUP BY c.batch_id, e.to_state",
             soci::into(batch), soci::into(state), soci::into(count), soci::use(u));
        held.execute(false);
        while (held.fetch())
            if (const auto it = index.find(batch); it != index.end()) out[it->second].held[state] = count;
        soci::statement moved =
            (db_.sql().prepare << "SELECT c.batch_id, e.to_state, COUNT(*) FROM card_events e JOIN cards c ON c.id = e.card_id"
                                  " WHERE e.at >= :s AND e.at < :u AND e.from_state IS NOT NULL AND e.from_state <> 'blocked' GROUP BY c.batch_id, e.to_state",
             soci::into(batch), soci::into(state), soci::into(count), soci::use(s), soci::use(u));
        moved.execute(false);
        while (moved.fetch())
            if (const auto it = index.find(batch); it != index.end()) out[it->second].moved[state] = count;
        return out;
    });
}

}  // namespace md

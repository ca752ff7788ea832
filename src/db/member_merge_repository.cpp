#include "db/member_merge_repository.h"

#include "db/stored_dates.h"

namespace md {

const std::vector<std::pair<std::string, std::string>>& member_references_moved_by_merge() {
    static const std::vector<std::pair<std::string, std::string>> refs = {
        {"members", "referrer_id"},
        {"member_state_history", "member_id"},
        {"member_merges", "survivor_id"},
        // Closed by LedgerService::fold_accounts before the move: the balance went over as
        // merge lines, the emptied account and its history follow the person.
        {"accounts", "member_id"},
        {"cards", "member_id"},
        {"adjustment_requests", "member_id"},  // a card activated by the duplicate was activated by the person
        // The duplicate's held tiers are dropped before the move (TierRepository::forget), so
        // none is left to move, and the survivor is evaluated again on the joined movements.
        {"member_tiers", "member_id"},
        {"tier_facts", "member_id"},
        {"tier_history", "member_id"},
        {"tier_overrides", "member_id"},
        {"tier_run_changes", "member_id"},
        // The duplicate's complaint tickets are the person's: the desk sees them all in one place.
        {"complaints", "member_id"},
    };
    return refs;
}

ActivityDates MemberMergeRepository::activity(std::int64_t member_id) {
    return db_.guarded("reading member activity", [&] {
        std::string recharge, purchase, last;
        soci::indicator ri = soci::i_null, pi = soci::i_null, li = soci::i_null;
        const long long id = member_id;
        db_.sql() << "SELECT first_recharge_on, first_purchase_on, last_activity_on FROM members WHERE id = :id",
            soci::into(recharge, ri), soci::into(purchase, pi), soci::into(last, li), soci::use(id);
        return ActivityDates{optional_stored_date(recharge, ri, "first_recharge_on"), optional_stored_date(purchase, pi, "first_purchase_on"),
                             optional_stored_date(last, li, "last_activity_on")};
    });
}

void MemberMergeRepository::set_activity(std::int64_t member_id, const ActivityDates& d) {
    db_.guarded("saving member activity", [&] {
        const long long id = member_id;
        std::string r = d.first_recharge_on ? format_date(*d.first_recharge_on) : "",
                    p = d.first_purchase_on ? format_date(*d.first_purchase_on) : "",
                    l = d.last_activity_on ? format_date(*d.last_activity_on) : "";
        soci::indicator ri = d.first_recharge_on ? soci::i_ok : soci::i_null,
                        pi = d.first_purchase_on ? soci::i_ok : soci::i_null,
                        li = d.last_activity_on ? soci::i_ok : soci::i_null;
        db_.sql() << "UPDATE members SET first_recharge_on = :r, first_purchase_on = :p, last_activity_on = :l"
                     " WHERE id = :id",
            soci::use(r, ri), soci::use(p, pi), soci::use(l, li), soci::use(id);
    });
}

void MemberMergeRepository::absorb(std::int64_t survivor_id, std::int64_t absorbed_id,
                                   const std::string& absorbed_number, const std::string& absorbed_record_json,
                                   const std::string& by, const Instant& at) {
    db_.guarded("merging members", [&] {
        const long long survivor = survivor_id, absorbed = absorbed_id;
        // The survivor cannot be its own referrer.
        db_.sql() << "UPDATE members SET referrer_id = NULL WHERE id = :s AND referrer_id = :a", soci::use(survivor),
            soci::use(absorbed);
        for (const auto& [table, column] : member_references_moved_by_merge())
            db_.sql() << "UPDATE " + table + " SET " + column + " = :s WHERE " + column + " = :a", soci::use(survivor),
                soci::use(absorbed);
        const std::string when = format_instant(at);
        db_.sql() << "INSERT INTO member_merges (absorbed_number, survivor_id, absorbed_record, merged_by, merged_at)"
                     " VALUES (:n, :s, :r, :by, :at)",
            soci::use(absorbed_number), soci::use(survivor), soci::use(absorbed_record_json), soci::use(by),
            soci::use(when);
        db_.sql() << "DELETE FROM members WHERE id = :a", soci::use(absorbed);
    });
}

std::optional<MergeRecord> MemberMergeRepository::merged_into(const std::string& number) {
    return db_.guarded("reading member merges", [&]() -> std::optional<MergeRecord> {
        std::optional<MergeRecord> found;
        std::string survivor, by, at;
        soci::indicator ind = soci::i_null;
        db_.sql() << "SELECT m.number, g.merged_by, g.merged_at FROM member_merges g JOIN members m ON m.id = g.survivor_id"
                     " WHERE g.absorbed_number = :n",
            soci::use(number), soci::into(survivor, ind), soci::into(by), soci::into(at);
        if (!db_.sql().got_data() || ind != soci::i_ok) return std::nullopt;
        return MergeRecord{number, survivor, by, parse_instant(at)};
    });
}

}  // namespace md

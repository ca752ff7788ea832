#include "db/migrations.h"

#include "models/errors.h"
#include "models/timestamps.h"
#include "models/translate.h"

#include <string>
#include <vector>

namespace md {
namespace {

struct Migration {
    int version;
    const char* description;
    std::vector<const char*> statements;  // {PK} {TS} {DATE} are spelled per backend
};

// Append only: a released migration is never edited, a change is a new number.
const std::vector<Migration>& migrations() {
    static const std::vector<Migration> list = {
        {1,
         "users and schema version",
         {
             "CREATE TABLE schema_version ("
             " version INTEGER PRIMARY KEY,"
             " description TEXT NOT NULL,"
             " applied_at {TS} NOT NULL)",
             "CREATE TABLE users ("
             " id {PK},"
             " username TEXT NOT NULL UNIQUE,"
             " display_name TEXT NOT NULL DEFAULT '',"
             " role TEXT NOT NULL,"
             " active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),"
             " password_hash TEXT NOT NULL,"
             " failed_sign_ins INTEGER NOT NULL DEFAULT 0,"
             " locked_until {TS},"
             " created_at {TS} NOT NULL,"
             " updated_at {TS} NOT NULL,"
             " updated_by TEXT NOT NULL,"
             " version INTEGER NOT NULL DEFAULT 1)",
         }},
        {2,
         "audit trail",
         {
             "CREATE TABLE audit_log ("
             " id {PK},"
             " at {TS} NOT NULL,"
             " actor TEXT NOT NULL,"
             " action TEXT NOT NULL,"
             " entity TEXT NOT NULL DEFAULT '',"
             " entity_id TEXT NOT NULL DEFAULT '',"
             " outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'denied', 'failed')),"
             " before_value TEXT,"
             " after_value TEXT,"
             " detail TEXT NOT NULL DEFAULT '')",
             "CREATE INDEX audit_log_at ON audit_log (at)",
             "CREATE INDEX audit_log_actor_at ON audit_log (actor, at)",
         }},
        {3,
         "program settings",
         {
             "CREATE TABLE settings ("
             " name TEXT PRIMARY KEY,"
             " value TEXT NOT NULL)",
             "INSERT INTO settings (name, value) VALUES ('time_zone', 'Asia/Shanghai')",
         }},
        {4,
         "programme configuration under approval",
         {
             "CREATE TABLE change_requests ("
             " id {PK},"
             " kind TEXT NOT NULL,"
             " item_key TEXT NOT NULL,"
             " proposed TEXT,"
             " base_version INTEGER NOT NULL,"
             " reason TEXT NOT NULL,"
             " effective_from {DATE} NOT NULL,"
             " status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'rejected')),"
             " created_by TEXT NOT NULL,"
             " created_at {TS} NOT NULL,"
             " submitted_at {TS},"
             " decided_at {TS},"
             " version INTEGER NOT NULL DEFAULT 1)",
             "CREATE INDEX change_requests_status ON change_requests (status, id)",
             "CREATE TABLE change_decisions ("
             " id {PK},"
             " change_id BIGINT NOT NULL REFERENCES change_requests (id),"
             " approver TEXT NOT NULL,"
             " approved INTEGER NOT NULL CHECK (approved IN (0, 1)),"
             " comment TEXT NOT NULL DEFAULT '',"
             " at {TS} NOT NULL,"
             " UNIQUE (change_id, approver))",
             // Append-only history of every approved item version; `body` NULL retires the item.
             "CREATE TABLE config_versions ("
             " id {PK},"
             " kind TEXT NOT NULL,"
             " item_key TEXT NOT NULL,"
             " version INTEGER NOT NULL,"
             " effective_from {DATE} NOT NULL,"
             " body TEXT,"
             " change_id BIGINT NOT NULL REFERENCES change_requests (id),"
             " approved_at {TS} NOT NULL,"
             " UNIQUE (kind, item_key, version))",
             "CREATE INDEX config_versions_effective ON config_versions (kind, effective_from)",
             "CREATE TABLE approval_rules ("
             " kind TEXT PRIMARY KEY,"
             " approver_role TEXT NOT NULL,"
             " approvals_needed INTEGER NOT NULL CHECK (approvals_needed IN (1, 2)),"
             " updated_by TEXT NOT NULL DEFAULT '',"
             " version INTEGER NOT NULL DEFAULT 1)",
             "INSERT INTO approval_rules (kind, approver_role, approvals_needed) VALUES"
             " ('ladder', 'approver', 1), ('points', 'approver', 1), ('denomination', 'approver', 1),"
             " ('bonus', 'approver', 1), ('package', 'approver', 1), ('committee', 'approver', 1)",
         }},
        {5,
         "member registry",
         {
             // Search columns compare byte-wise ({CTEXT}) so prefix ranges use the index on both backends.
             "CREATE TABLE members ("
             " id {PK},"
             " number TEXT NOT NULL UNIQUE,"
             " name {CTEXT} NOT NULL,"
             " name_pinyin {CTEXT} NOT NULL,"
             " name_initials {CTEXT} NOT NULL,"
             " mobile TEXT,"
             " mobile_tail TEXT,"
             " email TEXT,"
             " birthday {DATE},"
             " gender TEXT NOT NULL DEFAULT 'unknown',"
             " member_type TEXT NOT NULL DEFAULT 'individual',"
             " company TEXT NOT NULL DEFAULT '',"
             " channel TEXT NOT NULL DEFAULT 'store',"
             " home_store TEXT NOT NULL DEFAULT '',"
             " referrer_id BIGINT REFERENCES members (id),"
             " tags TEXT NOT NULL DEFAULT '',"
             " consent_sms INTEGER NOT NULL DEFAULT 0,"
             " consent_email INTEGER NOT NULL DEFAULT 0,"
             " notes TEXT NOT NULL DEFAULT '',"
             " state TEXT NOT NULL DEFAULT 'registered',"
             " created_at {TS} NOT NULL,"
             " updated_at {TS} NOT NULL,"
             " updated_by TEXT NOT NULL,"
             " version INTEGER NOT NULL DEFAULT 1)",
             // Same mobile number = same person (domain.md §2): the schema refuses a second one.
             "CREATE UNIQUE INDEX members_mobile ON members (mobile) WHERE mobile IS NOT NULL",
             // Each search key is indexed together with the number it is sorted by, so a
             // "first 50 matches" query reads 50 index entries instead of sorting every match.
             "CREATE INDEX members_mobile_tail ON members (mobile_tail, number)",
             "CREATE INDEX members_email ON members (email, number)",
             "CREATE INDEX members_name ON members (name, number)",
             "CREATE INDEX members_name_pinyin ON members (name_pinyin, number)",
             "CREATE INDEX members_name_initials ON members (name_initials, number)",
             "CREATE TABLE member_state_history ("
             " id {PK},"
             " member_id BIGINT NOT NULL REFERENCES members (id),"
             " from_state TEXT,"
             " to_state TEXT NOT NULL,"
             " at {TS} NOT NULL,"
             " reason TEXT NOT NULL DEFAULT '',"
             " actor TEXT NOT NULL)",
             "CREATE INDEX member_state_history_member ON member_state_history (member_id, id)",
         }},
        {6,
         "member activity, lifecycle runs and merges",
         {
             // The dates the lifecycle job reads; the ledger keeps them current as it records
             // recharges and purchases, so the job never scans transactions.
             "ALTER TABLE members ADD COLUMN first_recharge_on {DATE}",
             "ALTER TABLE members ADD COLUMN first_purchase_on {DATE}",
             "ALTER TABLE members ADD COLUMN last_activity_on {DATE}",
             "CREATE TABLE lifecycle_runs ("
             " id {PK},"
             " as_of {DATE} NOT NULL,"
             " dormant_after_days INTEGER NOT NULL,"
             " lapsed_after_days INTEGER NOT NULL,"
             " evaluated BIGINT NOT NULL,"
             " changed BIGINT NOT NULL,"
             " moves TEXT NOT NULL,"  // JSON: [{"from": "activated", "to": "dormant", "count": 12}, ...]
             " run_by TEXT NOT NULL,"
             " run_at {TS} NOT NULL)",
             // A merged-away member's number keeps pointing at the member that absorbed it,
             // with the absorbed record as it was, so nothing about it is lost.
             "CREATE TABLE member_merges ("
             " id {PK},"
             " absorbed_number TEXT NOT NULL UNIQUE,"
             " survivor_id BIGINT NOT NULL REFERENCES members (id),"
             " absorbed_record TEXT NOT NULL,"
             " merged_by TEXT NOT NULL,"
             " merged_at {TS} NOT NULL)",
             "CREATE INDEX member_merges_survivor ON member_merges (survivor_id)",
             "INSERT INTO approval_rules (kind, approver_role, approvals_needed) VALUES ('lifecycle', 'approver', 1)",
         }},
        {7,
         "member import column mappings",
         {
             // Each source system's CSV header → member fields, saved by `member import --source`.
             "CREATE TABLE import_mappings ("
             " source TEXT PRIMARY KEY,"
             " mapping TEXT NOT NULL,"  // JSON object: {"手机号": "mobile", ...}
             " updated_by TEXT NOT NULL,"
             " updated_at {TS} NOT NULL)",
         }},
        {8,
         "member list sort and filter indexes",
         {
             // Each serves one sort of the member list (and the filter on the same column); the
             // name sort uses members_name_pinyin, the number sort the number's unique index.
             "CREATE INDEX members_state ON members (state, number)",
             "CREATE INDEX members_home_store ON members (home_store, number)",
         }},
        {9,
         "stored value and points ledger",
         {
             // One open account per member holds the current balances; the CHECKs are the
             // last line of defence for "no balance is ever negative". A merged-away member's
             // account is closed (emptied into the survivor's) and kept with its history.
             "CREATE TABLE accounts ("
             " id {PK},"
             " member_id BIGINT NOT NULL REFERENCES members (id),"
             " is_open INTEGER NOT NULL DEFAULT 1 CHECK (is_open IN (0, 1)),"
             " principal BIGINT NOT NULL DEFAULT 0 CHECK (principal >= 0),"
             " bonus BIGINT NOT NULL DEFAULT 0 CHECK (bonus >= 0),"
             " compensation BIGINT NOT NULL DEFAULT 0 CHECK (compensation >= 0),"
             " coins BIGINT NOT NULL DEFAULT 0 CHECK (coins >= 0),"
             " package_value BIGINT NOT NULL DEFAULT 0 CHECK (package_value >= 0),"
             " coin_member_since {DATE},"  // the day a recharge or purchase reached the entry threshold
             " opened_at {TS} NOT NULL)",
             "CREATE UNIQUE INDEX accounts_open_member ON accounts (member_id) WHERE is_open = 1",
             "CREATE INDEX accounts_member ON accounts (member_id)",
             // One row per request: the idempotency key, what was asked (to refuse the same key
             // with other content) and the balances after it (to answer a repeat identically).
             "CREATE TABLE ledger_requests ("
             " id {PK},"
             " idem_key TEXT NOT NULL UNIQUE,"
             " kind TEXT NOT NULL,"
             " request TEXT NOT NULL,"
             " account_id BIGINT NOT NULL REFERENCES accounts (id),"
             " business_day {DATE} NOT NULL,"
             " principal_after BIGINT NOT NULL,"
             " bonus_after BIGINT NOT NULL,"
             " compensation_after BIGINT NOT NULL,"
             " coins_after BIGINT NOT NULL,"
             " package_after BIGINT NOT NULL,"
             " detail TEXT NOT NULL DEFAULT '',"
             " actor TEXT NOT NULL,"
             " at {TS} NOT NULL)",
             // Append-only: no code updates or deletes an entry. amount is signed fen (coins for
             // the coins bucket); balance_after is that bucket's balance after the line.
             "CREATE TABLE ledger_entries ("
             " id {PK},"
             " request_id BIGINT NOT NULL REFERENCES ledger_requests (id),"
             " account_id BIGINT NOT NULL REFERENCES accounts (id),"
             " entry_type TEXT NOT NULL,"
             " bucket TEXT NOT NULL CHECK (bucket IN ('principal', 'bonus', 'compensation', 'coins', 'package')),"
             " amount BIGINT NOT NULL CHECK (amount <> 0),"
             " balance_after BIGINT NOT NULL CHECK (balance_after >= 0),"
             " business_day {DATE} NOT NULL,"
             " reason TEXT NOT NULL DEFAULT '',"
             " actor TEXT NOT NULL,"
             " at {TS} NOT NULL)",
             "CREATE INDEX ledger_entries_account ON ledger_entries (account_id, id)",
             "CREATE INDEX ledger_entries_request ON ledger_entries (request_id)",
             "CREATE INDEX ledger_entries_day ON ledger_entries (business_day)",
             // A purchase as paid, and how much of it has gone back, so a refund can never
             // return more than was paid or return it to another bucket.
             "CREATE TABLE purchases ("
             " id {PK},"
             " request_id BIGINT NOT NULL UNIQUE REFERENCES ledger_requests (id),"
             " account_id BIGINT NOT NULL REFERENCES accounts (id),"
             " business_day {DATE} NOT NULL,"
             " kind TEXT NOT NULL,"
             " channel TEXT NOT NULL,"
             " store TEXT NOT NULL DEFAULT '',"
             " list_price BIGINT NOT NULL,"
             " discount_bp INTEGER NOT NULL,"
             " paid_principal BIGINT NOT NULL,"
             " paid_bonus BIGINT NOT NULL,"
             " paid_compensation BIGINT NOT NULL,"
             " paid_other BIGINT NOT NULL,"
             " coins_earned BIGINT NOT NULL,"
             " refunded BIGINT NOT NULL DEFAULT 0,"
             " refunded_principal BIGINT NOT NULL DEFAULT 0,"
             " refunded_bonus BIGINT NOT NULL DEFAULT 0,"
             " refunded_compensation BIGINT NOT NULL DEFAULT 0,"
             " refunded_other BIGINT NOT NULL DEFAULT 0,"
             " coins_taken_back BIGINT NOT NULL DEFAULT 0,"
             " CHECK (refunded <= paid_principal + paid_bonus + paid_compensation + paid_other))",
             // Coins earned together, spent nearest expiry first.
             "CREATE TABLE coin_lots ("
             " id {PK},"
             " account_id BIGINT NOT NULL REFERENCES accounts (id),"
             " entry_id BIGINT NOT NULL REFERENCES ledger_entries (id),"
             " earned_on {DATE} NOT NULL,"
             " expires_on {DATE},"
             " coins BIGINT NOT NULL CHECK (coins > 0),"
             " remaining BIGINT NOT NULL CHECK (remaining >= 0 AND remaining <= coins))",
             "CREATE INDEX coin_lots_account ON coin_lots (account_id, expires_on)",
             // A meal package bought from stored value: what it cost from each bucket, the goods
             // value still owed (`undelivered`, the sum behind the account's package bucket).
             "CREATE TABLE package_subscriptions ("
             " id {PK},"
             " request_id BIGINT NOT NULL UNIQUE REFERENCES ledger_requests (id),"
             " account_id BIGINT NOT NULL REFERENCES accounts (id),"
             " package_code TEXT NOT NULL,"
             " package_name TEXT NOT NULL,"
             " price BIGINT NOT NULL,"
             " paid_principal BIGINT NOT NULL,"
             " paid_bonus BIGINT NOT NULL,"
             " paid_compensation BIGINT NOT NULL,"
             " value_owed BIGINT NOT NULL,"
             " deliveries INTEGER NOT NULL CHECK (deliveries > 0),"
             " delivered INTEGER NOT NULL DEFAULT 0 CHECK (delivered >= 0 AND delivered <= deliveries),"
             " undelivered BIGINT NOT NULL CHECK (undelivered >= 0),"
             " refunded BIGINT NOT NULL DEFAULT 0,"
             " state TEXT NOT NULL CHECK (state IN ('active', 'completed', 'cancelled')),"
             " started_on {DATE} NOT NULL,"
             " ended_on {DATE})",
             "CREATE INDEX package_subscriptions_account ON package_subscriptions (account_id, id)",
             "CREATE INDEX coin_lots_expiry ON coin_lots (expires_on) WHERE remaining > 0",
             // A manual adjustment above this amount waits for a second person (maker-checker).
             "INSERT INTO settings (name, value) VALUES ('adjust_approval_above', '1000.00')",
             "CREATE TABLE adjustment_requests ("
             " id {PK},"
             " idem_key TEXT NOT NULL UNIQUE,"
             " member_id BIGINT NOT NULL REFERENCES members (id),"
             " bucket TEXT NOT NULL,"
             " direction TEXT NOT NULL CHECK (direction IN ('up', 'down')),"
             " amount BIGINT NOT NULL CHECK (amount > 0),"
             " reason TEXT NOT NULL,"
             " requested_by TEXT NOT NULL,"
             " requested_at {TS} NOT NULL,"
             " state TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'rejected')),"
             " decided_by TEXT,"
             " decided_at {TS},"
             " comment TEXT NOT NULL DEFAULT '',"
             " txn_id BIGINT REFERENCES ledger_requests (id))",
             // The coin expiry job's log: what each run took, as of which day.
             "CREATE TABLE coin_expiry_runs ("
             " id {PK},"
             " as_of {DATE} NOT NULL,"
             " accounts BIGINT NOT NULL,"
             " coins BIGINT NOT NULL,"
             " run_by TEXT NOT NULL,"
             " run_at {TS} NOT NULL)",
         }},
        {10,
         "prepaid card batches and cards",
         {
             "CREATE TABLE card_batches ("
             " id {PK},"
             " code TEXT NOT NULL UNIQUE,"
             " face_value BIGINT NOT NULL CHECK (face_value > 0),"
             " bonus BIGINT NOT NULL DEFAULT 0 CHECK (bonus >= 0),"
             " quantity INTEGER NOT NULL CHECK (quantity > 0),"
             " expires_on {DATE},"
             " note TEXT NOT NULL DEFAULT '',"
             " created_by TEXT NOT NULL,"
             " created_at {TS} NOT NULL)",
             // The PIN is kept only as an Argon2id hash; the clear PIN leaves once, on the sheet
             // and in the export file written while the batch is created.
             "CREATE TABLE cards ("
             " id {PK},"
             " number TEXT NOT NULL UNIQUE,"
             " batch_id BIGINT NOT NULL REFERENCES card_batches (id),"
             " state TEXT NOT NULL CHECK (state IN ('issued', 'sold', 'activated', 'blocked', 'closed', 'expired')),"
             " state_before_block TEXT,"
             " pin_hash TEXT NOT NULL,"
             " wrong_pins INTEGER NOT NULL DEFAULT 0,"
             " member_id BIGINT REFERENCES members (id),"
             " request_id BIGINT REFERENCES ledger_requests (id),"
             " version INTEGER NOT NULL DEFAULT 1)",
             "CREATE INDEX cards_batch ON cards (batch_id, number)",
             "CREATE INDEX cards_member ON cards (member_id)",
             "CREATE TABLE card_events ("
             " id {PK},"
             " card_id BIGINT NOT NULL REFERENCES cards (id),"
             " from_state TEXT,"
             " to_state TEXT NOT NULL,"
             " reason TEXT NOT NULL DEFAULT '',"
             " actor TEXT NOT NULL,"
             " at {TS} NOT NULL)",
             "CREATE INDEX card_events_card ON card_events (card_id, id)",
         }},
        {11,
         "tier engine: qualifying movements, tiers held, history, overrides, recompute runs",
         {
             // What tiers are measured by, one row per movement, written with the ledger lines in
             // the same transaction: spend (purchases paid, refunds negative), package purchases,
             // recharges (cash paid, card face values) and coins (earned, taken back negative).
             // `source` and `list_price` let the what-if replay a purchase or a cash recharge
             // under other rules without reading the ledger.
             "CREATE TABLE tier_facts ("
             " id {PK},"
             " member_id BIGINT NOT NULL REFERENCES members (id),"
             " day {DATE} NOT NULL,"
             " kind TEXT NOT NULL CHECK (kind IN ('spend', 'package', 'recharge', 'coins')),"
             " amount BIGINT NOT NULL,"
             " source TEXT NOT NULL DEFAULT 'other' CHECK (source IN ('purchase', 'cash_recharge', 'other')),"
             " list_price BIGINT,"
             " request_id BIGINT REFERENCES ledger_requests (id))",
             "CREATE INDEX tier_facts_member ON tier_facts (member_id, day)",
             "CREATE INDEX tier_facts_day ON tier_facts (day)",
             // Movements posted before this version, from the ledger as it stands (a refund counts
             // on its purchase's day here; from now on it counts on its own day).
             "INSERT INTO tier_facts (member_id, day, kind, amount, source, list_price, request_id)"
             " SELECT a.member_id, p.business_day, CASE WHEN p.kind = 'meal_package' THEN 'package' ELSE 'spend' END,"
             " p.paid_principal + p.paid_bonus + p.paid_compensation + p.paid_other - p.refunded, 'purchase',"
             " p.list_price, p.request_id"
             " FROM purchases p JOIN accounts a ON a.id = p.account_id"
             " WHERE p.paid_principal + p.paid_bonus + p.paid_compensation + p.paid_other - p.refunded <> 0",
             "INSERT INTO tier_facts (member_id, day, kind, amount, request_id)"
             " SELECT a.member_id, s.started_on, 'package', s.price - s.refunded, s.request_id"
             " FROM package_subscriptions s JOIN accounts a ON a.id = s.account_id WHERE s.price - s.refunded <> 0",
             "INSERT INTO tier_facts (member_id, day, kind, amount, source, request_id)"
             " SELECT a.member_id, e.business_day, 'recharge', e.amount,"
             " CASE WHEN e.entry_type = 'cash_recharge' THEN 'cash_recharge' ELSE 'other' END, e.request_id"
             " FROM ledger_entries e JOIN accounts a ON a.id = e.account_id"
             " WHERE e.entry_type IN ('cash_recharge', 'card_load') AND e.bucket = 'principal'",
             "INSERT INTO tier_facts (member_id, day, kind, amount, source, request_id)"
             " SELECT a.member_id, e.business_day, 'coins', e.amount,"
             " CASE WHEN e.entry_type = 'points_earned' AND EXISTS (SELECT 1 FROM purchases p WHERE p.request_id = e.request_id)"
             " THEN 'purchase' ELSE 'other' END, e.request_id"
             " FROM ledger_entries e JOIN accounts a ON a.id = e.account_id"
             " WHERE e.entry_type IN ('points_earned', 'points_reversed')",
             // The tier each member holds on each ladder (no row = below the first tier).
             "CREATE TABLE member_tiers ("
             " member_id BIGINT NOT NULL REFERENCES members (id),"
             " ladder TEXT NOT NULL,"
             " tier TEXT NOT NULL,"
             " since {DATE} NOT NULL,"
             " PRIMARY KEY (member_id, ladder))",
             "CREATE INDEX member_tiers_ladder ON member_tiers (ladder, tier)",
             // Every move up or down, with what caused it (a transaction, a run, an override) and
             // the audit line it belongs to.
             "CREATE TABLE tier_history ("
             " id {PK},"
             " member_id BIGINT NOT NULL REFERENCES members (id),"
             " ladder TEXT NOT NULL,"
             " from_tier TEXT,"
             " to_tier TEXT,"
             " day {DATE} NOT NULL,"
             " source TEXT NOT NULL,"
             " audit_id BIGINT,"
             " actor TEXT NOT NULL,"
             " at {TS} NOT NULL)",
             "CREATE INDEX tier_history_member ON tier_history (member_id, id)",
             "CREATE TABLE tier_overrides ("
             " id {PK},"
             " member_id BIGINT NOT NULL REFERENCES members (id),"
             " ladder TEXT NOT NULL,"
             " tier TEXT NOT NULL,"
             " reason TEXT NOT NULL CHECK (reason <> ''),"
             " starts {DATE} NOT NULL,"
             " expires {DATE} NOT NULL,"
             " state TEXT NOT NULL CHECK (state IN ('pending', 'active', 'rejected', 'withdrawn')),"
             " requested_by TEXT NOT NULL,"
             " requested_at {TS} NOT NULL,"
             " decided_by TEXT,"
             " decided_at {TS},"
             " comment TEXT NOT NULL DEFAULT '',"
             " CHECK (expires >= starts))",
             "CREATE INDEX tier_overrides_member ON tier_overrides (member_id, ladder)",
             "INSERT INTO settings (name, value) VALUES ('override_needs_approval', 'yes')",
             // The tier a committee seat needs ("ladder:tier", or a higher tier on that ladder).
             "INSERT INTO settings (name, value) VALUES ('committee_tier', 'premium:lifetime_honorary')",
             // A recompute run: resumable from after_member; changes are logged per member.
             "CREATE TABLE tier_runs ("
             " id {PK},"
             " as_of {DATE} NOT NULL,"
             " purpose TEXT NOT NULL,"
             " state TEXT NOT NULL CHECK (state IN ('running', 'finished')),"
             " after_member BIGINT NOT NULL DEFAULT 0,"
             " members BIGINT NOT NULL DEFAULT 0,"
             " up BIGINT NOT NULL DEFAULT 0,"
             " down BIGINT NOT NULL DEFAULT 0,"
             " same BIGINT NOT NULL DEFAULT 0,"
             " audit_id BIGINT,"
             " started_by TEXT NOT NULL,"
             " started_at {TS} NOT NULL,"
             " finished_at {TS})",
             "CREATE TABLE tier_run_changes ("
             " run_id BIGINT NOT NULL REFERENCES tier_runs (id),"
             " member_id BIGINT NOT NULL REFERENCES members (id),"
             " ladder TEXT NOT NULL,"
             " from_tier TEXT,"
             " to_tier TEXT)",
             "CREATE INDEX tier_run_changes_run ON tier_run_changes (run_id, member_id)",
             // The what-if result shown to an approver, worked out when the request is submitted.
             "ALTER TABLE change_requests ADD COLUMN simulation TEXT",
         }},
        {12,
         "stored-value setting under approval",
         {
             // Which bucket a purchase spends first is a programme item (kind stored_value); with
             // no version approved yet, purchases spend principal, then bonus, then compensation.
             "INSERT INTO approval_rules (kind, approver_role, approvals_needed) VALUES ('stored_value', 'approver', 1)",
         }},
        {13,
         "campaigns: approval rule and the campaign behind a ledger line",
         {
             // Campaigns are programme items (kind campaign): launching one is approving it.
             "INSERT INTO approval_rules (kind, approver_role, approvals_needed) VALUES ('campaign', 'approver', 1)",
             // Coins a campaign added (double points, referral, birthday) name it, for its ROI.
             "ALTER TABLE ledger_entries ADD COLUMN campaign TEXT NOT NULL DEFAULT ''",
             "CREATE INDEX ledger_entries_campaign ON ledger_entries (campaign) WHERE campaign <> ''",
         }},
        {14,
         "complaints: tickets, their timelines and compensation",
         {
             // One row per ticket. Times are UTC like every {TS}; the deadline clocks count them
             // in business time. `version` guards saves (two staff on one ticket: a conflict).
             // The ticket number people quote (C2026-000042) is made from the id and the year
             // opened, so it is not stored.
             "CREATE TABLE complaints ("
             " id {PK},"
             " member_id BIGINT NOT NULL REFERENCES members (id),"
             " channel TEXT NOT NULL,"
             " category TEXT NOT NULL,"
             " severity TEXT NOT NULL,"
             " premium INTEGER NOT NULL DEFAULT 0 CHECK (premium IN (0, 1)),"
             " subject TEXT NOT NULL,"
             " description TEXT NOT NULL DEFAULT '',"
             " owner TEXT NOT NULL DEFAULT '',"
             " status TEXT NOT NULL,"
             " opened_at {TS} NOT NULL,"
             " responded_at {TS},"
             " resolved_at {TS},"
             " closed_at {TS},"
             " satisfaction INTEGER CHECK (satisfaction BETWEEN 1 AND 5),"
             " root_cause TEXT NOT NULL DEFAULT '',"
             " resolution_note TEXT NOT NULL DEFAULT '',"
             " linked_to BIGINT REFERENCES complaints (id),"
             " version INTEGER NOT NULL DEFAULT 1,"
             " updated_at {TS} NOT NULL,"
             " updated_by TEXT NOT NULL)",
             // The duplicate rule looks for the member's tickets of one category in the last 7 days.
             "CREATE INDEX complaints_member ON complaints (member_id, category, opened_at)",
             "CREATE INDEX complaints_queue ON complaints (status, owner)",
             // The timeline: opened, assigned, each status change, notes, compensation.
             "CREATE TABLE complaint_events ("
             " id {PK},"
             " complaint_id BIGINT NOT NULL REFERENCES complaints (id),"
             " at {TS} NOT NULL,"
             " actor TEXT NOT NULL,"
             " kind TEXT NOT NULL,"
             " from_status TEXT,"
             " to_status TEXT,"
             " text TEXT NOT NULL DEFAULT '')",
             "CREATE INDEX complaint_events_complaint ON complaint_events (complaint_id, id)",
             // Compensation granted on a ticket: paid at once within the granting role's caps,
             // else pending until someone else decides; `txn_id` is the ledger request that paid it.
             "CREATE TABLE complaint_compensations ("
             " id {PK},"
             " complaint_id BIGINT NOT NULL REFERENCES complaints (id),"
             " kind TEXT NOT NULL CHECK (kind IN ('coins', 'stored_value', 'benefit')),"
             " coins BIGINT NOT NULL DEFAULT 0 CHECK (coins >= 0),"
             " amount BIGINT NOT NULL DEFAULT 0 CHECK (amount >= 0),"
             " benefit TEXT NOT NULL DEFAULT '',"
             " reason TEXT NOT NULL,"
             " state TEXT NOT NULL CHECK (state IN ('paid', 'pending', 'rejected')),"
             " granted_by TEXT NOT NULL,"
             " granted_at {TS} NOT NULL,"
             " decided_by TEXT NOT NULL DEFAULT '',"
             " decided_at {TS},"
             " comment TEXT NOT NULL DEFAULT '',"
             " txn_id BIGINT REFERENCES ledger_requests (id))",
             "CREATE INDEX complaint_compensations_complaint ON complaint_compensations (complaint_id)",
             "CREATE INDEX complaint_compensations_user ON complaint_compensations (granted_by, granted_at)",
         }},
        {15,
         "complaint desk calendar and policy under approval",
         {
             // They change deadlines and compensation caps, so an approver decides them.
             "INSERT INTO approval_rules (kind, approver_role, approvals_needed) VALUES ('business_calendar', 'approver', 1)",
             "INSERT INTO approval_rules (kind, approver_role, approvals_needed) VALUES ('complaint_policy', 'approver', 1)",
         }},
        {16,
         "a card found from its activation's ledger request",
         {
             // The liability by card batch follows a card load line to its card through the request.
             "CREATE INDEX cards_request ON cards (request_id)",
         }},
        {17,
         "indexes on the child keys that referred to ledger lines and requests without one",
         {
             // Without them, a parent row's insert while a foreign-key violation is pending, and any
             // parent update or delete, scans the whole child table (tests/services/query_plan_test).
             "CREATE INDEX coin_lots_entry ON coin_lots (entry_id)",
             "CREATE INDEX tier_facts_request ON tier_facts (request_id)",
             "CREATE INDEX complaint_compensations_txn ON complaint_compensations (txn_id)",
         }},
        {18,
         "the audit trail's hash chain",
         {
             // Each record's hash covers the one before it (services/audit_chain). Records already
             // written stay as they are, outside the chain: first_id is where it begins.
             "ALTER TABLE audit_log ADD COLUMN prev_hash TEXT",
             "ALTER TABLE audit_log ADD COLUMN hash TEXT",
             "CREATE TABLE audit_chain ("
             " id INTEGER PRIMARY KEY CHECK (id = 1),"
             " first_id BIGINT NOT NULL,"
             " last_id BIGINT NOT NULL,"
             " hash TEXT NOT NULL)",
             "INSERT INTO audit_chain (id, first_id, last_id, hash) SELECT 1, COALESCE(MAX(id), 0) + 1, 0, '' FROM audit_log",
         }},
    };
    return list;
}

std::string spell(const char* statement, Backend backend) {
    std::string sql = statement;
    auto replace_all = [&sql](const std::string& token, const std::string& spelling) {
        for (std::size_t at = sql.find(token); at != std::string::npos; at = sql.find(token, at + spelling.size()))
            sql.replace(at, token.size(), spelling);
    };
    const bool sqlite = backend == Backend::Sqlite;
    replace_all("{PK}", sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
    replace_all("{TS}", sqlite ? "TEXT" : "TIMESTAMP(0)");
    replace_all("{DATE}", sqlite ? "TEXT" : "DATE");
    replace_all("{CTEXT}", sqlite ? "TEXT" : "TEXT COLLATE \"C\"");
    return sql;
}

bool has_version_table(Database& db) {
    long long tables = 0;
    if (db.backend() == Backend::Sqlite)
        db.sql() << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'",
            soci::into(tables);
    else
        db.sql() << "SELECT COUNT(*) FROM information_schema.tables"
                    " WHERE table_schema = current_schema() AND table_name = 'schema_version'",
            soci::into(tables);
    return tables > 0;
}

int read_version(Database& db) {
    if (!has_version_table(db)) return 0;
    int version = 0;
    soci::indicator ind = soci::i_null;
    db.sql() << "SELECT MAX(version) FROM schema_version", soci::into(version, ind);
    return ind == soci::i_ok ? version : 0;
}

void refuse_newer(Database& db, int found) {
    throw StorageError(subst(tr("db: the database at {0} has schema version {1}, newer than this MemberDesk "
                                "understands ({2}); use a newer MemberDesk"),
                             {db.url().display, std::to_string(found), std::to_string(latest_schema_version())}));
}

}  // namespace

int latest_schema_version() { return migrations().back().version; }

int schema_version(Database& db) {
    return db.guarded("reading the schema version", [&] { return read_version(db); });
}

void migrate(Database& db, int target) {
    if (target <= 0) target = latest_schema_version();
    const int before = schema_version(db);
    if (before > latest_schema_version()) refuse_newer(db, before);
    for (const Migration& m : migrations()) {
        if (m.version > target) break;
        if (m.version <= before) continue;
        db.guarded("migrating the schema", [&] {
            Transaction tx(db);
            // Two consoles upgrading at once: the second waits here, then finds the work done.
            if (db.backend() == Backend::Postgres) db.sql() << "SELECT pg_advisory_xact_lock(74110001)";
            if (read_version(db) >= m.version) return;
            for (const char* statement : m.statements) db.sql() << spell(statement, db.backend());
            const std::string description = m.description;
            const std::string applied_at = format_instant(now_utc());
            db.sql() << "INSERT INTO schema_version (version, description, applied_at) VALUES (:v, :d, :a)",
                soci::use(m.version), soci::use(description), soci::use(applied_at);
            tx.commit();
        });
    }
}

void require_current_schema(Database& db) {
    const int found = schema_version(db);
    if (found == latest_schema_version()) return;
    if (found > latest_schema_version()) refuse_newer(db, found);
    if (found == 0)
        throw NotFoundError(subst(tr("db: {0} holds no MemberDesk database (create one with: memberdesk-cli db init)"),
                                  {db.url().display}));
    throw StorageError(subst(tr("db: the database at {0} has schema version {1}, older than this MemberDesk "
                                "({2}); upgrade it with: memberdesk-cli db migrate"),
                             {db.url().display, std::to_string(found), std::to_string(latest_schema_version())}));
}

}  // namespace md

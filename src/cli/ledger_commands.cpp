// `txn recharge|purchase|refund|redeem|adjust|show` (`txn batch` in ledger_batch_command.cpp) and
// `account show|history`: stored value and exchange coins from the command line. Every posting
// takes `--key`, so a script that retries after a timeout never posts twice.
#include "cli/commands.h"
#include "cli/json_output.h"
#include "models/errors.h"

#include <memory>

namespace md::cli {
namespace {

// Value buckets print as yuan ("100.00"), coins as whole numbers.
nlohmann::json amount_json(Bucket bucket, std::int64_t amount) {
    if (bucket == Bucket::Coins) return amount;
    return Money::from_fen(amount).to_string();
}

std::string amount_text(Bucket bucket, std::int64_t amount) {
    if (bucket == Bucket::Coins) return (amount > 0 ? "+" : "") + std::to_string(amount) + " coins";
    return (amount > 0 ? "+" : "") + Money::from_fen(amount).to_string();
}

nlohmann::json entry_json(const LedgerEntry& e) {
    return {{"id", e.id},
            {"txn", e.request_id},
            {"type", entry_type_code(e.type)},
            {"bucket", bucket_code(e.bucket)},
            {"amount", amount_json(e.bucket, e.amount)},
            {"balance_after", amount_json(e.bucket, e.balance_after)},
            {"business_day", format_date(e.business_day)},
            {"reason", e.reason},
            {"actor", e.actor},
            {"at", iso_utc(e.at)},
            {"campaign", e.campaign.empty() ? nlohmann::json() : nlohmann::json(e.campaign)}};
}

std::string entry_line(const LedgerEntry& e) {
    return format_date(e.business_day) + "  T" + std::to_string(e.request_id) + "  " + entry_type_code(e.type) + "  " +
           bucket_code(e.bucket) + "  " + amount_text(e.bucket, e.amount) + "  → " +
           (e.bucket == Bucket::Coins ? std::to_string(e.balance_after) : Money::from_fen(e.balance_after).to_string()) +
           (e.reason.empty() ? "" : "  (" + e.reason + ")");
}

nlohmann::json balances_json(const StoredValue& v, std::int64_t coins) {
    return {{"principal", v.principal.to_string()},
            {"bonus", v.bonus.to_string()},
            {"compensation", v.compensation.to_string()},
            {"stored_value", v.total().to_string()},
            {"coins", coins}};
}

nlohmann::json with_package(nlohmann::json balances, Money package) {
    balances["package"] = package.to_string();
    return balances;
}

std::string balances_text(const StoredValue& v, std::int64_t coins) {
    return "stored value " + v.total().to_string() + " (principal " + v.principal.to_string() + ", bonus " +
           v.bonus.to_string() + ", compensation " + v.compensation.to_string() + "), " + std::to_string(coins) +
           " coins";
}


nlohmann::json subscription_json(const Subscription& s) {
    return {{"subscription", s.id},
            {"package", s.package_code},
            {"name", s.package_name},
            {"price", s.price.to_string()},
            {"value_owed", s.value_owed.to_string()},
            {"deliveries", s.deliveries},
            {"delivered", s.delivered},
            {"remaining", s.deliveries - s.delivered},
            {"undelivered_value", s.undelivered.to_string()},
            {"refunded", s.refunded.to_string()},
            {"state", s.state},
            {"started_on", format_date(s.started_on)},
            {"ended_on", s.ended_on ? nlohmann::json(format_date(*s.ended_on)) : nlohmann::json()}};
}

std::string subscription_line(const Subscription& s) {
    return "S" + std::to_string(s.id) + "  " + s.package_code + "  " + s.package_name + "  " + s.state + "  " +
           std::to_string(s.delivered) + "/" + std::to_string(s.deliveries) + " delivered, " +
           s.undelivered.to_string() + " undelivered";
}

std::int64_t parse_subscription(const std::string& text) {
    return parse_reference(Reference::Subscription, text, "subscription");
}

}  // namespace

void print_txn_result(CliContext& ctx, const TxnResult& r) {
    if (r.pending_adjustment && r.txn == 0) {
        const std::string label = "A" + std::to_string(r.pending_adjustment);
        ctx.print({{"pending_adjustment", r.pending_adjustment}, {"kind", r.kind}, {"key", r.key},
                   {"member", r.member_number}, {"txn", nullptr}},
                  label + "  " + r.member_number + "  nothing posted: the adjustment waits for someone else's approval" +
                      " (txn approve-adjustment " + label + ")");
        return;
    }
    nlohmann::json entries = nlohmann::json::array();
    std::string text = "T" + std::to_string(r.txn) + "  " + r.kind + "  " + r.member_number + "  " +
                       format_date(r.business_day) + (r.repeated ? "  (repeated key: nothing changed)" : "") + "\n";
    for (const LedgerEntry& e : r.entries) {
        entries.push_back(entry_json(e));
        text += "  " + entry_type_code(e.type) + "  " + bucket_code(e.bucket) + "  " + amount_text(e.bucket, e.amount) + "\n";
    }
    text += "  now: " + balances_text(r.value_after, r.coins_after);
    if (r.package_after.fen() > 0) text += ", " + r.package_after.to_string() + " in meal packages to deliver";
    ctx.print({{"txn", r.txn},
               {"kind", r.kind},
               {"key", r.key},
               {"member", r.member_number},
               {"business_day", format_date(r.business_day)},
               {"repeated", r.repeated},
               {"pending_adjustment", r.pending_adjustment ? nlohmann::json(r.pending_adjustment) : nlohmann::json()},
               {"entries", entries},
               {"balances", with_package(balances_json(r.value_after, r.coins_after), r.package_after)},
               {"detail", nlohmann::json::parse(r.detail.empty() ? "{}" : r.detail)}},
              text);
}

namespace {

std::int64_t parse_txn(const std::string& text, const std::string& field) {
    return parse_reference(Reference::Transaction, text, field);
}

std::int64_t parse_count(const std::string& text, const std::string& field) {
    std::string digits = !text.empty() && text[0] == '-' ? text.substr(1) : text;
    if (digits.empty() || digits.size() > 18 || digits.find_first_not_of("0123456789") != std::string::npos)
        throw ValidationError(field, text, field + ": \"" + text + "\" is not a whole number of coins");
    return text[0] == '-' ? -std::stoll(digits) : std::stoll(digits);
}

struct TxnArgs {
    std::string member, amount, key, stored_value, kind = "goods", channel = "store", store, reason, txn, direction,
        bucket = "compensation";
};

}  // namespace

void register_ledger_commands(CLI::App& app, CliContext& ctx) {
    CLI::App* txn = app.add_subcommand("txn", "Post stored-value and coin transactions (each with an idempotency --key)");
    txn->require_subcommand(1);
    register_ledger_batch_command(*txn, ctx);
    const char* key_help = "Idempotency key: the same key again changes nothing and answers the first result";

    auto a = std::make_shared<TxnArgs>();
    CLI::App* recharge = txn->add_subcommand("recharge", "Cash recharge, with the recharge bonus in force today");
    recharge->add_option("member", a->member, "Member number")->required();
    recharge->add_option("amount", a->amount, "Amount paid, in yuan")->required();
    recharge->add_option("--key", a->key, key_help);
    recharge->callback([&ctx, a] {
        const Money amount = Money::parse(a->amount, "amount");
        print_txn_result(ctx, ctx.services().ledger.recharge(ctx.actor(), {a->member, amount, a->key}));
    });

    auto p = std::make_shared<TxnArgs>();
    CLI::App* purchase = txn->add_subcommand("purchase", "A purchase: pays from stored value and earns coins");
    purchase->add_option("member", p->member, "Member number")->required();
    purchase->add_option("amount", p->amount, "List price, in yuan")->required();
    purchase->add_option("--stored-value", p->stored_value,
                         "The part paid from stored value (default all of it; the rest is another tender)");
    purchase->add_option("--kind", p->kind, "goods or meal_package");
    purchase->add_option("--channel", p->channel, "store, web or app");
    purchase->add_option("--store", p->store, "Store");
    purchase->add_option("--key", p->key, key_help);
    purchase->callback([&ctx, p] {
        PurchaseRequest r;
        r.member = p->member;
        r.list_price = Money::parse(p->amount, "amount");
        if (!p->stored_value.empty()) r.stored_value = Money::parse(p->stored_value, "stored_value");
        r.kind = p->kind;
        r.channel = p->channel;
        r.store = p->store;
        r.key = p->key;
        print_txn_result(ctx, ctx.services().ledger.purchase(ctx.actor(), r));
    });

    auto f = std::make_shared<TxnArgs>();
    CLI::App* refund = txn->add_subcommand("refund", "Refund a purchase in whole or in part");
    refund->add_option("purchase", f->txn, "The purchase's transaction number (T12)")->required();
    refund->add_option("amount", f->amount, "Amount to refund, in yuan")->required();
    refund->add_option("--reason", f->reason, "Why");
    refund->add_option("--key", f->key, key_help);
    refund->callback([&ctx, f] {
        RefundRequest r{parse_txn(f->txn, "purchase"), Money::parse(f->amount, "amount"), f->reason, f->key};
        print_txn_result(ctx, ctx.services().ledger.refund(ctx.actor(), r));
    });

    auto d = std::make_shared<TxnArgs>();
    CLI::App* redeem = txn->add_subcommand("redeem", "Redeem coins (nearest expiry first)");
    redeem->add_option("member", d->member, "Member number")->required();
    redeem->add_option("coins", d->amount, "Coins to redeem")->required();
    redeem->add_option("--key", d->key, key_help);
    redeem->callback([&ctx, d] {
        RedeemRequest r{d->member, parse_count(d->amount, "coins"), d->key};
        print_txn_result(ctx, ctx.services().ledger.redeem(ctx.actor(), r));
    });

    auto j = std::make_shared<TxnArgs>();
    CLI::App* adjust = txn->add_subcommand("adjust", "Correct a balance up or down, with a reason (admin, finance)");
    adjust->add_option("member", j->member, "Member number")->required();
    adjust->add_option("direction", j->direction, "up or down")->required()->check(CLI::IsMember({"up", "down"}));
    adjust->add_option("amount", j->amount, "Yuan, or coins with --bucket coins")->required();
    adjust->add_option("--bucket", j->bucket, "principal, bonus, compensation (default) or coins");
    adjust->add_option("--reason", j->reason, "Why (required)");
    adjust->add_option("--key", j->key, key_help);
    adjust->callback([&ctx, j] {
        AdjustRequest r;
        r.member = j->member;
        r.bucket = parse_bucket(j->bucket, "bucket");
        r.up = j->direction == "up";
        r.amount = r.bucket == Bucket::Coins ? parse_count(j->amount, "amount")
                                              : Money::parse(j->amount, "amount").fen();
        r.reason = j->reason;
        r.key = j->key;
        print_txn_result(ctx, ctx.services().ledger.adjust(ctx.actor(), r));
    });

    auto all = std::make_shared<bool>(false);
    CLI::App* list = txn->add_subcommand("adjustments", "Adjustments waiting for approval (--all: decided ones too)");
    list->add_flag("--all", *all, "Decided ones too");
    list->callback([&ctx, all] {
        nlohmann::json out = nlohmann::json::array();
        std::string text;
        for (const AdjustmentRequest& a : ctx.services().ledger.adjustments(ctx.actor(), !*all)) {
            const std::string amount = a.bucket == Bucket::Coins ? std::to_string(a.amount)
                                                                 : Money::from_fen(a.amount).to_string();
            out.push_back({{"id", a.id}, {"member", a.member_number}, {"bucket", bucket_code(a.bucket)},
                           {"direction", a.up ? "up" : "down"}, {"amount", amount}, {"reason", a.reason},
                           {"requested_by", a.requested_by}, {"requested_at", iso_utc(a.requested_at)},
                           {"state", a.state}, {"decided_by", a.decided_by}, {"comment", a.comment},
                           {"txn", a.txn ? nlohmann::json(a.txn) : nlohmann::json()}});
            text += "A" + std::to_string(a.id) + "  " + a.member_number + "  " + bucket_code(a.bucket) + " " +
                    (a.up ? "up " : "down ") + amount + "  " + a.state + "  by " + a.requested_by + "  " + a.reason + "\n";
        }
        ctx.print(out, text.empty() ? "no adjustments" : text.substr(0, text.size() - 1));
    });
    for (const bool approve : {true, false}) {
        auto args = std::make_shared<std::pair<std::string, std::string>>();
        CLI::App* decide = txn->add_subcommand(approve ? "approve-adjustment" : "reject-adjustment",
                                               approve ? "Approve someone else's adjustment: it is posted now"
                                                       : "Reject someone else's adjustment");
        decide->add_option("adjustment", args->first, "A12")->required();
        decide->add_option("--comment", args->second, "Why");
        decide->callback([&ctx, args, approve] {
            const TxnResult r = ctx.services().ledger.decide_adjustment(
                ctx.actor(), parse_reference(Reference::Adjustment, args->first, "adjustment"), approve, args->second);
            if (approve) print_txn_result(ctx, r);
            else ctx.print({{"adjustment", r.pending_adjustment}, {"state", "rejected"}},
                           "A" + std::to_string(r.pending_adjustment) + " rejected");
        });
    }
    auto limit_text = std::make_shared<std::string>();
    CLI::App* adjust_limit = txn->add_subcommand("adjust-limit", "Show, or set (admin), the amount above which an adjustment needs approval");
    adjust_limit->add_option("amount", *limit_text, "New amount in yuan");
    adjust_limit->callback([&ctx, limit_text] {
        const Actor& actor = ctx.actor();
        if (!limit_text->empty())
            ctx.services().ledger.set_adjust_approval_above(actor, Money::parse(*limit_text, "amount"));
        const Money now = ctx.services().ledger.adjust_approval_above();
        ctx.print({{"adjust_approval_above", now.to_string()}},
                  "adjustments above " + now.to_display() + " need someone else's approval");
    });

    auto s = std::make_shared<std::string>();
    CLI::App* show = txn->add_subcommand("show", "One transaction and its ledger lines");
    show->add_option("txn", *s, "Transaction number (T12)")->required();
    show->callback([&ctx, s] { print_txn_result(ctx, ctx.services().ledger.transaction(ctx.actor(), parse_txn(*s, "txn"))); });

    CLI::App* package = app.add_subcommand("package", "Meal-package subscriptions bought from stored value");
    package->require_subcommand(1);
    auto sp = std::make_shared<TxnArgs>();
    CLI::App* subscribe = package->add_subcommand("subscribe", "Buy a meal package from the member's stored value");
    subscribe->add_option("member", sp->member, "Member number")->required();
    subscribe->add_option("package", sp->kind, "Package code in the programme")->required();
    subscribe->add_option("--key", sp->key, key_help);
    subscribe->callback([&ctx, sp] {
        print_txn_result(ctx, ctx.services().ledger.subscribe(ctx.actor(), {sp->member, sp->kind, sp->key}));
    });
    auto dv = std::make_shared<TxnArgs>();
    auto count = std::make_shared<int>(1);
    CLI::App* deliver = package->add_subcommand("deliver", "Record deliveries of a subscription");
    deliver->add_option("subscription", dv->txn, "Subscription number (S12)")->required();
    deliver->add_option("--count", *count, "How many deliveries (default 1)");
    deliver->add_option("--key", dv->key, key_help);
    deliver->callback([&ctx, dv, count] {
        print_txn_result(ctx, ctx.services().ledger.deliver(ctx.actor(), {parse_subscription(dv->txn), *count, dv->key}));
    });
    auto cn = std::make_shared<TxnArgs>();
    CLI::App* cancel = package->add_subcommand("cancel", "Cancel a subscription: the undelivered part is refunded pro rata");
    cancel->add_option("subscription", cn->txn, "Subscription number (S12)")->required();
    cancel->add_option("--reason", cn->reason, "Why");
    cancel->add_option("--key", cn->key, key_help);
    cancel->callback([&ctx, cn] {
        print_txn_result(ctx, ctx.services().ledger.cancel_subscription(
                                  ctx.actor(), {parse_subscription(cn->txn), cn->reason, cn->key}));
    });

    CLI::App* coins = app.add_subcommand("coins", "The coin expiry job");
    coins->require_subcommand(1);
    auto as_of = std::make_shared<std::string>();
    auto day = [&ctx](const std::string& text) {
        return text.empty() ? ctx.services().program.today() : parse_date(text, "as-of");
    };
    CLI::App* preview = coins->add_subcommand("preview", "Count the coins that would expire; changes nothing");
    preview->add_option("--as-of", *as_of, "Coins whose last day is before this day (default today)");
    preview->callback([&ctx, as_of, day] {
        const ExpiryPlan p = ctx.services().ledger.expiry_preview(ctx.actor(), day(*as_of));
        ctx.print({{"as_of", format_date(p.as_of)}, {"accounts", p.accounts}, {"coins", p.coins}},
                  "As of " + format_date(p.as_of) + ": " + std::to_string(p.coins) + " coins on " +
                      std::to_string(p.accounts) + " accounts would expire");
    });
    auto run_as_of = std::make_shared<std::string>();
    CLI::App* expire = coins->add_subcommand("expire", "Expire the coins past their last day and log the run");
    expire->add_option("--as-of", *run_as_of, "Today or earlier (default today)");
    expire->callback([&ctx, run_as_of, day] {
        const ExpiryRun r = ctx.services().ledger.expire_coins(ctx.actor(), day(*run_as_of));
        ctx.print({{"run", r.id}, {"as_of", format_date(r.as_of)}, {"accounts", r.accounts}, {"coins", r.coins}},
                  "Run " + std::to_string(r.id) + ": " + std::to_string(r.coins) + " coins expired on " +
                      std::to_string(r.accounts) + " accounts");
    });
    coins->add_subcommand("runs", "The expiry job's log")->callback([&ctx] {
        nlohmann::json out = nlohmann::json::array();
        std::string text;
        for (const ExpiryRun& r : ctx.services().ledger.expiry_runs(ctx.actor())) {
            out.push_back({{"run", r.id}, {"as_of", format_date(r.as_of)}, {"accounts", r.accounts},
                           {"coins", r.coins}, {"run_by", r.run_by}, {"run_at", iso_utc(r.run_at)}});
            text += std::to_string(r.id) + "  " + format_date(r.as_of) + "  " + std::to_string(r.coins) + " coins  " +
                    std::to_string(r.accounts) + " accounts  " + r.run_by + "\n";
        }
        ctx.print(out, text.empty() ? "no expiry runs" : text.substr(0, text.size() - 1));
    });

    CLI::App* account = app.add_subcommand("account", "A member's stored value and coins");
    account->require_subcommand(1);
    register_opening_import_command(*account, ctx);
    auto m = std::make_shared<std::string>();
    CLI::App* account_show = account->add_subcommand("show", "Balances by bucket, coins and their expiry");
    account_show->add_option("member", *m, "Member number")->required();
    account_show->callback([&ctx, m] {
        const AccountView v = ctx.services().ledger.account(ctx.actor(), *m);
        nlohmann::json lots = nlohmann::json::array();
        std::string text = v.member_number + "  " + v.member_name + "\n  " + balances_text(v.value, v.coins) + "\n" +
                           "  purchases draw on: " + draw_order_codes(v.draw_order) + "\n";
        for (const CoinLot& lot : v.coin_lots) {
            const std::string expires = lot.expires_on ? format_date(*lot.expires_on) : "never";
            lots.push_back({{"earned_on", format_date(lot.earned_on)},
                            {"expires_on", lot.expires_on ? nlohmann::json(format_date(*lot.expires_on)) : nlohmann::json()},
                            {"coins", lot.remaining}});
            text += "  " + std::to_string(lot.remaining) + " coins earned " + format_date(lot.earned_on) +
                    ", expire " + expires + "\n";
        }
        nlohmann::json order = nlohmann::json::array();
        for (Bucket b : v.draw_order) order.push_back(bucket_code(b));
        nlohmann::json subscriptions = nlohmann::json::array();
        for (const Subscription& sub : v.subscriptions) {
            subscriptions.push_back(subscription_json(sub));
            text += "  " + subscription_line(sub) + "\n";
        }
        nlohmann::json out = {{"member", v.member_number},
                              {"name", v.member_name},
                              {"balances", with_package(balances_json(v.value, v.coins), v.package_value)},
                              {"subscriptions", subscriptions},
                              {"usable_coins", v.usable_coins},
                              {"coin_lots", lots},
                              {"coin_member_since", v.coin_member_since ? nlohmann::json(format_date(*v.coin_member_since))
                                                                        : nlohmann::json()},
                              {"draw_order", order},
                              {"entries", v.entries}};
        ctx.print(out, text + "  " + std::to_string(v.entries) + " ledger lines");
    });

    auto hm = std::make_shared<std::string>();
    auto limit = std::make_shared<int>(50);
    auto before = std::make_shared<long long>(0);
    CLI::App* history = account->add_subcommand("history", "Ledger lines, newest first, with running balances");
    history->add_option("member", *hm, "Member number")->required();
    history->add_option("--limit", *limit, "How many lines (default 50)")->check(CLI::PositiveNumber);
    history->add_option("--before", *before, "Lines older than this entry id (to page back)");
    history->callback([&ctx, hm, limit, before] {
        const auto lines = ctx.services().ledger.history(ctx.actor(), *hm, *limit, *before);
        nlohmann::json out = nlohmann::json::array();
        std::string text;
        for (const LedgerEntry& e : lines) {
            out.push_back(entry_json(e));
            text += entry_line(e) + "\n";
        }
        ctx.print(out, text.empty() ? "no ledger lines" : text.substr(0, text.size() - 1));
    });
}

}  // namespace md::cli

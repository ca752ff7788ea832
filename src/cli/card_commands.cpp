// `card batch create|list|export` and `card sell|activate|block|unblock|close|expire|status`: prepaid cards.
// A new batch's PINs go to a PIN file (CSV) and a card sheet (PDF) while the batch is created:
// they are never shown again. An activation's PIN comes from MEMBERDESK_CARD_PIN or the first
// line of standard input, never from an argument (it would show in `ps` and shell history).
#include "cli/commands.h"
#include "cli/json_output.h"
#include "models/errors.h"
#include "reports/card_sheet.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <unistd.h>

namespace md::cli {
namespace {

nlohmann::json card_json(const Card& c) {
    return {{"number", c.number},
            {"batch", c.batch_code},
            {"face_value", c.face_value.to_string()},
            {"bonus", c.bonus.to_string()},
            {"state", card_state_code(c.state)},
            {"wrong_pins", c.wrong_pins},
            {"member", c.member_number.empty() ? nlohmann::json() : nlohmann::json(c.member_number)},
            {"expires_on", c.expires_on ? nlohmann::json(format_date(*c.expires_on)) : nlohmann::json()}};
}

void print_status(CliContext& ctx, const CardStatus& s) {
    nlohmann::json j = card_json(s.card);
    nlohmann::json events = nlohmann::json::array();
    std::string text = group_card_number(s.card.number) + "  " + card_state_code(s.card.state) + "  ¥" +
                       s.card.face_value.to_string() + "  batch " + s.card.batch_code +
                       (s.card.member_number.empty() ? "" : "  member " + s.card.member_number) + "\n";
    for (const CardEvent& e : s.events) {
        events.push_back({{"from", e.from ? nlohmann::json(card_state_code(*e.from)) : nlohmann::json()},
                          {"to", card_state_code(e.to)},
                          {"reason", e.reason},
                          {"actor", e.actor},
                          {"at", iso_utc(e.at)}});
        text += "  " + format_business_time(e.at) + "  " + (e.from ? card_state_code(*e.from) + " → " : "") +
                card_state_code(e.to) + "  " + e.actor + (e.reason.empty() ? "" : "  " + e.reason) + "\n";
    }
    j["events"] = events;
    ctx.print(j, text.substr(0, text.size() - 1));
}

nlohmann::json batch_json(const BatchSummary& s) {
    nlohmann::json cards = nlohmann::json::object();
    for (const auto& [state, n] : s.cards) cards[card_state_code(state)] = n;
    return {{"code", s.batch.code},
            {"face_value", s.batch.face_value.to_string()},
            {"bonus", s.batch.bonus.to_string()},
            {"quantity", s.batch.quantity},
            {"expires_on", s.batch.expires_on ? nlohmann::json(format_date(*s.batch.expires_on)) : nlohmann::json()},
            {"note", s.batch.note},
            {"created_by", s.batch.created_by},
            {"created_at", iso_utc(s.batch.created_at)},
            {"cards", cards}};
}

std::string read_pin() {
    if (const char* env = std::getenv("MEMBERDESK_CARD_PIN"); env && *env) return env;
    if (isatty(STDIN_FILENO)) std::cerr << "PIN: " << std::flush;
    std::string pin;
    std::getline(std::cin, pin);
    while (!pin.empty() && (pin.back() == '\r' || pin.back() == ' ')) pin.pop_back();
    if (pin.empty()) throw UsageError("no PIN: set MEMBERDESK_CARD_PIN or give it on standard input");
    return pin;
}

struct BatchOptions {
    std::string face, expires, note, pins, sheet;
    int quantity = 0;
};

}  // namespace

void register_card_commands(CLI::App& app, CliContext& ctx) {
    CLI::App* card = app.add_subcommand("card", "Prepaid card batches and cards");
    card->require_subcommand(1);
    CLI::App* batch = card->add_subcommand("batch", "Card batches");
    batch->require_subcommand(1);

    auto b = std::make_shared<BatchOptions>();
    CLI::App* create = batch->add_subcommand("create", "Create a batch of one denomination; writes its PINs once");
    create->add_option("--face", b->face, "Face value in yuan (a denomination on sale)")->required();
    create->add_option("--quantity", b->quantity, "How many cards")->required();
    create->add_option("--expires", b->expires, "Last day the cards can be activated (YYYY-MM-DD)");
    create->add_option("--note", b->note, "A note for the batch");
    create->add_option("--pins", b->pins, "The PIN file to write (CSV, UTF-8 with BOM)")->required();
    create->add_option("--sheet", b->sheet, "The printable card sheet to write (PDF)");
    create->callback([&ctx, b] {
        BatchRequest r;
        r.face_value = Money::parse(b->face, "face_value");
        r.quantity = b->quantity;
        if (!b->expires.empty()) r.expires_on = parse_date(b->expires, "expires");
        r.note = b->note;
        const Actor& actor = ctx.actor();
        const CardBatch made = ctx.services().cards.create_batch(
            actor, r, [&](const CardBatch& batch, const std::vector<IssuedCard>& cards) {
                std::ofstream out(b->pins, std::ios::binary | std::ios::trunc);
                if (!out) throw StorageError("pins: cannot create \"" + b->pins + "\"");
                report::write_pin_file(*report::csv_table_writer(out, report::Header::Keys), batch, cards);
                if (!b->sheet.empty()) report::write_card_sheet_pdf(b->sheet, batch, cards);
            });
        ctx.print({{"batch", made.code},
                   {"face_value", made.face_value.to_string()},
                   {"bonus", made.bonus.to_string()},
                   {"quantity", made.quantity},
                   {"pins", b->pins},
                   {"sheet", b->sheet.empty() ? nlohmann::json() : nlohmann::json(b->sheet)}},
                  "Batch " + made.code + ": " + std::to_string(made.quantity) + " cards of ¥" +
                      made.face_value.to_string() + "; PINs written to " + b->pins +
                      (b->sheet.empty() ? "" : " and " + b->sheet) + " (they are not kept: store the files safely)");
    });

    batch->add_subcommand("list", "Every batch with its cards per state")->callback([&ctx] {
        nlohmann::json out = nlohmann::json::array();
        std::string text;
        for (const BatchSummary& s : ctx.services().cards.batches(ctx.actor())) {
            out.push_back(batch_json(s));
            text += s.batch.code + "  ¥" + s.batch.face_value.to_string() + " × " + std::to_string(s.batch.quantity) +
                    "  " + format_business_time(s.batch.created_at) + "  " + s.batch.created_by;
            for (const auto& [state, n] : s.cards) text += "  " + card_state_code(state) + " " + std::to_string(n);
            text += "\n";
        }
        ctx.print(out, text.empty() ? "no card batches" : text.substr(0, text.size() - 1));
    });

    auto e = std::make_shared<std::pair<std::string, std::string>>();
    CLI::App* exp = batch->add_subcommand("export", "A batch's cards and their states to CSV (no PINs)");
    exp->add_option("batch", e->first, "Batch code (B000001)")->required();
    exp->add_option("-o,--output", e->second, "CSV file")->required();
    exp->callback([&ctx, e] {
        std::ofstream out(e->second, std::ios::binary | std::ios::trunc);
        if (!out) throw StorageError("output: cannot create \"" + e->second + "\"");
        auto writer = report::csv_table_writer(out, report::Header::Keys);
        writer->begin({{"card_number", "Card number", report::ColumnType::Text},
                       {"state", "State", report::ColumnType::Text},
                       {"member", "Member", report::ColumnType::Text},
                       {"face_value", "Face value", report::ColumnType::Money},
                       {"wrong_pins", "Wrong PINs", report::ColumnType::Count}});
        long long n = 0;
        ctx.services().cards.for_each_card(ctx.actor(), e->first, [&](const Card& c) {
            writer->row({c.number, card_state_code(c.state),
                         c.member_number.empty() ? report::Cell{} : report::Cell{c.member_number}, c.face_value,
                         static_cast<std::int64_t>(c.wrong_pins)});
            ++n;
        });
        writer->finish();
        ctx.print({{"cards", n}, {"output", e->second}}, std::to_string(n) + " cards written to " + e->second);
    });

    auto number = std::make_shared<std::string>();
    CLI::App* status = card->add_subcommand("status", "A card's state and history");
    status->add_option("card", *number, "Card number")->required();
    status->callback([&ctx, number] { print_status(ctx, ctx.services().cards.status(ctx.actor(), *number)); });

    auto sold = std::make_shared<std::string>();
    CLI::App* sell = card->add_subcommand("sell", "Mark an issued card as sold at the counter");
    sell->add_option("card", *sold, "Card number")->required();
    sell->callback([&ctx, sold] { print_status(ctx, ctx.services().cards.sell(ctx.actor(), *sold)); });

    auto blocked = std::make_shared<std::pair<std::string, std::string>>();
    CLI::App* block = card->add_subcommand("block", "Block a card (lost, stolen...)");
    block->add_option("card", blocked->first, "Card number")->required();
    block->add_option("--reason", blocked->second, "Why (required)");
    block->callback([&ctx, blocked] {
        print_status(ctx, ctx.services().cards.block(ctx.actor(), blocked->first, blocked->second));
    });
    auto unblocked = std::make_shared<std::pair<std::string, std::string>>();
    CLI::App* unblock = card->add_subcommand("unblock", "Unblock a card (its PIN tries start again)");
    unblock->add_option("card", unblocked->first, "Card number")->required();
    unblock->add_option("--reason", unblocked->second, "Why (required)");
    unblock->callback([&ctx, unblocked] {
        print_status(ctx, ctx.services().cards.unblock(ctx.actor(), unblocked->first, unblocked->second));
    });

    auto closed = std::make_shared<std::pair<std::string, std::string>>();
    CLI::App* close = card->add_subcommand("close", "Retire a card for good (destroyed, returned, replaced)");
    close->add_option("card", closed->first, "Card number")->required();
    close->add_option("--reason", closed->second, "Why (required)");
    close->callback([&ctx, closed] {
        print_status(ctx, ctx.services().cards.close(ctx.actor(), closed->first, closed->second));
    });

    auto expire_preview = std::make_shared<bool>(false);
    CLI::App* expire = card->add_subcommand(
        "expire", "Mark never-activated cards whose batch's last activation day has passed as expired");
    expire->add_flag("--preview", *expire_preview, "List them, change nothing");
    expire->callback([&ctx, expire_preview] {
        const std::vector<Card> cards = ctx.services().cards.expire_unused(ctx.actor(), *expire_preview);
        nlohmann::json list = nlohmann::json::array();
        std::string text;
        for (const Card& c : cards) {
            list.push_back(card_json(c));
            text += group_card_number(c.number) + "  " + c.batch_code + "  " + card_state_code(c.state) + "  " +
                    format_date(*c.expires_on) + "\n";
        }
        text += std::to_string(cards.size()) + (*expire_preview ? " cards would expire" : " cards expired");
        ctx.print({{"preview", *expire_preview}, {"count", cards.size()}, {"cards", list}}, text);
    });

    struct ActivateOptions {
        std::string card, member, key;
    };
    auto a = std::make_shared<ActivateOptions>();
    CLI::App* activate = card->add_subcommand(
        "activate", "Load a card into a member's account (PIN from MEMBERDESK_CARD_PIN or standard input)");
    activate->add_option("card", a->card, "Card number")->required();
    activate->add_option("--member", a->member, "Member number")->required();
    activate->add_option("--key", a->key, "Idempotency key");
    activate->callback([&ctx, a] {
        const Actor& actor = ctx.actor();
        const TxnResult r = ctx.services().ledger.activate_card(actor, {a->card, read_pin(), a->member, a->key});
        print_txn_result(ctx, r);
    });
}

}  // namespace md::cli

// Fuzz target: the programme JSON import (`program import FILE`), up to the point where it would
// write change requests: the file's text to JSON (parse_json_text, as the CLI reads it), the
// strict reader to validated, canonical items (program_items_from_json: every kind's reader and
// the models' validate()), and the items to the Program the services apply.
//
// Expected: ValidationError, the import's documented refusal (not JSON, a wrong type, an unknown
// field, a rule that fails validation). Anything else escaping is a finding: a nlohmann type or
// range error, say, would reach the CLI as an "internal" error (exit 6) instead of exit 2.
// The target also aborts when
//  - a refusal's message or value is not valid UTF-8 (the CLI's --json error output, a JSON
//    document itself, could not be written: it would throw inside main's error handler);
//  - a canonical item does not read back to the same bytes, or the export of the Program read
//    does not import back to the same items (program_codec.h promises export, import, export
//    gives the same bytes).
#include "models/errors.h"
#include "services/json_reader.h"
#include "services/program_codec.h"
#include "services/text_encoding.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace md;

namespace {

[[noreturn]] void finding(const char* what, const std::string& detail = "") {
    std::fprintf(stderr, "program_json fuzz finding: %s\n%s\n", what, detail.c_str());
    std::abort();
}

void check_readable_for_people(const ValidationError& e) {
    if (!valid_utf8(e.what()) || !valid_utf8(e.value()) || !valid_utf8(e.field()))
        finding("a refusal's message, field or value is not valid UTF-8", e.what());
}

// Canonical items read back as themselves, alone and through a whole exported document.
void check_round_trip(const std::vector<ProgramItem>& items) {
    for (const ProgramItem& item : items) {
        const ProgramItem again = read_item(item.kind, nlohmann::json::parse(item.json), item.key);
        if (again.json != item.json || again.key != item.key) finding("a canonical item reads back differently", item.json);
    }
    const Program program = program_from_items(items);
    const std::string exported = program_to_json(program, Date(2026, 11, 22)).dump();
    const std::vector<ProgramItem> back = program_items_from_json(nlohmann::json::parse(exported));
    if (back.size() != items.size()) finding("the export of an imported programme has another number of items", exported);
    // The export groups items by kind; within a kind it keeps the file's order.
    for (const ProgramItem& item : items) {
        bool found = false;
        for (const ProgramItem& b : back) found = found || (b.kind == item.kind && b.key == item.key && b.json == item.json);
        if (!found) finding("an item is not exported as it was imported", item.json);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    std::vector<ProgramItem> items;
    try {
        const nlohmann::json document = parse_json_text(text, "fuzz.json");
        items = program_items_from_json(document);
    } catch (const ValidationError& e) {
        check_readable_for_people(e);
        return 0;
    }
    // What was accepted must never be refused or break on the way back.
    try {
        check_round_trip(items);
    } catch (const ValidationError& e) {
        finding("an accepted programme is refused when read again", e.what());
    }
    return 0;
}

#pragma once
// Strict reading of JSON objects for imports and proposals: every field has the expected
// type, unknown fields are refused, and each error names the path ("ladders[1].tiers[2].threshold")
// and the value. Money is a decimal string ("1000.00") so no float ever touches it.
#include "models/discount.h"
#include "models/money.h"
#include "models/errors.h"
#include "models/timestamps.h"
#include "models/translate.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace md {

// A JSON document from a file's text; ValidationError (field "file", value `source`) when it is
// not JSON. Every nlohmann error counts, not only parse_error: a number too large for a double
// ("1e999") is reported as out_of_range, and must still be the file's fault (exit 2), not an
// internal error.
nlohmann::json parse_json_text(const std::string& text, const std::string& source);

// A value as JSON text for a message, its first 60 bytes or so, cut between characters: a cut
// inside a Chinese character made the message invalid UTF-8, which the CLI's --json error
// output cannot write (found by fuzzing, tests/fuzz program_json).
std::string json_excerpt(const nlohmann::json& value);

class JsonReader {
public:
    JsonReader(const nlohmann::json& object, std::string path);

    std::string text(const char* name);                         // required string
    std::string text_or(const char* name, const std::string& fallback);
    Money money(const char* name);                              // "12000.50" or an integer
    Money money_or(const char* name, Money fallback);
    Discount discount(const char* name);                        // "98折" or "98%"
    int integer(const char* name);                              // required whole number
    int integer_or(const char* name, int fallback);
    bool flag_or(const char* name, bool fallback);
    Date date(const char* name);
    std::optional<Date> optional_date(const char* name);
    std::vector<std::string> texts_or_empty(const char* name);
    // Each element of an array field as its own reader (path "name[i]", 1-based for people).
    std::vector<JsonReader> objects(const char* name, bool required);

    // The field's value as it is (nullptr when absent or null), marked as read.
    const nlohmann::json* raw(const char* name) { return find(name); }
    const nlohmann::json& object() const { return object_; }

    // Throws for any field not read: a misspelt field must not be silently ignored.
    void finish() const;
    const std::string& path() const { return path_; }
    std::string field(const char* name) const;

private:
    const nlohmann::json* find(const char* name);
    [[noreturn]] void wrong_type(const char* name, const char* expected, const nlohmann::json& value) const;
    const nlohmann::json& object_;
    std::string path_;
    std::set<std::string> read_;
};

// A nested object field read by its own strict reader (its errors name "campaign.budget.activity").
template <class Read>
void read_object(JsonReader& r, const char* name, Read&& read) {
    const nlohmann::json* value = r.raw(name);
    if (!value) return;
    if (!value->is_object())
        throw ValidationError(r.field(name), json_excerpt(*value),
                              subst(tr("{0}: expected an object, found {1}"), {r.field(name), json_excerpt(*value)}));
    JsonReader child(*value, r.field(name));
    read(child);
    child.finish();
}

}  // namespace md

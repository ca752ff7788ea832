#include "services/json_reader.h"

#include "models/errors.h"
#include "models/text.h"
#include "models/translate.h"
#include "services/text_encoding.h"

namespace md {

nlohmann::json parse_json_text(const std::string& text, const std::string& source) {
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        // parse_error for bad syntax, out_of_range (406) for a number beyond a double: both are
        // the file's fault. The reason quotes the bytes last read, which may be a broken UTF-8
        // sequence: those become '?' so the message stays text (found by fuzzing).
        std::string reason = e.what();
        for (std::size_t bad = 0; !valid_utf8(reason, &bad);) reason[bad] = '?';
        throw ValidationError("file", source, subst(tr("file: \"{0}\" is not JSON ({1})"), {source, reason}));
    }
}

std::string json_excerpt(const nlohmann::json& value) { return shortened(value.dump()); }

JsonReader::JsonReader(const nlohmann::json& object, std::string path) : object_(object), path_(std::move(path)) {
    if (!object_.is_object())
        throw ValidationError(path_, object_.dump(),
                              subst(tr("{0}: expected an object, found {1}"), {path_, json_excerpt(object_)}));
}

std::string JsonReader::field(const char* name) const { return path_.empty() ? name : path_ + "." + name; }

const nlohmann::json* JsonReader::find(const char* name) {
    read_.insert(name);
    auto it = object_.find(name);
    if (it == object_.end() || it->is_null()) return nullptr;
    return &*it;
}

void JsonReader::wrong_type(const char* name, const char* expected, const nlohmann::json& value) const {
    const std::string shown = json_excerpt(value);
    throw ValidationError(field(name), shown,
                          subst(tr("{0}: expected {1}, found {2}"), {field(name), expected, shown}));
}

std::string JsonReader::text(const char* name) {
    const nlohmann::json* v = find(name);
    if (!v) throw ValidationError(field(name), "", subst(tr("{0}: missing"), {field(name)}));
    if (!v->is_string()) wrong_type(name, "text", *v);
    return v->get<std::string>();
}

std::string JsonReader::text_or(const char* name, const std::string& fallback) {
    const nlohmann::json* v = find(name);
    if (!v) return fallback;
    if (!v->is_string()) wrong_type(name, "text", *v);
    return v->get<std::string>();
}

Money JsonReader::money(const char* name) {
    const nlohmann::json* v = find(name);
    if (!v) throw ValidationError(field(name), "", subst(tr("{0}: missing"), {field(name)}));
    if (v->is_number_integer()) return Money::from_yuan(v->get<std::int64_t>());
    if (!v->is_string()) wrong_type(name, "an amount in yuan as text, e.g. \"1000.00\"", *v);
    return Money::parse(v->get<std::string>(), field(name));
}

Money JsonReader::money_or(const char* name, Money fallback) {
    read_.insert(name);
    auto it = object_.find(name);
    if (it == object_.end() || it->is_null()) return fallback;
    return money(name);
}

Discount JsonReader::discount(const char* name) {
    const std::string t = text(name);
    return Discount::parse(t, field(name));
}

int JsonReader::integer(const char* name) {
    if (!find(name)) throw ValidationError(field(name), "", subst(tr("{0}: missing"), {field(name)}));
    return integer_or(name, 0);
}

int JsonReader::integer_or(const char* name, int fallback) {
    const nlohmann::json* v = find(name);
    if (!v) return fallback;
    if (!v->is_number_integer()) wrong_type(name, "a whole number", *v);
    const auto n = v->get<std::int64_t>();
    if (n < -1000000000 || n > 1000000000) wrong_type(name, "a whole number below a billion", *v);
    return static_cast<int>(n);
}

bool JsonReader::flag_or(const char* name, bool fallback) {
    const nlohmann::json* v = find(name);
    if (!v) return fallback;
    if (!v->is_boolean()) wrong_type(name, "true or false", *v);
    return v->get<bool>();
}

Date JsonReader::date(const char* name) {
    return parse_date(text(name), field(name));
}

std::optional<Date> JsonReader::optional_date(const char* name) {
    const std::string t = text_or(name, "");
    if (t.empty()) return std::nullopt;
    return parse_date(t, field(name));
}

std::vector<std::string> JsonReader::texts_or_empty(const char* name) {
    const nlohmann::json* v = find(name);
    std::vector<std::string> out;
    if (!v) return out;
    if (!v->is_array()) wrong_type(name, "a list of texts", *v);
    for (const auto& item : *v) {
        if (!item.is_string()) wrong_type(name, "a list of texts", item);
        out.push_back(item.get<std::string>());
    }
    return out;
}

std::vector<JsonReader> JsonReader::objects(const char* name, bool required) {
    const nlohmann::json* v = find(name);
    std::vector<JsonReader> out;
    if (!v) {
        if (required) throw ValidationError(field(name), "", subst(tr("{0}: missing"), {field(name)}));
        return out;
    }
    if (!v->is_array()) wrong_type(name, "a list", *v);
    for (std::size_t i = 0; i < v->size(); ++i)
        out.emplace_back((*v)[i], field(name) + "[" + std::to_string(i + 1) + "]");
    return out;
}

void JsonReader::finish() const {
    for (auto it = object_.begin(); it != object_.end(); ++it)
        if (!read_.count(it.key()))
            throw ValidationError(field(it.key().c_str()), json_excerpt(it.value()),
                                  subst(tr("{0}: unknown field"), {field(it.key().c_str())}));
}

}  // namespace md

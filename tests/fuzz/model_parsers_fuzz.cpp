// Fuzz target: the text parsers of the models (dates, stored instants, money, discounts, times of
// day, campaign multipliers, codes, card and member numbers) and the recurrence rules: a rule's
// validation, its occurrences, its iCalendar RRULE and its description.
//
// Input: lines "PARSER TEXT", e.g. "money 12,000.50", "date 2026-02-29"; a recurrence is
//   recurrence FIRST_DAY KIND [day=N] [month=N] [nth=N] [weekday=FR] [weekdays=MO,WE]
//              [until=DATE] [count=N] [except=DATE,DATE] [from=DATE] [to=DATE]
// whose values go through the same parsers (parse_date, parse_recurrence_kind, parse_weekday).
// A line with an unknown PARSER, or a number that is not one, is skipped.
//
// Expected: ValidationError from every parser and from validate(rule); StorageError from
// parse_instant, which reads the database's own timestamps and says so when one is unreadable.
// Anything else escaping is a finding (a Boost out_of_range from a date beyond the calendar, say,
// would reach the CLI as an "internal" error). The target also aborts when a value does not read
// back from its own formatting, when a message about valid UTF-8 input is not valid UTF-8, or
// when a rule's occurrences are out of order, outside the window, on an exception date or more
// than its count.
#include "models/business_calendar.h"
#include "models/campaign.h"
#include "models/card.h"
#include "models/discount.h"
#include "models/errors.h"
#include "models/member.h"
#include "models/money.h"
#include "models/recurrence.h"
#include "models/timestamps.h"
#include "services/text_encoding.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

using namespace md;

namespace {

[[noreturn]] void finding(const char* what, const std::string& detail) {
    std::fprintf(stderr, "model_parsers fuzz finding: %s\n%s\n", what, detail.c_str());
    std::abort();
}

void expect(bool holds, const char* what, const std::string& detail) {
    if (!holds) finding(what, detail);
}

std::optional<int> whole_number(const std::string& text) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(text);
    while (std::getline(in, part, separator))
        if (!part.empty()) parts.push_back(part);
    return parts;
}

// The last day Boost.Date_Time can represent: a window ends there at the latest.
const Date kLastDay(9999, 12, 31);

void check_recurrence(const std::string& text) {
    const std::vector<std::string> words = split(text, ' ');
    if (words.size() < 2) return;
    const Date first_day = parse_date(words[0], "first_day");
    Recurrence rule;
    rule.kind = parse_recurrence_kind(words[1], "recurrence.kind");
    std::optional<Date> from, to;
    for (std::size_t i = 2; i < words.size(); ++i) {
        const auto eq = words[i].find('=');
        if (eq == std::string::npos) return;
        const std::string key = words[i].substr(0, eq), value = words[i].substr(eq + 1);
        auto number = [&]() -> int {
            const auto n = whole_number(value);
            if (!n) throw ValidationError(key, value, key + ": not a number");
            return *n;
        };
        if (key == "day") rule.day_of_month = number();
        else if (key == "month") rule.month = number();
        else if (key == "nth") rule.nth = number();
        else if (key == "weekday") rule.weekday = parse_weekday(value, "recurrence.weekday");
        else if (key == "weekdays")
            for (const std::string& w : split(value, ',')) rule.weekdays.push_back(parse_weekday(w, "recurrence.weekdays"));
        else if (key == "until") rule.until = parse_date(value, "recurrence.until");
        else if (key == "count") rule.count = number();
        else if (key == "except")
            for (const std::string& d : split(value, ',')) rule.exceptions.push_back(parse_date(d, "recurrence.exceptions"));
        else if (key == "from") from = parse_date(value, "from");
        else if (key == "to") to = parse_date(value, "to");
        else return;
    }
    validate(rule, first_day);
    // Three years from the first day unless the line says otherwise: enough for every rule to
    // repeat, little enough to stay fast.
    const Date window_from = from.value_or(first_day);
    const Date window_to =
        to.value_or(first_day.year() <= 9996 ? first_day + boost::gregorian::years(3) : kLastDay);
    const std::vector<Date> days = occurrences(rule, first_day, window_from, window_to);
    const std::string shown = describe(rule);
    for (std::size_t i = 0; i < days.size(); ++i) {
        // Checked one by one, the day formatted only for a finding: a weekly rule over centuries
        // makes a million days.
        const char* broken = nullptr;
        if (i > 0 && !(days[i - 1] < days[i])) broken = "occurrences out of order";
        else if (days[i] < first_day || days[i] < window_from || days[i] > window_to) broken = "an occurrence outside the window";
        else if (rule.until && days[i] > *rule.until) broken = "an occurrence after until";
        else if (std::find(rule.exceptions.begin(), rule.exceptions.end(), days[i]) != rule.exceptions.end())
            broken = "an occurrence on an exception date";
        if (broken) finding(broken, shown + " " + format_date(days[i]));
    }
    expect(!rule.count || static_cast<int>(days.size()) <= *rule.count, "more occurrences than count", shown);
    expect(valid_utf8(shown), "a description that is not UTF-8", shown);
    to_rrule(rule, false);
    to_rrule(rule, true);
}

using Parser = std::function<void(const std::string&)>;

const std::map<std::string, Parser>& parsers() {
    static const std::map<std::string, Parser> table = {
        {"date", [](const std::string& t) {
             const Date d = parse_date(t, "date");
             expect(parse_date(format_date(d), "date") == d, "a date does not read back", t);
         }},
        {"instant", [](const std::string& t) {
             const Instant at = parse_instant(t);
             expect(parse_instant(format_instant(at)) == at, "an instant does not read back", t);
             format_business_time(at);
         }},
        {"money", [](const std::string& t) {
             const Money m = Money::parse(t, "amount");
             expect(Money::parse(m.to_string(), "amount") == m, "an amount does not read back", t);
             m.to_display();
         }},
        {"discount", [](const std::string& t) {
             const Discount d = Discount::parse(t, "discount");
             expect(Discount::parse(d.to_zhe(), "discount") == d, "a discount does not read back", t);
             d.to_off();
         }},
        {"time", [](const std::string& t) {
             const int minutes = parse_time_of_day(t, "opens");
             expect(parse_time_of_day(format_time_of_day(minutes), "opens") == minutes, "a time does not read back", t);
         }},
        {"multiplier", [](const std::string& t) {
             const int pct = parse_multiplier(t, "multiplier");
             expect(parse_multiplier(format_multiplier(pct), "multiplier") == pct, "a multiplier does not read back", t);
         }},
        {"card", [](const std::string& t) {
             const std::string number = normalise_card_number(t);
             if (valid_card_number(number))
                 expect(normalise_card_number(group_card_number(number)) == number, "a card number does not read back", t);
         }},
        {"member_number", [](const std::string& t) { validate_member_number(t); }},
        {"code", [](const std::string& t) {
             // Every enumeration's code: each parser refuses what is not its own.
             for (auto parse : {+[](const std::string& c) { parse_member_type(c, "type"); },
                                +[](const std::string& c) { parse_gender(c, "gender"); },
                                +[](const std::string& c) { parse_channel(c, "channel"); },
                                +[](const std::string& c) { parse_lifecycle(c, "state"); },
                                +[](const std::string& c) { parse_card_state(c, "state"); },
                                +[](const std::string& c) { parse_campaign_type(c, "type"); },
                                +[](const std::string& c) { parse_recurrence_kind(c, "kind"); },
                                +[](const std::string& c) { parse_weekday(c, "weekday"); }}) {
                 try {
                     parse(t);
                 } catch (const ValidationError& e) {
                     if (valid_utf8(t)) expect(valid_utf8(e.what()), "a message that is not UTF-8", e.what());
                 }
             }
         }},
        {"recurrence", check_recurrence},
    };
    return table;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string input(reinterpret_cast<const char*>(data), size);
    int lines = 0;
    for (const std::string& line : split(input, '\n')) {
        if (++lines > 64) break;  // enough for one input; keeps each run short
        const auto space = line.find(' ');
        const auto parser = parsers().find(line.substr(0, space));
        if (parser == parsers().end()) continue;
        const std::string text = space == std::string::npos ? "" : line.substr(space + 1);
        try {
            parser->second(text);
        } catch (const ValidationError& e) {
            if (valid_utf8(text)) expect(valid_utf8(e.what()) && valid_utf8(e.value()), "a message that is not UTF-8", e.what());
        } catch (const StorageError&) {
            // parse_instant's documented refusal of an unreadable stored timestamp.
        }
    }
    return 0;
}

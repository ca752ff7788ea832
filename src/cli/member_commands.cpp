#include "cli/commands.h"
#include "cli/json_output.h"
#include "models/errors.h"

#include <memory>

namespace md::cli {
namespace {

nlohmann::json to_json(const MemberRecord& r) {
    const Member& m = r.member;
    return {{"number", m.number},
            {"name", m.name},
            {"mobile", r.masked ? m.mobile : display_mobile(m.mobile)},
            {"mobile_e164", r.masked ? nlohmann::json(nullptr) : nlohmann::json(m.mobile)},
            {"email", m.email},
            {"masked", r.masked},
            {"birthday", m.birthday ? nlohmann::json(format_date(*m.birthday)) : nlohmann::json(nullptr)},
            {"gender", gender_code(m.gender)},
            {"type", member_type_code(m.type)},
            {"company", m.company},
            {"channel", channel_code(m.channel)},
            {"home_store", m.home_store},
            {"referrer", m.referrer_number},
            {"tags", m.tags},
            {"consent_sms", m.consent_sms},
            {"consent_email", m.consent_email},
            {"notes", m.notes},
            {"state", lifecycle_code(m.state)},
            {"created_at", iso_utc(m.created_at)},
            {"updated_at", iso_utc(m.updated_at)},
            {"updated_by", m.updated_by},
            {"version", m.version}};
}

std::string line(const MemberRecord& r) {
    const Member& m = r.member;
    return m.number + "  " + m.name + "  " + (r.masked ? m.mobile : display_mobile(m.mobile)) +
           (m.email.empty() ? "" : "  " + m.email) + "  " + lifecycle_code(m.state) +
           (m.type == MemberType::Group ? "  (" + m.company + ")" : "");
}

struct InputOptions {
    std::string name, mobile, email, birthday, gender, type, company, channel, store, referrer, notes, tags;
    std::string sms, mail;  // "yes"/"no"
};

// Options given on the command line become the fields to set; absent ones stay as they are.
void add_input_options(CLI::App* cmd, InputOptions& o) {
    cmd->add_option("--mobile", o.mobile, "Mobile number (any common writing; stored as +86...)");
    cmd->add_option("--email", o.email, "E-mail");
    cmd->add_option("--birthday", o.birthday, "YYYY-MM-DD");
    cmd->add_option("--gender", o.gender, "female, male or unknown");
    cmd->add_option("--type", o.type, "individual or group");
    cmd->add_option("--company", o.company, "Company (group members)");
    cmd->add_option("--channel", o.channel, "store, web or app");
    cmd->add_option("--store", o.store, "Home store");
    cmd->add_option("--tags", o.tags, "Comma-separated tags");
    cmd->add_option("--sms-consent", o.sms, "yes or no")->check(CLI::IsMember({"yes", "no"}));
    cmd->add_option("--email-consent", o.mail, "yes or no")->check(CLI::IsMember({"yes", "no"}));
    cmd->add_option("--notes", o.notes, "Notes");
}

MemberInput to_input(const CLI::App* cmd, const InputOptions& o) {
    MemberInput in;
    // `add` and `edit` have different options (only `add` takes --referrer).
    auto given = [cmd](const char* name) {
        const CLI::Option* opt = cmd->get_option_no_throw(name);
        return opt != nullptr && opt->count() > 0;
    };
    if (given("--name")) in.name = o.name;
    if (given("--mobile")) in.mobile = o.mobile;
    if (given("--email")) in.email = o.email;
    if (given("--birthday")) in.birthday = o.birthday;
    if (given("--gender")) in.gender = o.gender;
    if (given("--type")) in.type = o.type;
    if (given("--company")) in.company = o.company;
    if (given("--channel")) in.channel = o.channel;
    if (given("--store")) in.home_store = o.store;
    if (given("--referrer")) in.referrer = o.referrer;
    if (given("--notes")) in.notes = o.notes;
    if (given("--sms-consent")) in.consent_sms = o.sms == "yes";
    if (given("--email-consent")) in.consent_email = o.mail == "yes";
    if (given("--tags")) {
        std::vector<std::string> tags;
        std::string current;
        for (char c : o.tags + ",") {
            if (c == ',') {
                if (!current.empty()) tags.push_back(current);
                current.clear();
            } else {
                current += c;
            }
        }
        in.tags = tags;
    }
    return in;
}

}  // namespace

void register_member_commands(CLI::App& app, CliContext& ctx) {
    CLI::App* member = app.add_subcommand("member", "The member registry: add, show, find, edit, merge, import, export");
    member->require_subcommand(1);

    auto ao = std::make_shared<InputOptions>();
    CLI::App* add = member->add_subcommand("add", "Register a member (the number is given: M and eight digits)");
    add->add_option("--name", ao->name, "Name")->required();
    add->add_option("--referrer", ao->referrer, "Referring member's number");
    add_input_options(add, *ao);
    add->callback([&ctx, ao, add] {
        const MemberRecord r = ctx.services().members.add(ctx.actor(), to_input(add, *ao));
        ctx.print(to_json(r), "Registered " + line(r));
    });

    struct ShowOptions { std::string number; bool unmask = false; };
    auto so = std::make_shared<ShowOptions>();
    CLI::App* show = member->add_subcommand("show", "One member (personal data masked unless --unmask)");
    show->add_option("number", so->number, "Member number")->required();
    show->add_flag("--unmask", so->unmask, "Show the full mobile and e-mail (needs the permission; audited)");
    show->callback([&ctx, so] {
        const MemberRecord r = ctx.services().members.show(ctx.actor(), so->number, so->unmask);
        ctx.print(to_json(r), line(r));
    });

    struct FindOptions { std::string query; int limit = 20; };
    auto fo = std::make_shared<FindOptions>();
    CLI::App* find = member->add_subcommand("find", "Find by number, mobile, last 4 digits, name, pinyin initials or e-mail");
    find->add_option("query", fo->query, "What to look for, e.g. 1234, 张, zs, M00000042")->required();
    find->add_option("--limit", fo->limit, "At most this many (default 20)");
    find->callback([&ctx, fo] {
        const auto hits = ctx.services().members.find(ctx.actor(), fo->query, fo->limit);
        nlohmann::json j = nlohmann::json::array();
        std::string text;
        for (const MemberHit& h : hits) {
            nlohmann::json item = to_json(h.record);
            item["matched_by"] = h.matched_by;
            j.push_back(item);
            text += line(h.record) + "  [" + h.matched_by + "]\n";
        }
        ctx.print(j, text.empty() ? "No member found." : text);
    });

    struct EditOptions : InputOptions { std::string number; std::optional<int> expect_version; };
    auto eo = std::make_shared<EditOptions>();
    CLI::App* edit = member->add_subcommand("edit", "Change a member's details");
    edit->add_option("number", eo->number, "Member number")->required();
    edit->add_option("--name", eo->name, "Name");
    edit->add_option("--expect-version", eo->expect_version, "Refuse (exit 4) if the member changed since this version");
    add_input_options(edit, *eo);
    edit->callback([&ctx, eo, edit] {
        const MemberRecord r =
            ctx.services().members.edit(ctx.actor(), eo->number, to_input(edit, *eo), eo->expect_version);
        ctx.print(to_json(r), "Saved " + line(r));
    });

    auto ho = std::make_shared<std::string>();
    CLI::App* history = member->add_subcommand("history", "A member's lifecycle history");
    history->add_option("number", *ho, "Member number")->required();
    history->callback([&ctx, ho] {
        nlohmann::json j = nlohmann::json::array();
        std::string text;
        for (const StateChange& c : ctx.services().members.history(ctx.actor(), *ho)) {
            j.push_back({{"from", c.from ? nlohmann::json(lifecycle_code(*c.from)) : nlohmann::json(nullptr)},
                         {"to", lifecycle_code(c.to)}, {"at", iso_utc(c.at)}, {"reason", c.reason}, {"actor", c.actor}});
            text += format_business_time(c.at) + "  " + (c.from ? lifecycle_code(*c.from) : "—") + " → " +
                    lifecycle_code(c.to) + "  " + c.reason + " (" + c.actor + ")\n";
        }
        ctx.print(j, text);
    });

    register_member_merge_command(*member, ctx);
    register_member_export_command(*member, ctx);
    register_member_import_command(*member, ctx);
}

void register_committee_commands(CLI::App& app, CliContext& ctx) {
    CLI::App* committee = app.add_subcommand("committee", "The brand advisory committee (seats change through `change propose committee`)");
    committee->require_subcommand(1);
    auto days = std::make_shared<int>(-1);
    CLI::App* list = committee->add_subcommand("list", "Seats in force today");
    list->add_option("--ending-within", *days, "Only terms ending within this many days (e.g. 30)")
        ->check(CLI::NonNegativeNumber);  // -1 is "not given" inside, never an answer to give
    list->callback([&ctx, days] {
        ProgramService& s = ctx.services().program;
        const Actor& actor = ctx.actor();
        const auto seats = *days >= 0 ? s.terms_ending(actor, *days) : s.program_as_of(actor, s.today()).committee;
        const auto warnings = s.committee_warnings(actor);
        nlohmann::json j = nlohmann::json::array();
        std::string text;
        for (const CommitteeSeat& seat : seats) {
            const auto warning = warnings.find(seat.member_number);
            j.push_back({{"member_number", seat.member_number}, {"role", committee_role_code(seat.role)},
                         {"term_start", format_date(seat.term_start)}, {"term_end", format_date(seat.term_end)},
                         {"warning", warning == warnings.end() ? nlohmann::json() : nlohmann::json(warning->second)}});
            text += seat.member_number + "  " + committee_role_code(seat.role) + "  " + format_date(seat.term_start) +
                    " – " + format_date(seat.term_end) +
                    (warning == warnings.end() ? std::string() : "  ⚠ " + warning->second) + "\n";
        }
        ctx.print(j, text.empty() ? "No seats." : text);
    });
}

}  // namespace md::cli

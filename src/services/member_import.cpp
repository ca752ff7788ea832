#include "services/member_import.h"
#include "models/text.h"

#include "db/member_import_repository.h"
#include "db/member_repository.h"
#include "models/errors.h"
#include "models/translate.h"
#include "services/member_service.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace md {
namespace {

constexpr std::size_t kMaxField = 65536;  // no member field is near this; a longer one is garbage
constexpr std::size_t kBatch = 2000;
constexpr long long kProgressEvery = 10000;

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

struct Synonyms {
    const char* field;
    std::vector<const char*> headers;  // compared lower-case and trimmed
};

// Headers other systems (and our own export, in either language) use for each field.
const std::vector<Synonyms>& synonyms() {
    static const std::vector<Synonyms> table = {
        {"number", {"number", "member number", "member_no", "会员号", "会员编号", "会员卡号"}},
        {"name", {"name", "姓名", "名字", "会员姓名", "客户姓名"}},
        {"mobile", {"mobile", "phone", "mobile phone", "手机", "手机号", "手机号码", "电话", "联系电话"}},
        {"email", {"email", "e-mail", "邮箱", "电子邮箱", "电子邮件"}},
        {"birthday", {"birthday", "date of birth", "生日", "出生日期"}},
        {"gender", {"gender", "sex", "性别"}},
        {"type", {"type", "member type", "类型", "会员类型"}},
        {"company", {"company", "公司", "单位", "公司名称"}},
        {"channel", {"channel", "渠道", "注册渠道", "来源"}},
        {"home_store", {"home_store", "home store", "store", "门店", "所属门店"}},
        {"referrer", {"referrer", "推荐人"}},
        {"tags", {"tags", "标签"}},
        {"consent_sms", {"consent_sms", "sms consent", "短信同意", "接收短信"}},
        {"consent_email", {"consent_email", "e-mail consent", "邮件同意", "接收邮件"}},
        {"notes", {"notes", "备注"}},
        {"state", {"state", "状态", "生命周期"}},
        {"created_at", {"created_at", "created", "注册时间", "注册日期"}},
    };
    return table;
}

// Values as people type them in Chinese systems, to the codes the registry keeps.
std::string normalise_code(const std::string& field, const std::string& value) {
    static const std::map<std::string, std::map<std::string, std::string>> codes = {
        {"gender", {{"男", "male"}, {"男性", "male"}, {"m", "male"}, {"女", "female"}, {"女性", "female"}, {"f", "female"},
                    {"未知", "unknown"}, {"保密", "unknown"}}},
        {"type", {{"个人", "individual"}, {"个人会员", "individual"}, {"团体", "group"}, {"团体会员", "group"},
                  {"企业", "group"}, {"公司", "group"}}},
        {"channel", {{"门店", "store"}, {"店铺", "store"}, {"线下", "store"}, {"网站", "web"}, {"官网", "web"},
                     {"网页", "web"}, {"小程序", "app"}}},
    };
    const auto table = codes.find(field);
    if (table == codes.end()) return value;
    const auto hit = table->second.find(lower(value));
    return hit == table->second.end() ? lower(value) : hit->second;
}

std::optional<bool> consent_of(const std::string& value) {
    static const std::set<std::string> yes = {"yes", "y", "true", "1", "是", "同意"};
    static const std::set<std::string> no = {"no", "n", "false", "0", "否", "不同意"};
    const std::string v = lower(value);
    if (yes.count(v)) return true;
    if (no.count(v)) return false;
    return std::nullopt;
}

std::vector<std::string> tags_of(const std::string& value) {
    // Commas (ASCII and Chinese), semicolons, 、 and | all separate tags in the wild.
    std::string unified = value;
    for (const char* sep : {"，", "、", "；"}) {
        for (std::size_t at = unified.find(sep); at != std::string::npos; at = unified.find(sep, at))
            unified.replace(at, std::strlen(sep), ",");
    }
    std::vector<std::string> tags;
    std::string current;
    for (char c : unified + ",") {
        if (c == ',' || c == ';' || c == '|') {
            if (!trim_space(current).empty()) tags.push_back(trim_space(current));
            current.clear();
        } else {
            current += c;
        }
    }
    return tags;
}

Instant instant_of(const std::string& value, const std::string& field) {
    // A registration time in business time: "2024-06-05", "2024-06-05 21:58" or with seconds.
    const std::string v = trim_space(value);
    // The date is the first ten bytes; when they end inside a character the value is no date and
    // the message shows it whole (half a character would make the problem report invalid UTF-8).
    const std::string date_part = utf8_prefix(v, 10);
    const Date day = parse_date(date_part.size() == std::min<std::size_t>(v.size(), 10) ? date_part : v, field);
    int hour = 0, minute = 0, second = 0;
    if (v.size() > 10) {
        if (std::sscanf(v.c_str() + 10, " %d:%d:%d", &hour, &minute, &second) < 2 || hour > 23 || minute > 59 || second > 59)
            throw ValidationError(field, value, subst(tr("{0}: \"{1}\" is not a time of day YYYY-MM-DD HH:MM"), {field, value}));
    }
    return business_day_start_utc(day) + boost::posix_time::hours(hour) + boost::posix_time::minutes(minute) +
           boost::posix_time::seconds(second);
}

struct Row {
    int line = 0;
    std::size_t record = 0;  // index into the records
    Member member;
    bool has_number = false;
};

}  // namespace

const std::vector<std::string>& importable_fields() {
    static const std::vector<std::string> fields = [] {
        std::vector<std::string> out;
        for (const Synonyms& s : synonyms()) out.push_back(s.field);
        return out;
    }();
    return fields;
}

std::string default_field_for(const std::string& header) {
    const std::string h = lower(trim_space(header));
    for (const Synonyms& s : synonyms())
        for (const char* name : s.headers)
            if (h == name) return s.field;
    return "";
}

MemberImportResult MemberImportService::import_csv(const Actor& actor, const std::string& bytes, const MemberImportOptions& options) {
    audit_.require(actor, Action::ManageMembers, "member");
    MemberImportResult result;
    std::vector<CsvRecord> records;
    {
        // The decoded text is dropped once parsed: a million-row file is held once, not twice.
        const DecodedText decoded = decode_text(bytes, options.encoding);
        result.encoding = decoded.encoding;
        if (trim_space(decoded.utf8).empty()) throw ValidationError("file", "", tr("file: the file is empty"));
        records = read_csv(decoded.utf8);
    }
    if (records.empty()) throw ValidationError("file", "", tr("file: the file is empty"));
    for (const std::string& h : records[0].fields) result.header.push_back(trim_space(h));
    const auto& header = result.header;

    // --- which column is which field -----------------------------------------------------------
    MemberImportRepository store(db_);
    std::map<std::string, std::string> wanted = options.mapping;  // header → field
    const bool mapping_given = !wanted.empty();
    if (!mapping_given && !options.source.empty())
        if (auto saved = store.mapping(options.source)) {
            const nlohmann::json parsed = nlohmann::json::parse(*saved);  // named: items() refers into it
            for (const auto& item : parsed.items()) wanted[item.key()] = item.value().get<std::string>();
        }
    const auto& fields = importable_fields();
    for (const auto& [h, f] : wanted) {
        if (std::find(fields.begin(), fields.end(), f) == fields.end()) {
            std::string known;
            for (const std::string& k : fields) known += (known.empty() ? "" : ", ") + k;
            throw ValidationError("map", h + "=" + f,
                                  subst(tr("map: \"{0}\" is not a member field (fields: {1})"), {f, known}));
        }
        if (mapping_given && std::find(header.begin(), header.end(), h) == header.end())
            throw ValidationError("map", h, subst(tr("map: the file has no column \"{0}\""), {h}));
    }
    std::vector<std::string> field_of(header.size());  // column → field, "" = ignored
    std::map<std::string, std::size_t> column_of;        // field → column
    for (std::size_t c = 0; c < header.size(); ++c) {
        const auto given = wanted.find(header[c]);
        field_of[c] = given != wanted.end() ? given->second : (wanted.empty() ? default_field_for(header[c]) : "");
        if (field_of[c].empty()) {
            result.ignored_columns.push_back(header[c]);
            continue;
        }
        if (column_of.count(field_of[c]))
            throw ValidationError("header", header[c],
                                  subst(tr("header: columns \"{0}\" and \"{1}\" both give {2}"),
                                        {header[column_of[field_of[c]]], header[c], field_of[c]}));
        column_of[field_of[c]] = c;
        result.mapping[header[c]] = field_of[c];
    }
    if (!column_of.count("name")) {
        std::string shown;
        for (const std::string& h : header) shown += (shown.empty() ? "" : ", ") + h;
        throw ValidationError("header", shortened(shown),
                              subst(tr("header: no column gives the member's name (a column such as name or 姓名, or "
                                       "--map COLUMN=name); the header is: {0}"),
                                    {shortened(shown)}));
    }
    auto column_for_field = [&](const std::string& field) -> std::string {
        const auto it = column_of.find(field);
        return it == column_of.end() ? field : header[it->second];
    };

    // --- check every row before writing anything ------------------------------------------------
    const Date today = to_business_time(clock_()).date();
    const Instant now = clock_();
    auto existing_mobiles = store.mobiles();
    auto existing_emails = options.dedupe_email ? store.emails() : std::unordered_map<std::string, std::string>{};
    const auto existing_numbers = store.numbers();
    std::unordered_map<std::string, int> file_mobiles, file_emails, file_numbers;  // key → line
    std::vector<Row> rows;
    std::set<std::size_t> bad_records;
    auto problem = [&](std::size_t record, const std::string& column, const std::string& value, const std::string& reason) {
        result.problems.push_back({records[record].line, column, shortened(value), reason});
        bad_records.insert(record);
    };
    result.rows = static_cast<long long>(records.size()) - 1;
    for (std::size_t r = 1; r < records.size(); ++r) {
        if (options.cancel && options.cancel->load()) throw CancelledError(tr("import cancelled: nothing was imported"));
        if (options.progress && r % kProgressEvery == 0) options.progress(static_cast<long long>(r), result.rows);
        const CsvRecord& rec = records[r];
        if (rec.fields.size() != header.size()) {
            problem(r, "", std::to_string(rec.fields.size()),
                    subst(tr("{0} columns where the header has {1}"),
                          {std::to_string(rec.fields.size()), std::to_string(header.size())}));
            continue;
        }
        bool oversized = false;
        for (std::size_t c = 0; c < rec.fields.size() && !oversized; ++c)
            if (rec.fields[c].size() > kMaxField) {
                problem(r, header[c], rec.fields[c],
                        subst(tr("{0}: {1} bytes, more than the 65,536 a field may hold"),
                              {header[c], std::to_string(rec.fields[c].size())}));
                oversized = true;
            }
        if (oversized) continue;
        auto value = [&](const char* field) -> std::optional<std::string> {
            const auto it = column_of.find(field);
            if (it == column_of.end()) return std::nullopt;
            // An export or a rejects file put an apostrophe before text a spreadsheet would run.
            const std::string v = restore_formula_text(trim_space(rec.fields[it->second]));
            if (v.empty()) return std::nullopt;
            return v;
        };
        Row row;
        row.line = rec.line;
        row.record = r;
        try {
            MemberInput in;
            in.name = value("name").value_or("");
            in.mobile = value("mobile");
            in.email = value("email");
            in.birthday = value("birthday");
            if (auto v = value("gender")) in.gender = normalise_code("gender", *v);
            if (auto v = value("type")) in.type = normalise_code("type", *v);
            in.company = value("company");
            if (auto v = value("channel")) in.channel = normalise_code("channel", *v);
            in.home_store = value("home_store");
            in.referrer = value("referrer");
            if (auto v = value("tags")) in.tags = tags_of(*v);
            for (const char* field : {"consent_sms", "consent_email"})
                if (auto v = value(field)) {
                    const auto yes = consent_of(*v);
                    if (!yes)
                        throw ValidationError(field, *v, subst(tr("{0}: \"{1}\" is neither yes nor no"), {field, *v}));
                    (std::string(field) == "consent_sms" ? in.consent_sms : in.consent_email) = *yes;
                }
            in.notes = value("notes");
            if (in.name->empty()) throw ValidationError("name", "", tr("name: a member needs a name"));
            apply_member_input(row.member, in);
            if (auto v = value("state")) row.member.state = parse_lifecycle(lower(*v), "state");
            row.member.created_at = value("created_at") ? instant_of(*value("created_at"), "created_at") : now;
            validate(row.member, today);
            if (auto v = value("number")) {
                std::string number = *v;
                for (char& c : number) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
                validate_member_number(number);
                row.member.number = number;
                row.has_number = true;
            }
        } catch (const ValidationError& e) {
            const std::string field = e.field().substr(0, e.field().find('.'));
            problem(r, column_for_field(field), e.value(), e.what());
            continue;
        }
        const Member& m = row.member;
        if (row.has_number) {
            if (existing_numbers.count(m.number)) {
                problem(r, column_for_field("number"), m.number, subst(tr("number: {0} is already a member"), {m.number}));
                continue;
            }
            if (auto [it, fresh] = file_numbers.emplace(m.number, rec.line); !fresh) {
                problem(r, column_for_field("number"), m.number,
                        subst(tr("number: {0} is also on row {1}"), {m.number, std::to_string(it->second)}));
                continue;
            }
        }
        if (!m.mobile.empty()) {
            if (auto it = existing_mobiles.find(m.mobile); it != existing_mobiles.end()) {
                problem(r, column_for_field("mobile"), *value("mobile"),
                        subst(tr("mobile: {0} already belongs to member {1}"), {mask_mobile(m.mobile), it->second}));
                continue;
            }
            if (auto [it, fresh] = file_mobiles.emplace(m.mobile, rec.line); !fresh) {
                problem(r, column_for_field("mobile"), *value("mobile"),
                        subst(tr("mobile: {0} is also on row {1} (the same mobile is the same person)"),
                              {mask_mobile(m.mobile), std::to_string(it->second)}));
                continue;
            }
        }
        if (options.dedupe_email && !m.email.empty()) {
            if (auto it = existing_emails.find(m.email); it != existing_emails.end()) {
                problem(r, column_for_field("email"), m.email,
                        subst(tr("email: {0} already belongs to member {1}"), {mask_email(m.email), it->second}));
                continue;
            }
            if (auto [it, fresh] = file_emails.emplace(m.email, rec.line); !fresh) {
                problem(r, column_for_field("email"), m.email,
                        subst(tr("email: {0} is also on row {1}"), {mask_email(m.email), std::to_string(it->second)}));
                continue;
            }
        }
        rows.push_back(std::move(row));
    }
    // Referrers may be members already or members of this file that carry their number.
    // Filtered in place: a second vector of a million members would double the memory.
    std::erase_if(rows, [&](const Row& row) {
        const std::string& ref = row.member.referrer_number;
        if (ref.empty() || existing_numbers.count(ref) || file_numbers.count(ref)) return false;
        problem(row.record, column_for_field("referrer"), ref, subst(tr("referrer: there is no member \"{0}\""), {ref}));
        return true;
    });
    std::vector<Row>& accepted = rows;
    std::sort(result.problems.begin(), result.problems.end(),
              [](const ImportProblem& a, const ImportProblem& b) { return a.row < b.row; });
    for (std::size_t r : bad_records) result.rejected.push_back(std::move(records[r]));
    std::vector<CsvRecord>().swap(records);  // the accepted rows live on as members
    if (options.dry_run || (!result.problems.empty() && !options.skip_invalid)) return result;

    // --- write, all at once ---------------------------------------------------------------------
    Transaction tx(db_);
    MemberRepository members(db_);
    const std::int64_t before = store.max_id();
    std::int64_t next = members.next_sequence();
    for (const auto& [number, line] : file_numbers) next = std::max<std::int64_t>(next, std::stoll(number.substr(1)) + 1);
    // Inside the transaction: a failure or a cancel restores the indexes with everything else.
    const std::vector<std::string> suspended = store.suspend_indexes_for(static_cast<long long>(accepted.size()));
    std::vector<Member> batch;
    std::vector<std::pair<std::string, std::string>> referrers;
    long long written = 0;
    for (Row& row : accepted) {
        Member& m = row.member;
        if (!row.has_number) m.number = member_number_for(next++);
        m.updated_at = now;
        m.updated_by = actor.username;
        if (!m.referrer_number.empty()) referrers.emplace_back(m.number, m.referrer_number);
        batch.push_back(std::move(m));
        if (batch.size() == kBatch) {
            if (options.cancel && options.cancel->load()) throw CancelledError(tr("import cancelled: nothing was imported"));
            store.insert(batch);
            written += static_cast<long long>(batch.size());
            batch.clear();
            if (options.progress) options.progress(written, static_cast<long long>(accepted.size()));
        }
    }
    store.insert(batch);
    written += static_cast<long long>(batch.size());
    store.rebuild_indexes(suspended);  // the unique mobile index checks the whole table again here
    const std::string source_note = options.source.empty() ? options.file_name : options.file_name + " (" + options.source + ")";
    store.add_registrations(before, actor.username, format_instant(now), subst(tr("imported from {0}"), {source_note}));
    store.set_referrers(referrers);
    if (mapping_given && !options.source.empty())
        store.save_mapping(options.source, nlohmann::json(result.mapping).dump(), actor.username, now);
    result.imported = written;
    audit_.record(actor.username, "member.import", "member", options.file_name, "",
                  nlohmann::json{{"file", options.file_name},
                                 {"source", options.source},
                                 {"encoding", text_encoding_name(result.encoding)},
                                 {"rows", result.rows},
                                 {"imported", written},
                                 {"rejected", static_cast<long long>(result.rejected.size())}}
                      .dump(),
                  subst(tr("{0} members imported, {1} rows rejected"),
                        {std::to_string(written), std::to_string(result.rejected.size())}));
    if (options.cancel && options.cancel->load()) throw CancelledError(tr("import cancelled: nothing was imported"));
    tx.commit();
    if (options.progress) options.progress(written, written);
    result.written = true;
    return result;
}

std::string problems_csv(const MemberImportResult& result) { return problems_csv(result.problems); }

std::string rejected_csv(const MemberImportResult& result) {
    std::string out = "\xEF\xBB\xBF";
    for (const std::string& h : result.header) out += csv_cell(h) + ",";
    out += "reason\r\n";
    std::map<int, std::string> reasons;
    for (const ImportProblem& p : result.problems) reasons.emplace(p.row, p.reason);
    for (const CsvRecord& rec : result.rejected) {
        for (const std::string& f : rec.fields) out += csv_cell(f) + ",";
        out += csv_cell(reasons[rec.line]) + "\r\n";
    }
    return out;
}

}  // namespace md

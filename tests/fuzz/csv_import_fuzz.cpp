// Fuzz target: the member CSV import, from the bytes of a file to the checked rows, the way
// `member import --dry-run` and the GUI's preview run it: encoding detection (UTF-8 with or
// without a BOM, else GBK/GB18030) and decoding, the CSV reader, the header mapping and every
// row's checks, including the duplicate checks against the registry. A dry run writes nothing,
// so one scratch SQLite database (one member in it, for the duplicate paths) serves every input.
//
// Input: the first byte chooses the options (encoding, e-mail dedupe, an explicit mapping of the
// first column to the name); the rest is the file.
//
// Expected: ValidationError, the import's documented refusal of a whole file (empty, not text,
// bad encoding, no name column, an unclosed quote). Anything else escaping is a finding: another
// md::Error would mean the import touched the database in a way a dry run must not, and a
// std::exception of another type would reach the CLI as an "internal" error. The target also
// aborts if what the import writes back for people (the problem report, the rejected rows) is
// not itself valid UTF-8 CSV that the reader reads back.
#include "db/database.h"
#include "models/errors.h"
#include "models/text.h"
#include "services/csv_reader.h"
#include "services/member_import.h"
#include "services/services.h"
#include "services/text_encoding.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace md;

namespace {

[[noreturn]] void finding(const char* what) {
    std::fprintf(stderr, "csv_import fuzz finding: %s\n", what);
    std::abort();
}

// The scratch database: made once per process in its own temporary folder, removed at exit.
struct ScratchRegistry {
    fs::path folder;
    std::unique_ptr<Services> services;
    Actor marketing;

    ScratchRegistry() {
        folder = fs::temp_directory_path() / ("memberdesk-fuzz-csv-" + std::to_string(::getpid()));
        fs::create_directories(folder);
        const Instant fixed_now = parse_instant("2026-11-22 02:00:00");  // the same day for every run
        services = std::make_unique<Services>(Database::open(sqlite_url((folder / "fuzz.db").string()),
                                                             OpenMode::CreateIfMissing),
                                              [fixed_now] { return fixed_now; });
        services->database_admin.init("admin", "fuzz-password-admin");
        const Actor admin = services->auth.sign_in("admin", "fuzz-password-admin");
        services->users.add(admin, {"marketing.user", "", "marketing", "fuzz-password-marketing"});
        marketing = services->auth.sign_in("marketing.user", "fuzz-password-marketing");
        MemberInput in;
        in.name = "王建国";
        in.mobile = "13801012345";
        in.email = "wjg@example.com";
        services->members.add(marketing, in);  // M00000001: a file may repeat its mobile or e-mail
    }
    ~ScratchRegistry() {
        services.reset();
        std::error_code ignored;
        fs::remove_all(folder, ignored);
    }
};

ScratchRegistry& registry() {
    static ScratchRegistry r;
    return r;
}

// What the import gives back to people must read back as the CSV it claims to be.
void check_readable(const std::string& csv) {
    try {
        read_csv(decode_text(csv, TextEncoding::Auto).utf8);
    } catch (const ValidationError& e) {
        std::fprintf(stderr, "%s\n", e.what());
        finding("a report the import wrote does not read back as CSV");
    }
}

// A field written as csv_cell writes it reads back as one field, and as the same text once the
// import's restore_formula_text has taken away the apostrophe csv_cell put before = + - @ (an
// empty field is a blank line, which the reader skips). Both sides are restored because text
// that really began with "'=" comes back without its apostrophe: the one ambiguity of the rule.
void check_cell_round_trip(const std::string& field) {
    const std::vector<CsvRecord> back = read_csv(csv_cell(field) + "\r\n");
    if (field.empty() ? !back.empty()
                      : back.size() != 1 || back[0].fields.size() != 1 ||
                            restore_formula_text(back[0].fields[0]) != restore_formula_text(field))
        finding("csv_cell then read_csv does not give the field back");
}

// The pure steps on their own, under every encoding: what decodes is valid UTF-8.
void decode_and_read(const std::string& bytes, TextEncoding encoding) {
    try {
        const DecodedText decoded = decode_text(bytes, encoding);
        if (!valid_utf8(decoded.utf8)) finding("decode_text returned text that is not valid UTF-8");
        for (const CsvRecord& record : read_csv(decoded.utf8))
            for (const std::string& field : record.fields) check_cell_round_trip(field);
    } catch (const ValidationError&) {
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::uint8_t choice = data[0];
    const std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);

    for (TextEncoding e : {TextEncoding::Auto, TextEncoding::Utf8, TextEncoding::Gb18030}) decode_and_read(bytes, e);

    MemberImportOptions options;
    static const TextEncoding encodings[] = {TextEncoding::Auto, TextEncoding::Utf8, TextEncoding::Gb18030,
                                             TextEncoding::Auto};
    options.encoding = encodings[choice & 3];
    options.dedupe_email = (choice & 4) != 0;
    options.file_name = "fuzz.csv";
    options.dry_run = true;  // check everything, write nothing
    if (choice & 8) {
        // An explicit mapping (as --map gives): the first column is the name, the rest ignored.
        try {
            const auto records = read_csv(decode_text(bytes, options.encoding).utf8);
            if (!records.empty() && !records[0].fields.empty()) {
                options.mapping[trim_space(records[0].fields[0])] = "name";
            }
        } catch (const ValidationError&) {
        }
    }
    ScratchRegistry& r = registry();
    try {
        const MemberImportResult result = r.services->imports.import_csv(r.marketing, bytes, options);
        if (result.written) finding("a dry run wrote to the database");
        if (result.problems.size() < result.rejected.size()) finding("a rejected row has no problem");
        check_readable(problems_csv(result));
        check_readable(rejected_csv(result));
    } catch (const ValidationError&) {
        // The documented refusal of the file as a whole.
    }
    return 0;
}

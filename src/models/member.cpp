#include "models/member.h"

#include "models/errors.h"
#include "models/text.h"
#include "models/translate.h"

#include <cctype>
#include <cstdio>

namespace md {
namespace {

template <std::size_t N>
int index_of(const char* const (&codes)[N], const std::string& code, const std::string& field) {
    std::string known;
    for (std::size_t i = 0; i < N; ++i) {
        if (code == codes[i]) return static_cast<int>(i);
        known += (i ? ", " : "") + std::string(codes[i]);
    }
    throw ValidationError(field, code, subst(tr("{0}: \"{1}\" is not one of {2}"), {field, code, known}));
}

const char* const kTypes[] = {"individual", "group"};
const char* const kGenders[] = {"unknown", "female", "male"};
const char* const kChannels[] = {"store", "web", "app"};
const char* const kStates[] = {"registered", "recharged", "activated", "dormant", "lapsed"};

// The national part of a Chinese mobile in E.164, or "" when it is not one.
std::string cn_national(const std::string& e164) {
    if (e164.rfind("+86", 0) == 0 && e164.size() == 14) return e164.substr(3);
    return "";
}

}  // namespace

std::string member_type_code(MemberType t) { return kTypes[static_cast<int>(t)]; }
MemberType parse_member_type(const std::string& c, const std::string& f) { return MemberType(index_of(kTypes, c, f)); }
std::string gender_code(Gender g) { return kGenders[static_cast<int>(g)]; }
Gender parse_gender(const std::string& c, const std::string& f) { return Gender(index_of(kGenders, c, f)); }
std::string channel_code(Channel c) { return kChannels[static_cast<int>(c)]; }
Channel parse_channel(const std::string& c, const std::string& f) { return Channel(index_of(kChannels, c, f)); }
std::string lifecycle_code(LifecycleState s) { return kStates[static_cast<int>(s)]; }
LifecycleState parse_lifecycle(const std::string& c, const std::string& f) { return LifecycleState(index_of(kStates, c, f)); }

void validate_member_number(const std::string& number) {
    const bool ok = number.size() == 9 && number[0] == 'M' &&
                    number.find_first_not_of("0123456789", 1) == std::string::npos;
    if (!ok)
        throw ValidationError("number", number,
                              subst(tr("number: \"{0}\" is not a member number (M and eight digits)"), {number}));
}

std::string member_number_for(std::int64_t sequence) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "M%08lld", static_cast<long long>(sequence));
    return buf;
}

void validate(const Member& m, const Date& today) {
    if (m.name.find_first_not_of(" \t\r\n\xE3\x80\x80") == std::string::npos)
        throw ValidationError("name", m.name, tr("name: a member needs a name"));
    if (m.name.size() > 200)
        throw ValidationError("name", shortened(m.name, 40), tr("name: longer than 200 bytes"));
    if (m.birthday && *m.birthday > today)
        throw ValidationError("birthday", format_date(*m.birthday),
                              subst(tr("birthday: {0} is in the future"), {format_date(*m.birthday)}));
    if (!m.email.empty()) {
        const auto at = m.email.find('@');
        const bool ok = at != std::string::npos && at > 0 && m.email.find('.', at) != std::string::npos &&
                        m.email.back() != '.' && m.email.find_first_of(" ,;<>\"") == std::string::npos &&
                        m.email.find('@', at + 1) == std::string::npos && m.email.size() <= 254;
        if (!ok) throw ValidationError("email", m.email, subst(tr("email: \"{0}\" is not an e-mail address"), {m.email}));
    }
    if (m.type == MemberType::Group && m.company.empty())
        throw ValidationError("company", "", tr("company: a group member needs a company name"));
    for (const std::string& tag : m.tags)
        if (tag.empty() || tag.find(',') != std::string::npos || tag.size() > 40)
            throw ValidationError("tags", tag, subst(tr("tags: \"{0}\" is not a tag (no commas, 1–40 bytes)"), {tag}));
    if (m.notes.size() > 4000) throw ValidationError("notes", shortened(m.notes, 40), tr("notes: longer than 4000 bytes"));
}

std::string mask_mobile(const std::string& e164) {
    const std::string national = cn_national(e164);
    if (!national.empty()) return national.substr(0, 3) + "****" + national.substr(7);
    if (e164.size() <= 4) return std::string(e164.size(), '*');
    return std::string(e164.size() - 4, '*') + e164.substr(e164.size() - 4);
}

std::string mask_email(const std::string& email) {
    const auto at = email.find('@');
    if (at == std::string::npos || at == 0) return email.empty() ? "" : "***";
    // The first character whole, even when it is not ASCII (张@example.cn → 张***@example.cn).
    std::size_t first = 1;
    while (first < at && (static_cast<unsigned char>(email[first]) & 0xC0) == 0x80) ++first;
    return email.substr(0, first) + "***" + email.substr(at);
}

std::string display_mobile(const std::string& e164) {
    const std::string national = cn_national(e164);
    if (national.empty()) return e164;
    return national.substr(0, 3) + " " + national.substr(3, 4) + " " + national.substr(7);
}

}  // namespace md

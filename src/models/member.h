#pragma once
// A member of the programme (会员): identity, contact, type, channel, consent and lifecycle
// state. Pure data and rules; phone parsing and pinyin live in services (they need ICU and
// libphonenumber).
#include "models/timestamps.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace md {

enum class MemberType { Individual, Group };           // 个人会员 / 团体会员
enum class Gender { Unknown, Female, Male };
enum class Channel { Store, Web, App };
// domain.md §2: registered → recharged → activated → dormant → lapsed
enum class LifecycleState { Registered, Recharged, Activated, Dormant, Lapsed };

std::string member_type_code(MemberType t);          // "individual", "group"
MemberType parse_member_type(const std::string& code, const std::string& field);
std::string gender_code(Gender g);                   // "unknown", "female", "male"
Gender parse_gender(const std::string& code, const std::string& field);
std::string channel_code(Channel c);                 // "store", "web", "app"
Channel parse_channel(const std::string& code, const std::string& field);
std::string lifecycle_code(LifecycleState s);        // "registered", ...
LifecycleState parse_lifecycle(const std::string& code, const std::string& field);

struct Member {
    std::int64_t id = 0;
    std::string number;           // human key, e.g. "M00000042"
    std::string name;
    std::string name_pinyin;      // search key: "zhangsan" (derived)
    std::string name_initials;    // search key: "zs" (derived)
    std::string mobile;           // E.164, "+8613800138000"; empty if none
    std::string email;            // lower-case; empty if none
    std::optional<Date> birthday;
    Gender gender = Gender::Unknown;
    MemberType type = MemberType::Individual;
    std::string company;          // group members
    Channel channel = Channel::Store;
    std::string home_store;
    std::string referrer_number;  // another member
    std::vector<std::string> tags;
    bool consent_sms = false;
    bool consent_email = false;
    std::string notes;
    LifecycleState state = LifecycleState::Registered;
    Instant created_at;
    Instant updated_at;
    std::string updated_by;
    int version = 1;
};

// Rules that need no library: a name, a birthday that exists and is not in the future,
// an e-mail of the shape a@b.c, a company for group members, tags without commas.
void validate(const Member& member, const Date& today);

// "M" + eight digits; ValidationError otherwise.
void validate_member_number(const std::string& number);
std::string member_number_for(std::int64_t sequence);  // 42 → "M00000042"

// Shown to staff without the personal-data permission.
std::string mask_mobile(const std::string& e164);     // "+8613800138000" → "138****8000"
std::string mask_email(const std::string& email);     // "zhang@example.com" → "z***@example.com"
// Shown to staff with it: a Chinese mobile grouped 3-4-4, "138 0013 8000".
std::string display_mobile(const std::string& e164);

}  // namespace md

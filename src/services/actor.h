#pragma once
// The signed-in person a service call acts for. Only AuthService makes one.
#include "models/role.h"
#include "models/timestamps.h"

#include <cstdint>
#include <functional>
#include <string>

namespace md {

struct Actor {
    std::int64_t user_id = 0;
    std::string username;
    std::string display_name;
    Role role = Role::Auditor;
};

// Injected so tests can move time (lockouts, deadlines) without sleeping.
using Clock = std::function<Instant()>;

}  // namespace md

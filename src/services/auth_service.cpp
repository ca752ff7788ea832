#include "services/auth_service.h"

#include "db/user_repository.h"
#include "models/errors.h"
#include "models/translate.h"
#include "services/password_hasher.h"

namespace md {

Actor AuthService::sign_in(const std::string& username, const std::string& password) {
    const std::string action = "auth.sign_in";
    UserRepository users(db_);
    const Instant now = clock_();
    auto refuse = [&](const std::string& message) -> AuthenticationError {
        audit_.record_refusal(username, action, AuditOutcome::Failed, "user", username, message);
        return AuthenticationError(message);
    };

    std::optional<User> user = users.find_by_username(username);
    if (!user) throw refuse(subst(tr("sign-in: there is no user \"{0}\""), {username}));
    if (!user->active) throw refuse(subst(tr("sign-in: user \"{0}\" is disabled"), {username}));
    if (is_locked(*user, now))
        throw refuse(subst(tr("sign-in: user \"{0}\" is locked after too many wrong passwords until {1}"),
                           {username, format_business_time(*user->locked_until)}));

    if (!verify_password(user->password_hash, password)) {
        int failures = user->failed_sign_ins + 1;
        std::optional<Instant> locked_until;
        std::string message;
        if (failures >= policy_.max_failures) {
            locked_until = now + policy_.lock_duration;
            failures = 0;  // the lock itself now guards; the count starts again after it
            message = subst(tr("sign-in: wrong password for \"{0}\"; the account is locked until {1}"),
                            {username, format_business_time(*locked_until)});
        } else {
            message = subst(tr("sign-in: wrong password for \"{0}\" ({1} more tries before a 15-minute lock)"),
                            {username, std::to_string(policy_.max_failures - failures)});
        }
        {
            Transaction tx(db_);
            users.record_sign_in_result(user->id, failures, locked_until);
            audit_.record(username, action, "user", username, "", "", message, AuditOutcome::Failed);
            tx.commit();
        }
        throw AuthenticationError(message);
    }

    Transaction tx(db_);
    users.record_sign_in_result(user->id, 0, std::nullopt);
    audit_.record(username, action, "user", username, "", "");
    tx.commit();
    return Actor{user->id, user->username, user->display_name, user->role};
}

}  // namespace md

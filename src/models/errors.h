#pragma once
// One exception hierarchy for every layer. The CLI maps each kind to an exit code
// (design.md) and the GUI to a dialog; the message is already meant for a person.
#include <stdexcept>
#include <string>

namespace md {

class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Bad input: names the field, the offending value and (for imports) the row.
class ValidationError : public Error {
public:
    ValidationError(std::string field, std::string value, const std::string& message);
    const std::string& field() const { return field_; }
    const std::string& value() const { return value_; }
private:
    std::string field_;
    std::string value_;
};

class NotFoundError : public Error { public: using Error::Error; };
class PermissionError : public Error { public: using Error::Error; };
// Sign-in refused: wrong password, unknown user, locked or disabled account.
class AuthenticationError : public PermissionError { public: using PermissionError::PermissionError; };
// Already exists, already done, or saved over a newer version (stale edit).
class ConflictError : public Error { public: using Error::Error; };
// Saved over a newer version: says who saved in between and when, so a person can decide.
class StaleEditError : public ConflictError {
public:
    StaleEditError(const std::string& message, std::string changed_by, std::string changed_at)
        : ConflictError(message), changed_by_(std::move(changed_by)), changed_at_(std::move(changed_at)) {}
    const std::string& changed_by() const { return changed_by_; }
    const std::string& changed_at() const { return changed_at_; }
private:
    std::string changed_by_;
    std::string changed_at_;
};
// The person stopped a long operation; everything it had done was rolled back.
class CancelledError : public ConflictError { public: using ConflictError::ConflictError; };
// The database could not be reached, opened, read or written.
class StorageError : public Error { public: using Error::Error; };

}  // namespace md

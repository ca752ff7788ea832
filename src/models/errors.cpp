#include "models/errors.h"

namespace md {

ValidationError::ValidationError(std::string field, std::string value, const std::string& message)
    : Error(message), field_(std::move(field)), value_(std::move(value)) {}

}  // namespace md

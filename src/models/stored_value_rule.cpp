#include "models/stored_value_rule.h"

#include "models/errors.h"
#include "models/translate.h"

#include <algorithm>

namespace md {

std::string draw_order_codes(const DrawOrder& order) {
    std::string text;
    for (Bucket b : order) text += (text.empty() ? "" : ", ") + bucket_code(b);
    return text;
}

void validate(const StoredValueRule& rule) {
    for (Bucket b : kValueBuckets)
        if (std::count(rule.draw_order.begin(), rule.draw_order.end(), b) != 1)
            throw ValidationError("draw_order", draw_order_codes(rule.draw_order),
                                  subst(tr("draw_order: \"{0}\" must name principal, bonus and compensation once each"),
                                        {draw_order_codes(rule.draw_order)}));
}

}  // namespace md

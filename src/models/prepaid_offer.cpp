#include "models/prepaid_offer.h"

#include "models/errors.h"
#include "models/tier_ladder.h"
#include "models/translate.h"

namespace md {

void validate(const Denomination& d) {
    const std::string at = "denomination " + d.face_value.to_string();
    if (d.face_value <= Money())
        throw ValidationError("denomination.face_value", d.face_value.to_string(),
                              subst(tr("denomination.face_value: must be above zero, not {0}"), {d.face_value.to_string()}));
    if (d.bonus < Money())
        throw ValidationError(at + ".bonus", d.bonus.to_string(),
                              subst(tr("{0}.bonus: cannot be negative ({1})"), {at, d.bonus.to_string()}));
}

void validate(const RechargeBonus& b) {
    validate_code(b.code, "bonus.code");
    const std::string at = "bonus " + b.code;
    if (b.pay <= Money())
        throw ValidationError(at + ".pay", b.pay.to_string(),
                              subst(tr("{0}.pay: must be above zero, not {1}"), {at, b.pay.to_string()}));
    if (b.receive < b.pay)
        throw ValidationError(at + ".receive", b.receive.to_string(),
                              subst(tr("{0}.receive: {1} is less than the {2} paid"),
                                    {at, b.receive.to_string(), b.pay.to_string()}));
    if (b.valid_from.is_not_a_date())
        throw ValidationError(at + ".valid_from", "", subst(tr("{0}.valid_from: needs a date"), {at}));
    if (b.valid_to && *b.valid_to < b.valid_from)
        throw ValidationError(at + ".valid_to", format_date(*b.valid_to),
                              subst(tr("{0}.valid_to: {1} is before valid_from {2}"),
                                    {at, format_date(*b.valid_to), format_date(b.valid_from)}));
}

}  // namespace md

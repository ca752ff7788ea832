#include "reports/complaint_words.h"

#include "models/translate.h"

namespace md::report {
namespace {

template <typename E>
std::string words_of(const std::vector<std::pair<E, const char*>>& table, E value) {
    for (const auto& [v, msgid] : table)
        if (v == value) return tr(msgid);
    return {};
}

}  // namespace

const std::vector<std::pair<ComplaintCategory, const char*>>& complaint_category_msgids() {
    static const std::vector<std::pair<ComplaintCategory, const char*>> t = {
        {ComplaintCategory::ProductQuality, tr_noop("Product quality")},
        {ComplaintCategory::Delivery, tr_noop("Delivery")},
        {ComplaintCategory::StoredValue, tr_noop("Stored value / card")},
        {ComplaintCategory::Points, tr_noop("Points")},
        {ComplaintCategory::StaffAttitude, tr_noop("Staff attitude")},
        {ComplaintCategory::Package, tr_noop("Meal package")},
        {ComplaintCategory::Other, tr_noop("Other")},
    };
    return t;
}

const std::vector<std::pair<ComplaintSeverity, const char*>>& complaint_severity_msgids() {
    static const std::vector<std::pair<ComplaintSeverity, const char*>> t = {
        {ComplaintSeverity::Low, tr_noop("Low")},
        {ComplaintSeverity::Normal, tr_noop("Normal")},
        {ComplaintSeverity::High, tr_noop("High")},
        {ComplaintSeverity::Critical, tr_noop("Critical")},
    };
    return t;
}

std::string complaint_category_words(ComplaintCategory category) { return words_of(complaint_category_msgids(), category); }
std::string complaint_severity_words(ComplaintSeverity severity) { return words_of(complaint_severity_msgids(), severity); }

}  // namespace md::report

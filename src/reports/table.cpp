#include "reports/table.h"

namespace md::report {
namespace {

struct CellText {
    std::string operator()(std::monostate) const { return ""; }
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(std::int64_t n) const { return std::to_string(n); }
    std::string operator()(Money m) const { return m.to_string(); }
    std::string operator()(const Date& d) const { return format_date(d); }
    std::string operator()(const Instant& at) const { return format_business_time(at); }
};

}  // namespace

std::string cell_text(const Cell& cell) { return std::visit(CellText{}, cell); }

}  // namespace md::report

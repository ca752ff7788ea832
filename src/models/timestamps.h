#pragma once
// Instants are UTC boost::posix_time::ptime; calendar days are boost::gregorian::date.
// Both travel as ISO text ("2026-11-22 06:40:00", "2026-11-22") so both databases agree.
#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>
#include <string>

namespace md {

using Instant = boost::posix_time::ptime;
using Date = boost::gregorian::date;

Instant now_utc();                                   // whole seconds
std::string format_instant(const Instant& at);       // "YYYY-MM-DD HH:MM:SS"
Instant parse_instant(const std::string& text);      // accepts "T" or " ", optional fraction/zone "Z"/"+00"
std::string format_date(const Date& day);            // "YYYY-MM-DD"
Date parse_date(const std::string& text, const std::string& field);  // ValidationError names field

}  // namespace md

namespace md {

// The programme's business day is Asia/Shanghai time: UTC+8 all year (no daylight saving
// since 1991), so a fixed offset is exact. Filters by date ("from 2026-11-01") mean these days.
Instant to_business_time(const Instant& utc);
Instant business_day_start_utc(const Date& day);
std::string format_business_time(const Instant& utc);  // "YYYY-MM-DD HH:MM" local, for people

}  // namespace md

#pragma once
// Dates and times as people read them, in the interface's language (issue 12): English keeps
// ISO, "2026-11-22" (unambiguous in an office that mixes conventions); Chinese writes
// "2026年11月22日". The pattern is a translated string, so the core needs no locale.
//
// Only for text people read: list cells, headings, notes, report parameters and the PDF/HTML
// renderings. Machines and editable fields keep ISO (format_date in timestamps.h): the CSV and
// JSON outputs, the database, and every field a user types a date into (parse_date reads ISO).
#include "models/timestamps.h"

#include <string>

namespace md {

std::string display_date(const Date& day);                // "2026-11-22" / "2026年11月22日"
std::string display_time(const Instant& local);           // a business-time instant: "2026-11-22 14:30" / "2026年11月22日 14:30"
std::string display_business_time(const Instant& utc);    // a UTC instant shown in business time, as display_time

}  // namespace md

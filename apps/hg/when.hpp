// Times as users type them on the command line: --at, --on, --in, --since, and the time zone
// a wall-clock time is meant in.
#pragma once

#include <string>
#include <string_view>

#include "session.hpp"
#include "util/result.hpp"
#include "util/time.hpp"

namespace hg::cli {

// The zone for wall-clock times: `flag` (--tz) if given, else config track.time_zone, else
// $TZ, else the system's (/etc/localtime), else "UTC". Errors: invalid_argument for a zone the
// system does not know.
Result<std::string> time_zone(const Session& session, std::string_view flag);

// An instant from "now", "today", "yesterday", an ISO date ("2026-11-01": its midnight in
// `zone`) or date-time (with Z or an offset; without one it is wall-clock time in `zone`).
// `option` names the flag in errors. Errors: invalid_argument.
Result<util::TimePoint> parse_when(std::string_view text, std::string_view zone,
                                   const util::Clock& clock, std::string_view option);

// `text` read by parse_when in the zone of `tz` (time_zone()), as ISO 8601 UTC; "now" when
// `text` is empty. `past_only` refuses a time after now. Errors: invalid_argument.
Result<std::string> instant_iso(const Session& session, std::string_view tz,
                                const std::string& text, std::string_view option, bool past_only);

// A span such as "7d", "2w", "36h", "90m" (minutes), "3mo" (months of 30 days).
// Errors: invalid_argument.
Result<std::chrono::seconds> parse_span(std::string_view text, std::string_view option);

}  // namespace hg::cli

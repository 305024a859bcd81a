// An application: one profile applying to one job, its timeline, interviews, reminders and
// the documents written for it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace hg::model {

using ApplicationId = std::int64_t;

struct Application {
  ApplicationId id = 0;
  std::int64_t profile_id = 0;
  std::int64_t job_id = 0;
  std::string status{};  // saved, applied, screening, interviewing, offer, accepted, rejected ...
  std::optional<std::int64_t> resume_id{};
  std::optional<double> match_score{};
  std::string match_explanation{};  // JSON from hg match, or ""
  std::string created_at{};
  std::string updated_at{};
  // Read with the application for display; not stored in its row.
  std::string profile_name{};
  std::string job_title{};
  std::string company{};
  std::string location{};
};

// One step of the timeline: a status change (from -> to) or, with both empty, a note.
struct ApplicationEvent {
  std::int64_t id = 0;
  ApplicationId application_id = 0;
  std::string at{};
  std::string from_status{};
  std::string to_status{};
  std::string note{};
};

struct Interview {
  std::int64_t id = 0;
  ApplicationId application_id = 0;
  std::string at{};           // the instant, ISO 8601 UTC
  std::string time_zone{};    // IANA zone the time was given in, e.g. "Europe/Berlin"
  int duration_minutes = 60;
  std::string kind{};         // phone | video | onsite | technical | ...
  std::string with_whom{};
  std::string location{};
  std::string notes{};
  std::string uid{};          // stable iCalendar UID
};

struct Reminder {
  std::int64_t id = 0;
  ApplicationId application_id = 0;
  std::string due_at{};   // ISO 8601 UTC
  std::string text{};
  std::string done_at{};  // "" while open
};

// A generated or attached text: a cover letter version, the resume sent, a PDF.
struct Document {
  std::int64_t id = 0;
  ApplicationId application_id = 0;
  std::string kind{};       // cover_letter | resume
  int version = 0;        // 1, 2, ... per application and kind
  std::string format{};     // text | pdf | file
  std::string content{};    // bytes
  std::string generator{};  // template name, "llm:<model>", or the file name
  bool is_final = false;
  std::string flags{};      // JSON array of unsupported claims, "" when none were checked
  std::string created_at{};
};

}  // namespace hg::model

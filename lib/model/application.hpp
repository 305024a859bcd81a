// An application: one profile applying to one job, and its timeline.
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
  std::string status;  // saved, applied, screening, interviewing, offer, accepted, rejected ...
  std::optional<double> match_score;
  std::string created_at;
  std::string updated_at;
};

struct ApplicationEvent {
  std::int64_t id = 0;
  ApplicationId application_id = 0;
  std::string at;
  std::string from_status;
  std::string to_status;
  std::string note;
};

}  // namespace hg::model

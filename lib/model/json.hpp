// JSON mapping of the model: the stable field contract of `--json`, `--jsonl` and export.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "model/application.hpp"
#include "model/event.hpp"
#include "model/job.hpp"
#include "model/profile.hpp"
#include "util/result.hpp"

namespace hg::model {

// Field order is part of the contract (docs: man hg-export, schemas/job.schema.json).
void to_json(nlohmann::ordered_json& out, const Job& job);
void to_json(nlohmann::ordered_json& out, const Profile& profile);
void to_json(nlohmann::ordered_json& out, const Application& application);
void to_json(nlohmann::ordered_json& out, const ApplicationEvent& event);
void to_json(nlohmann::ordered_json& out, const Interview& interview);
void to_json(nlohmann::ordered_json& out, const Reminder& reminder);
// A document's metadata; its content is not included (`bytes` gives its size).
void to_json(nlohmann::ordered_json& out, const Document& document);
void to_json(nlohmann::ordered_json& out, const Event& event);

// The names of Job's fields in contract order (the CSV header of `hg export jobs --csv`).
const std::vector<std::string>& job_field_names();
// The names of Profile's and Application's fields in contract order.
const std::vector<std::string>& profile_field_names();
const std::vector<std::string>& application_field_names();

// A profile from a JSON Resume document (jsonresume.org schema v1). `name` is the handle;
// `today` ("YYYY-MM-DD") ends current positions when counting years of experience.
// Errors: invalid_input when the text is not JSON or not an object.
Result<Profile> profile_from_json_resume(std::string_view json_text, std::string_view name,
                                         std::string_view today);

}  // namespace hg::model

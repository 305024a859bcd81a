#include "model/json.hpp"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "util/strings.hpp"

namespace hg::model {
namespace {

using Json = nlohmann::ordered_json;

Json text_or_null(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

template <class T>
Json opt(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

std::string string_at(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return {};
  return std::string(util::trim(it->get<std::string>()));
}

// "2019", "2019-03" or "2019-03-15" as a month count since year 0; nullopt otherwise.
std::optional<int> month_index(std::string_view date) {
  if (date.size() < 4) return std::nullopt;
  auto year = util::parse_int(date.substr(0, 4));
  if (!year) return std::nullopt;
  int month = 1;
  if (date.size() >= 7 && date[4] == '-') {
    auto m = util::parse_int(date.substr(5, 2));
    if (!m || *m < 1 || *m > 12) return std::nullopt;
    month = static_cast<int>(*m);
  }
  return static_cast<int>(*year) * 12 + (month - 1);
}

// Years covered by the union of work intervals, so overlapping jobs count once.
std::optional<double> years_of_experience(const nlohmann::json& work, std::string_view today) {
  std::vector<std::pair<int, int>> spans;
  const auto now = month_index(today);
  for (const auto& entry : work) {
    if (!entry.is_object()) continue;
    auto start = month_index(string_at(entry, "startDate"));
    std::string end_text = string_at(entry, "endDate");
    auto end = end_text.empty() ? now : month_index(end_text);
    if (!start || !end || *end < *start) continue;
    spans.emplace_back(*start, *end + 1);
  }
  if (spans.empty()) return std::nullopt;
  std::sort(spans.begin(), spans.end());
  int months = 0;
  int covered_to = spans.front().first;
  for (auto [start, end] : spans) {
    start = std::max(start, covered_to);
    if (end > start) months += end - start;
    covered_to = std::max(covered_to, end);
  }
  return std::round(months / 12.0 * 10) / 10;  // one decimal
}

}  // namespace

// The keys to_json writes for a default T, in contract order.
template <class T>
std::vector<std::string> field_names_of() {
  Json sample;
  to_json(sample, T{});
  std::vector<std::string> keys;
  for (const auto& item : sample.items()) keys.push_back(item.key());
  return keys;
}

const std::vector<std::string>& job_field_names() {
  static const std::vector<std::string> names = field_names_of<Job>();
  return names;
}

const std::vector<std::string>& profile_field_names() {
  static const std::vector<std::string> names = field_names_of<Profile>();
  return names;
}

const std::vector<std::string>& application_field_names() {
  static const std::vector<std::string> names = field_names_of<Application>();
  return names;
}


void to_json(Json& out, const Job& job) {
  out = Json::object();
  out["id"] = job.id;
  out["source"] = job.source;
  out["external_id"] = text_or_null(job.external_id);
  out["url"] = text_or_null(job.url);
  out["canonical_url"] = text_or_null(job.canonical_url);
  out["title"] = job.title;
  out["company"] = job.company;
  out["location"] = text_or_null(job.location);
  out["city"] = text_or_null(job.city);
  out["region"] = text_or_null(job.region);
  out["country"] = text_or_null(job.country);
  out["latitude"] = opt(job.latitude);
  out["longitude"] = opt(job.longitude);
  out["remote"] = text_or_null(job.remote);
  out["remote_regions"] = job.remote_regions;
  out["employment_type"] = text_or_null(job.employment_type);
  out["seniority"] = text_or_null(job.seniority);
  out["title_family"] = text_or_null(job.title_family);
  out["salary_text"] = text_or_null(job.salary_text);
  out["salary_min"] = opt(job.salary_min);
  out["salary_max"] = opt(job.salary_max);
  out["salary_currency"] = text_or_null(job.salary_currency);
  out["salary_period"] = text_or_null(job.salary_period);
  out["salary_annual"] = opt(job.salary_annual);
  out["salary_reporting"] = opt(job.salary_reporting);
  out["reporting_currency"] = text_or_null(job.reporting_currency);
  out["visa_sponsorship"] = opt(job.visa_sponsorship);
  out["visa_evidence"] = text_or_null(job.visa_evidence);
  out["date_posted"] = text_or_null(job.date_posted);
  out["valid_through"] = text_or_null(job.valid_through);
  out["first_seen"] = job.first_seen;
  out["last_seen"] = job.last_seen;
  out["closed_at"] = text_or_null(job.closed_at);
  Json skills = Json::array();
  for (const JobSkill& skill : job.skills) {
    skills.push_back({{"name", skill.name}, {"required", opt(skill.required)}});
  }
  out["skills"] = std::move(skills);
  out["fingerprint"] = text_or_null(job.fingerprint);
  out["cluster_id"] = opt(job.cluster_id);
  out["description"] = job.description;
  out["description_html"] = text_or_null(job.description_html);
}

void to_json(Json& out, const Profile& profile) {
  out = Json::object();
  out["id"] = profile.id;
  out["name"] = profile.name;
  out["full_name"] = text_or_null(profile.full_name);
  out["label"] = text_or_null(profile.label);
  out["email"] = text_or_null(profile.email);
  out["phone"] = text_or_null(profile.phone);
  out["location"] = text_or_null(profile.location);
  out["country"] = text_or_null(profile.country);
  out["years_experience"] = opt(profile.years_experience);
  out["remote_preference"] = text_or_null(profile.remote_preference);
  out["min_salary"] = opt(profile.min_salary);
  out["salary_currency"] = text_or_null(profile.salary_currency);
  out["needs_visa"] = opt(profile.needs_visa);
  Json skills = Json::array();
  for (const ProfileSkill& skill : profile.skills) {
    skills.push_back({{"name", skill.name}, {"level", text_or_null(skill.level)},
                      {"years", opt(skill.years)}});
  }
  out["skills"] = std::move(skills);
  out["titles"] = profile.titles;
  out["is_default"] = profile.is_default;
  out["created_at"] = profile.created_at;
  out["updated_at"] = profile.updated_at;
  out["resume"] = nlohmann::ordered_json::parse(
      profile.resume_json.empty() ? std::string("{}") : profile.resume_json, nullptr, false);
}

void to_json(Json& out, const Application& application) {
  out = Json::object();
  out["id"] = application.id;
  out["profile_id"] = application.profile_id;
  out["profile"] = text_or_null(application.profile_name);
  out["job_id"] = application.job_id;
  out["title"] = text_or_null(application.job_title);
  out["company"] = text_or_null(application.company);
  out["location"] = text_or_null(application.location);
  out["status"] = application.status;
  out["resume_id"] = opt(application.resume_id);
  out["match_score"] = opt(application.match_score);
  out["match_explanation"] =
      application.match_explanation.empty()
          ? Json(nullptr)
          : Json::parse(application.match_explanation, nullptr, false);
  out["created_at"] = application.created_at;
  out["updated_at"] = application.updated_at;
}

void to_json(Json& out, const ApplicationEvent& event) {
  out = Json::object();
  out["id"] = event.id;
  out["application_id"] = event.application_id;
  out["at"] = event.at;
  out["from_status"] = text_or_null(event.from_status);
  out["to_status"] = text_or_null(event.to_status);
  out["note"] = text_or_null(event.note);
}

void to_json(Json& out, const Interview& interview) {
  out = Json::object();
  out["id"] = interview.id;
  out["application_id"] = interview.application_id;
  out["at"] = interview.at;
  out["time_zone"] = text_or_null(interview.time_zone);
  out["duration_minutes"] = interview.duration_minutes;
  out["kind"] = text_or_null(interview.kind);
  out["with"] = text_or_null(interview.with_whom);
  out["location"] = text_or_null(interview.location);
  out["notes"] = text_or_null(interview.notes);
  out["uid"] = interview.uid;
}

void to_json(Json& out, const Reminder& reminder) {
  out = Json::object();
  out["id"] = reminder.id;
  out["application_id"] = reminder.application_id;
  out["due_at"] = reminder.due_at;
  out["text"] = reminder.text;
  out["done_at"] = text_or_null(reminder.done_at);
}

void to_json(Json& out, const Document& document) {
  out = Json::object();
  out["id"] = document.id;
  out["application_id"] = document.application_id;
  out["kind"] = document.kind;
  out["version"] = document.version;
  out["format"] = document.format;
  out["generator"] = text_or_null(document.generator);
  out["final"] = document.is_final;
  out["flags"] = document.flags.empty() ? Json(nullptr) : Json::parse(document.flags, nullptr, false);
  out["bytes"] = document.content.size();
  out["created_at"] = document.created_at;
}

void to_json(Json& out, const Event& event) {
  out = Json::object();
  out["id"] = event.id;
  out["at"] = event.at;
  out["kind"] = event.kind;
  out["subject_type"] = text_or_null(event.subject_type);
  out["subject_id"] = event.subject_id;
  out["data"] = Json::parse(event.data, nullptr, false);
}

Result<Profile> profile_from_json_resume(std::string_view json_text, std::string_view name,
                                         std::string_view today) {
  nlohmann::json doc = nlohmann::json::parse(json_text, nullptr, false);
  if (doc.is_discarded()) return fail(Errc::invalid_input, "not valid JSON");
  if (!doc.is_object()) return fail(Errc::invalid_input, "a JSON Resume must be a JSON object");

  Profile profile;
  profile.name = std::string(name);
  const nlohmann::json basics = doc.value("basics", nlohmann::json::object());
  if (basics.is_object()) {
    profile.full_name = string_at(basics, "name");
    profile.label = string_at(basics, "label");
    profile.email = string_at(basics, "email");
    profile.phone = string_at(basics, "phone");
    const auto location = basics.find("location");
    if (location != basics.end() && location->is_object()) {
      std::vector<std::string> parts;
      for (const char* key : {"city", "region", "countryCode"}) {
        std::string part = string_at(*location, key);
        if (!part.empty()) parts.push_back(part);
      }
      for (std::size_t i = 0; i < parts.size(); ++i) {
        profile.location += (i > 0 ? ", " : "") + parts[i];
      }
      profile.country = util::to_lower(string_at(*location, "countryCode"));
      std::transform(profile.country.begin(), profile.country.end(), profile.country.begin(),
                     [](char c) { return static_cast<char>(std::toupper(c)); });
    }
  }
  if (profile.full_name.empty() && profile.email.empty()) {
    return fail(Errc::invalid_input, "not a JSON Resume: basics.name and basics.email are missing");
  }

  const nlohmann::json skills = doc.value("skills", nlohmann::json::array());
  auto add_skill = [&profile](std::string skill_name, std::string level) {
    if (skill_name.empty()) return;
    for (const ProfileSkill& known : profile.skills) {
      if (util::to_lower(known.name) == util::to_lower(skill_name)) return;
    }
    profile.skills.push_back({std::move(skill_name), std::move(level), std::nullopt});
  };
  for (const auto& group : skills.is_array() ? skills : nlohmann::json::array()) {
    if (!group.is_object()) continue;
    // A group with keywords is a category ("Backend": Rails, Node.js); its keywords are
    // the skills. A group without keywords is itself a skill.
    const auto keywords = group.find("keywords");
    if (keywords != group.end() && keywords->is_array() && !keywords->empty()) {
      for (const auto& keyword : *keywords) {
        if (keyword.is_string()) add_skill(std::string(util::trim(keyword.get<std::string>())),
                                           string_at(group, "level"));
      }
    } else {
      add_skill(string_at(group, "name"), string_at(group, "level"));
    }
  }

  const nlohmann::json work = doc.value("work", nlohmann::json::array());
  if (work.is_array()) {
    std::vector<std::pair<std::string, std::string>> dated;  // (startDate, position)
    for (const auto& entry : work) {
      if (!entry.is_object()) continue;
      std::string position = string_at(entry, "position");
      if (!position.empty()) dated.emplace_back(string_at(entry, "startDate"), position);
    }
    std::stable_sort(dated.begin(), dated.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (auto& [start, position] : dated) {
      if (std::find(profile.titles.begin(), profile.titles.end(), position) ==
          profile.titles.end()) {
        profile.titles.push_back(std::move(position));
      }
    }
    profile.years_experience = years_of_experience(work, today);
  }
  profile.resume_json = doc.dump();
  return profile;
}

}  // namespace hg::model

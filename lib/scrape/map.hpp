// Helpers adapters share to turn a payload record into a model::Job.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "model/job.hpp"
#include "scrape/source.hpp"

namespace hg::scrape {

// A job with source (context.spec.name), external_id, first_seen and last_seen (fetched_at)
// and raw (the record, serialised) set.
model::Job new_job(const Context& context, std::string external_id, const nlohmann::json& record);

// Adds one mapped record to `page`: the job, or the reason it could not be mapped to
// Page::skipped.
void add_record(Page& page, Result<model::Job> job);

// The trimmed string at `key` ("" when absent, null or not a string; numbers are printed).
std::string text_at(const nlohmann::json& object, std::string_view key);
// The number at `key` (also a numeric string); nullopt otherwise.
std::optional<double> number_at(const nlohmann::json& object, std::string_view key);

// A description as the API gave it -> {plain text, html}. HTML (also HTML that is itself
// entity-escaped, as Greenhouse sends it) is converted; plain text is kept. Both capped at
// 1 MB.
struct Described {
  std::string text;
  std::string html;
};
Described describe(std::string_view html_or_text);

// A date in any of the forms boards use (ISO, epoch seconds or milliseconds as a number or
// text, RFC 2822, "2023-07-25 16:04:54 UTC", relative "3 days ago") as canonical ISO text;
// "" when unreadable.
std::string date_of(const nlohmann::json& value, util::TimePoint fetched_at);

// The trimmed non-empty parts joined with ", ", leaving out a part equal (ignoring case) to
// the one before: {"London", "England", "United Kingdom"} -> "London, England, United Kingdom".
std::string join_place(std::initializer_list<std::string_view> parts);

// A two-letter country code as given ("gb", "US") upper-cased; "" for anything else, such as
// a country name ("United Kingdom"), which the runner's location step resolves.
std::string country_code(std::string_view text);

// `base` + `path` + "?" + query built from `params` (values percent-encoded); empty values
// are left out.
std::string url_with(std::string_view base, std::string_view path,
                     const std::vector<std::pair<std::string, std::string>>& params = {});

// Percent-encodes a path segment or query value (RFC 3986 unreserved kept).
std::string url_encode(std::string_view text);

// Parses `body` as JSON within limits (64 MB, depth 128). Errors: invalid_input
// ("<kind>: not JSON: ...").
Result<nlohmann::json> parse_json(std::string_view body, std::string_view kind);

// context.spec.params[name] trimmed, or "" when unset.
std::string param_of(const Context& context, std::string_view name);

// A structured employment-type value ("Full-Time", "FULLTIME", "Contractor", "full_time") as
// full_time, part_time, contract, temporary, internship or freelance; "" for anything else
// (free labels such as "professional / experienced" name no type).
std::string employment_type_of(std::string_view text);

}  // namespace hg::scrape

// hg match's results as records and printed blocks: the fields of a ranked job (every factor
// flat for CSV and tables, nested for JSON) and the --explain block on a terminal.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "match/rank.hpp"

namespace hg::model {
struct Job;
}

namespace hg::cli {

// The place of a job for a table: its location as given, else city, region, country;
// "Remote (...)" for remote work.
std::string place_cell(const model::Job& job);

// A score as records show it: four decimals.
double round4(double value);

// Adds the explanation: value, contribution and note per factor, flat ("skills_score",
// "skills_value") and nested under "factors", plus the matching, implied and missing skills
// and the reasons.
void add_explanation(nlohmann::ordered_json& record, const match::Explanation& e,
                     const match::Weights& weights);

// The flat factor fields add_explanation writes, in order (the tail of the CSV header).
std::vector<std::string> factor_fields();

// For CSV cells and the table: the lists joined with "; ", the nested factors dropped.
void flatten_lists(nlohmann::ordered_json& record);

// Every field of a ranked job's record (the CSV header).
std::vector<std::string> job_fields();

// --explain on a terminal: a block per job instead of a table row.
void print_explained(const std::vector<nlohmann::ordered_json>& records);

}  // namespace hg::cli

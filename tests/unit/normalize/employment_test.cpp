#include "normalize/employment.hpp"

#include <catch2/catch.hpp>

#include "tsv_rows.hpp"

namespace hg::normalize {
namespace {

TEST_CASE("employment_type_from_text reads real field values and sentences", "[normalize]") {
  const auto rows = testing::read_cases("employment_cases.tsv");
  REQUIRE(rows.size() >= 40);
  for (const auto& row : rows) {
    REQUIRE(row.fields.size() == 3);
    INFO("employment_cases.tsv:" << row.line << " " << row.fields[0]);
    CHECK(employment_type_from_text(row.fields[0]) == row.fields[1]);
  }
}

TEST_CASE("employment_type_from_text lets a specific type beat full or part time",
          "[normalize]") {
  CHECK(employment_type_from_text("Full-time internship, summer 2025") == "internship");
  CHECK(employment_type_from_text("This is a full-time contract position.") == "contract");
  CHECK(employment_type_from_text("Part-time or full-time") == "part_time");
}

TEST_CASE("employment_type_from_text needs a phrase where prose uses a word otherwise",
          "[normalize]") {
  CHECK(employment_type_from_text("You will review vendor contracts and manage the contract "
                                  "lifecycle for our legal team.") == "");
  CHECK(employment_type_from_text("Join an early stage startup at a pivotal stage.") == "");
  CHECK(employment_type_from_text("Contract") == "contract");
  CHECK(employment_type_from_text("Stage") == "internship");
  CHECK(employment_type_from_text("unbefristet") == "full_time");
  CHECK(employment_type_from_text("") == "");
}

}  // namespace
}  // namespace hg::normalize

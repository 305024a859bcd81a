// Job titles: the title without gender tags and reference codes, its seniority and its family.
#pragma once

#include <string>
#include <string_view>

namespace hg::normalize {

struct TitleInfo {
  // The title with gender tags ("(m/w/d)", "(f/m/x)", "H/F", "(all genders)") and reference
  // codes ("- Req #12345", "(R-123)", "[JOB-99]", "IPR#46514", "-60028136") removed, spaces
  // collapsed and dangling separators dropped. Case is kept.
  std::string clean;
  // One of "intern", "junior", "mid", "senior", "staff", "principal", "lead", "manager",
  // "director", "executive", or "" when the title does not say. The highest rung wins:
  // "Senior Manager" is manager, "Senior Vice President" executive. Role names that contain
  // "manager" without managing people ("Product Manager", "Relationship Manager") say nothing.
  std::string seniority;
  // A title family such as "software engineering", "data science", "data analysis",
  // "data engineering", "product management", "design", "devops/sre", "sales", "marketing",
  // "finance", "civil engineering", "education", "healthcare"; "" when none fits. The first
  // match in a curated keyword table (title.cpp), most specific first.
  std::string family;
};

// Never fails; linear in the title (titles past 1,000 bytes are read only that far).
TitleInfo parse_title(std::string_view title);

}  // namespace hg::normalize

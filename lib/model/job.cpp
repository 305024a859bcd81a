#include "model/job.hpp"

namespace hg::model {

std::optional<double> annualise(double amount, std::string_view period) {
  // Full-time conventions: 40 h a week, 5 days a week, 52 weeks a year.
  if (period == "year") return amount;
  if (period == "month") return amount * 12;
  if (period == "week") return amount * 52;
  if (period == "day") return amount * 260;
  if (period == "hour") return amount * 2080;
  return std::nullopt;
}

}  // namespace hg::model

// Speed of resume parsing (read + layout + sections + fields), one thread, files in memory:
//   taskset -c 0 ./bench/resume_bench [--runs N] FILE...
// Prints, for the median of N runs over all files: documents per second, pages per second and
// the rate in two-page documents per second (pages per second / 2).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "normalize/location.hpp"
#include "resume/parse.hpp"
#include "skills/taxonomy.hpp"

int main(int argc, char** argv) {
  int runs = 5;
  std::vector<std::string> docs;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--runs" && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
      continue;
    }
    std::ifstream in(arg, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    docs.push_back(bytes.str());
  }
  if (docs.empty()) {
    std::fprintf(stderr, "usage: resume_bench [--runs N] FILE...\n");
    return 2;
  }
  auto places = hg::normalize::Gazetteer::embedded();
  auto taxonomy = hg::skills::Taxonomy::load_builtin();
  if (!places || !taxonomy) {
    std::fprintf(stderr, "resume_bench: cannot load the gazetteer or the taxonomy\n");
    return 1;
  }
  hg::resume::ParseOptions options;
  options.gazetteer = &*places;
  options.taxonomy = &*taxonomy;
  std::vector<double> seconds;
  long pages = 0, failed = 0;
  for (int r = 0; r < runs; ++r) {
    pages = 0, failed = 0;
    const auto start = std::chrono::steady_clock::now();
    for (const std::string& doc : docs) {
      auto parsed = hg::resume::parse_resume(doc, options);
      if (parsed) {
        pages += parsed->pages;
      } else {
        ++failed;
      }
    }
    seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(seconds.begin(), seconds.end());
  const double median = seconds[seconds.size() / 2];
  const double n = static_cast<double>(docs.size());
  std::printf("%zu documents (%ld failed), %ld pages, median of %d runs: %.3f s\n", docs.size(),
              failed, pages, runs, median);
  std::printf("%.1f documents/s, %.1f pages/s, %.1f two-page documents/s, %.2f ms/document\n",
              n / median, static_cast<double>(pages) / median,
              static_cast<double>(pages) / median / 2, 1000 * median / n);
  return 0;
}

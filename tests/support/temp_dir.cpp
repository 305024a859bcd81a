#include "support/temp_dir.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace hg::testing {
namespace {

store::Db open_or_throw(const std::filesystem::path& path) {
  auto db = store::Db::open(path);
  if (!db) throw std::runtime_error("TempStore: " + db.error().message);
  return std::move(*db);
}

}  // namespace

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "hg-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::filesystem::path TempDir::write(std::string_view name, std::string_view content) const {
  const auto target = file(name);
  std::ofstream out(target, std::ios::binary);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  return target;
}

TempStore::TempStore() : db_(open_or_throw(dir_.file("hg.db"))) {}

std::filesystem::path fixture(std::string_view relative) {
  return std::filesystem::path(HG_FIXTURES) / relative;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace hg::testing

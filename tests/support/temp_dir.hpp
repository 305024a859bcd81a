// TempDir: a fresh directory under $TMPDIR, removed with everything in it on destruction.
// TempStore: a migrated hg store in a TempDir.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "store/db.hpp"

namespace hg::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path file(std::string_view name) const { return path_ / name; }
  // Writes `content` to `name` (binary) and returns its path.
  std::filesystem::path write(std::string_view name, std::string_view content) const;

 private:
  std::filesystem::path path_;
};

class TempStore {
 public:
  TempStore();
  store::Db& db() { return db_; }
  std::filesystem::path path() const { return dir_.file("hg.db"); }
  const TempDir& dir() const { return dir_; }

 private:
  TempDir dir_;
  store::Db db_;
};

// The path of a file under tests/fixtures/.
std::filesystem::path fixture(std::string_view relative);

// A file's whole content ("" when it cannot be read).
std::string read_file(const std::filesystem::path& path);

}  // namespace hg::testing

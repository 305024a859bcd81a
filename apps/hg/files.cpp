#include "files.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace hg::cli {

Result<std::string> read_small_file(const std::filesystem::path& path, std::uintmax_t max_bytes,
                                    std::string_view label) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    return fail(Errc::not_found, "{}: {}: no such file", label, path.string());
  }
  if (std::filesystem::file_size(path, error) > max_bytes) {
    const std::string limit = max_bytes >= (1u << 20) ? fmt::format("{} MiB", max_bytes >> 20)
                                                       : fmt::format("{} KiB", max_bytes >> 10);
    return fail(Errc::invalid_input, "{}: {}: larger than {}", label, path.string(), limit);
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  if (!in && !in.eof()) return fail(Errc::failed, "{}: {}: cannot read", label, path.string());
  return bytes.str();
}

Result<void> write_file(const std::string& path, const std::string& bytes) {
  if (path == "-") {
    if (std::fwrite(bytes.data(), 1, bytes.size(), stdout) != bytes.size()) {
      return fail(Errc::failed, "stdout: write failed");
    }
    return {};
  }
  const std::string temp = path + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(temp, ignored);
      return fail(Errc::failed, "{}: cannot write it", path);
    }
  }
  std::error_code error;
  std::filesystem::rename(temp, path, error);
  if (error) return fail(Errc::failed, "{}: {}", path, error.message());
  return {};
}

}  // namespace hg::cli

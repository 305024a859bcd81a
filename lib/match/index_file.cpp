// The match index's file: written next to the store, memory-mapped when read, checked before
// use (a damaged or foreign file is rebuilt, never read past its end).
#include <cstring>
#include <fstream>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "match/index.hpp"

namespace hg::match {
namespace {

constexpr char kMagic[8] = {'H', 'G', 'M', 'A', 'T', 'C', 'H', '1'};
constexpr std::uint32_t kVersion = 3;

// Binary writer/reader of plain arrays and strings.
class Writer {
 public:
  explicit Writer(std::ofstream& out) : out_(out) {}
  template <class T>
  void value(const T& v) { out_.write(reinterpret_cast<const char*>(&v), sizeof v); }
  template <class T>
  void array(std::span<const T> v) {
    value<std::uint64_t>(v.size());
    // Arrays start at a multiple of 8 so a memory map can use them in place.
    while (out_.tellp() % 8 != 0) out_.put('\0');
    if (!v.empty()) out_.write(reinterpret_cast<const char*>(v.data()),
                               static_cast<std::streamsize>(v.size() * sizeof(T)));
  }
  void text(std::string_view s) {
    value<std::uint32_t>(static_cast<std::uint32_t>(s.size()));
    out_.write(s.data(), static_cast<std::streamsize>(s.size()));
  }
  void texts(const std::vector<std::string>& v) {
    value<std::uint64_t>(v.size());
    for (const std::string& s : v) text(s);
  }

 private:
  std::ofstream& out_;
};

// Reads what Writer wrote, from bytes in memory (a memory map of the file).
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  template <class T>
  bool value(T& v) {
    if (bytes_.size() - at_ < sizeof v) return false;
    std::memcpy(&v, bytes_.data() + at_, sizeof v);
    at_ += sizeof v;
    return true;
  }
  // The array in place: a view into the bytes, which must outlive it.
  template <class T>
  bool view(std::span<const T>& v) {
    std::uint64_t size = 0;
    if (!value(size)) return false;
    at_ = (at_ + 7) / 8 * 8;
    if (at_ > bytes_.size() || size > (bytes_.size() - at_) / sizeof(T)) return false;
    if (reinterpret_cast<std::uintptr_t>(bytes_.data() + at_) % alignof(T) != 0) return false;
    v = {reinterpret_cast<const T*>(bytes_.data() + at_), static_cast<std::size_t>(size)};
    at_ += static_cast<std::size_t>(size) * sizeof(T);
    return true;
  }
  template <class T>
  bool array(std::vector<T>& v) {
    std::span<const T> in_place;
    if (!view(in_place)) return false;
    v.assign(in_place.begin(), in_place.end());
    return true;
  }
  bool text(std::string& s) {
    std::uint32_t size = 0;
    if (!value(size) || size > bytes_.size() - at_) return false;
    s.assign(bytes_.data() + at_, size);
    at_ += size;
    return true;
  }
  bool texts(std::vector<std::string>& v) {
    std::uint64_t size = 0;
    if (!value(size) || size > bytes_.size() - at_) return false;
    v.resize(static_cast<std::size_t>(size));
    for (std::string& s : v) {
      if (!text(s)) return false;
    }
    return true;
  }
  bool bytes(char* out, std::size_t size) {
    if (bytes_.size() - at_ < size) return false;
    std::memcpy(out, bytes_.data() + at_, size);
    at_ += size;
    return true;
  }

 private:
  std::string_view bytes_;
  std::size_t at_ = 0;
};

void write_signature(Writer& w, const Signature& s) {
  w.value(s.max_id);
  w.value(s.jobs);
  w.value(s.open_jobs);
  w.value(s.clustered);
  w.value(s.cluster_sum);
  w.value(s.skills);
  w.text(s.last_seen);
}

bool read_signature_from(Reader& r, Signature& s) {
  return r.value(s.max_id) && r.value(s.jobs) && r.value(s.open_jobs) && r.value(s.clustered) &&
         r.value(s.cluster_sum) && r.value(s.skills) && r.text(s.last_seen);
}

}  // namespace

Result<void> JobIndex::save(const std::filesystem::path& path) const {
  const std::filesystem::path temp = path.string() + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) return fail(Errc::failed, "{}: cannot write", temp.string());
    Writer w(out);
    out.write(kMagic, sizeof kMagic);
    w.value(kVersion);
    w.value<std::uint32_t>(sizeof(JobFacts));
    write_signature(w, signature_);
    // Word statistics first: reverse ranking reads only these.
    w.value(title_docs_);
    w.value(title_average_);
    w.value(description_docs_);
    w.value(description_average_);
    w.texts(title_vocab_);
    w.array(std::span<const std::uint32_t>(title_df_));
    w.array(std::span<const std::pair<std::uint64_t, std::uint32_t>>(description_df_));
    w.texts(skill_names_);
    w.value<std::uint64_t>(region_sets_.size());
    for (const auto& set : region_sets_) w.texts(set);
    w.array(jobs_view_);
    w.array(entries_view_);
    w.array(title_view_);
    out.flush();
    if (!out) {
      std::error_code ec;
      std::filesystem::remove(temp, ec);
      return fail(Errc::failed, "{}: cannot write", temp.string());
    }
  }
  std::error_code ec;
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    std::filesystem::remove(temp, ec);
    return fail(Errc::failed, "{}: cannot write: {}", path.string(), ec.message());
  }
  return {};
}

// A read-only memory map of a whole file; unmapped on destruction.
struct JobIndex::Mapping {
  const char* data = nullptr;
  std::size_t size = 0;
  Mapping() = default;
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;
  ~Mapping() {
    if (data != nullptr) ::munmap(const_cast<char*>(data), size);
  }
};

Result<JobIndex> JobIndex::load(const std::filesystem::path& path, bool stats_only) {
  auto mapping = std::make_shared<Mapping>();
  {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return fail(Errc::not_found, "{}: no such file", path.string());
    struct stat info {};
    if (::fstat(fd, &info) != 0 || info.st_size <= 0) {
      ::close(fd);
      return fail(Errc::invalid_input, "{}: not a match index of this hg", path.string());
    }
    void* data = ::mmap(nullptr, static_cast<std::size_t>(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (data == MAP_FAILED) return fail(Errc::failed, "{}: cannot map", path.string());
    mapping->data = static_cast<const char*>(data);
    mapping->size = static_cast<std::size_t>(info.st_size);
  }
  Reader r(std::string_view(mapping->data, mapping->size));
  char magic[sizeof kMagic] = {};
  std::uint32_t version = 0, facts_size = 0;
  const auto bad = [&path] { return fail(Errc::invalid_input, "{}: not a match index of this hg", path.string()); };
  if (!r.bytes(magic, sizeof magic) || std::memcmp(magic, kMagic, sizeof kMagic) != 0) return bad();
  if (!r.value(version) || version != kVersion || !r.value(facts_size) || facts_size != sizeof(JobFacts)) {
    return bad();
  }
  JobIndex index;
  std::uint64_t region_count = 0;
  if (!read_signature_from(r, index.signature_) || !r.value(index.title_docs_) ||
      !r.value(index.title_average_) || !r.value(index.description_docs_) ||
      !r.value(index.description_average_) || !r.texts(index.title_vocab_) ||
      !r.array(index.title_df_) || !r.array(index.description_df_) ||
      !r.texts(index.skill_names_) || !r.value(region_count) || region_count > 65536 ||
      index.title_df_.size() != index.title_vocab_.size()) {
    return bad();
  }
  index.region_sets_.resize(static_cast<std::size_t>(region_count));
  for (auto& set : index.region_sets_) {
    if (!r.texts(set)) return bad();
  }
  if (index.region_sets_.empty()) index.region_sets_.emplace_back();
  if (stats_only) return index;
  if (!r.view(index.jobs_view_) || !r.view(index.entries_view_) || !r.view(index.title_view_)) {
    return bad();
  }
  // Every job's ranges must lie inside the arrays (a damaged file is rebuilt, never read past).
  for (const JobFacts& job : index.jobs_view_) {
    if (std::size_t{job.skills_begin} + job.skills_count > index.entries_view_.size() ||
        std::size_t{job.title_begin} + job.title_count > index.title_view_.size() ||
        job.regions >= index.region_sets_.size() || job.family >= families().size() ||
        job.seniority >= static_cast<int>(seniority_rungs().size())) {
      return bad();
    }
  }
  const std::size_t skills = index.skill_names_.size(), words = index.title_vocab_.size();
  for (SkillEntry entry : index.entries_view_) {
    if ((entry >> 2) >= skills) return bad();
  }
  for (std::uint32_t word : index.title_view_) {
    if (word >= words) return bad();
  }
  index.mapping_ = std::move(mapping);
  return index;
}

}  // namespace hg::match

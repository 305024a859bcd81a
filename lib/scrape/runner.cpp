#include "scrape/runner.hpp"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "scrape/robots.hpp"
#include "store/events.hpp"
#include "store/jobs.hpp"
#include "store/sources.hpp"
#include "store/statement.hpp"

namespace hg::scrape {
namespace {

using Steady = std::chrono::steady_clock;

struct State {
  const Target* target = nullptr;
  Context context;
  SourceResult result;
  std::vector<model::Job> jobs;
  std::vector<std::string> hashes;  // store::content_hash of each of `jobs`, when known
  bool complete = true;
  bool done = false;
  std::string etag;
  std::string last_modified;
  Steady::time_point started;
};

std::int64_t elapsed_ms(Steady::time_point since) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Steady::now() - since).count();
}

// A message with every secret of the source replaced: URLs in errors carry query keys.
std::string redacted(std::string message, const SourceSpec& spec) {
  for (const auto& [name, value] : spec.secrets) {
    if (value.size() < 3) continue;
    for (std::size_t at = message.find(value); at != std::string::npos; at = message.find(value, at)) {
      message.replace(at, value.size(), "***");
    }
  }
  return message;
}

// Writes one source's postings and its run record in one transaction.
Result<void> store_source(const store::Db& db, State& state, const ScrapeOptions& options,
                          std::string_view now, bool may_close, bool enriched) {
  SourceResult& result = state.result;
  if (result.error) result.error->message = redacted(result.error->message, state.target->spec);
  auto tx = store::Transaction::begin(db);
  if (!tx) return tx.error();
  auto writer = store::JobWriter::create(db);
  if (!writer) return writer.error();
  std::vector<std::int64_t> seen;
  std::vector<std::int64_t> unchanged;  // inserted and updated rows carry last_seen already
  seen.reserve(state.jobs.size());
  const bool hashed = state.hashes.size() == state.jobs.size();
  for (std::size_t i = 0; i < state.jobs.size(); ++i) {
    model::Job& job = state.jobs[i];
    if (options.enrich && !enriched) options.enrich(job);
    auto stored = hashed ? writer->upsert(job, now, state.hashes[i]) : writer->upsert(job, now);
    if (!stored) return stored.error();
    seen.push_back(stored->id);
    switch (stored->outcome) {
      case store::UpsertOutcome::inserted: ++result.inserted; break;
      case store::UpsertOutcome::updated: ++result.updated; break;
      case store::UpsertOutcome::unchanged:
        ++result.unchanged;
        unchanged.push_back(stored->id);
        break;
    }
  }
  if (auto flushed = writer->flush(); !flushed) return flushed.error();
  if (auto marked = store::mark_seen(db, unchanged, now); !marked) return marked.error();
  if (may_close && state.complete && !result.error && !result.not_modified) {
    auto closed = store::close_unseen(db, state.target->source.name, seen, now);
    if (!closed) return closed.error();
    result.closed = *closed;
  }
  if (state.target->source.id != 0 && !result.error && (!state.etag.empty() || !state.last_modified.empty())) {
    if (auto kept = store::set_validators(db, state.target->source.id, state.etag, state.last_modified);
        !kept) {
      return kept.error();
    }
  }
  result.duration_ms = elapsed_ms(state.started);
  std::string error_text;
  if (result.error) error_text = result.error->message;
  if (!result.skipped.empty()) {
    if (!error_text.empty()) error_text += "; ";
    error_text += fmt::format("{} record{} skipped: {}", result.skipped.size(),
                              result.skipped.size() == 1 ? "" : "s", result.skipped.front());
  }
  auto run = store::record_scrape_run(
      db, {.source_id = state.target->source.id, .source = state.target->source.name,
           .started_at = std::string(now),
           .finished_at = std::string(now), .fetched = result.fetched, .inserted = result.inserted,
           .updated = result.updated, .closed = result.closed,
           .errors = static_cast<std::int64_t>(result.skipped.size()) + (result.error ? 1 : 0),
           .error_text = error_text, .duration_ms = result.duration_ms});
  if (!run) return run.error();
  auto logged = store::record_event(
      db, {.at = std::string(now), .kind = "scrape.run", .subject_type = "source",
           .subject_id = state.target->source.id,
           .data = fmt::format("{{\"fetched\":{},\"new\":{},\"updated\":{},\"closed\":{},\"ok\":{}}}",
                               result.fetched, result.inserted, result.updated, result.closed,
                               result.error ? "false" : "true")});
  if (!logged) return logged.error();
  return tx->commit();
}

// Takes one parsed page into the state; returns the next request, if any.
// `hashes` are the jobs' content hashes when the page's parser computed them.
std::optional<net::Request> take_page(State& state, Page page, const ScrapeOptions& options,
                                      std::vector<std::string> hashes = {}) {
  state.result.fetched += static_cast<std::int64_t>(page.jobs.size());
  const bool hashed = hashes.size() == page.jobs.size() && state.hashes.size() == state.jobs.size();
  if (hashed) {
    for (std::string& hash : hashes) state.hashes.push_back(std::move(hash));
  } else {
    state.hashes.clear();
  }
  for (model::Job& job : page.jobs) state.jobs.push_back(std::move(job));
  for (std::string& line : page.skipped) state.result.skipped.push_back(std::move(line));
  state.complete = state.complete && page.complete;
  if (options.progress) {
    options.progress(state.result.name, state.result.pages, state.jobs.size());
  }
  if (!page.next) return std::nullopt;
  if (state.result.pages >= options.max_pages) {
    state.complete = false;  // stopped early: what was not read may still be open
    return std::nullopt;
  }
  return std::move(page.next);
}

// Parses (and enriches) pages on a second thread while the caller's thread fetches and writes
// SQLite: on two cores the two halves of a scrape overlap. Adapters and the enrich callback
// only read shared data, so they may run there.
class ParseWorker {
 public:
  struct Done {
    std::size_t tag = 0;
    net::Request request;
    Result<Page> page = Page{};
    std::vector<std::string> hashes = {};  // store::content_hash of each job of the page
  };

  explicit ParseWorker(const ScrapeOptions& options) : options_(options) {
    thread_ = std::thread([this] { loop(); });
  }
  ~ParseWorker() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }
  ParseWorker(const ParseWorker&) = delete;
  ParseWorker& operator=(const ParseWorker&) = delete;

  void add(std::size_t tag, const Adapter* adapter, Context context, net::Request request,
           std::string body) {
    {
      std::lock_guard lock(mutex_);
      todo_.push_back({tag, adapter, std::move(context), std::move(request), std::move(body)});
      ++pending_;
    }
    wake_.notify_all();
  }
  std::size_t pending() const { return pending_; }
  // The pages parsed so far; with `block`, waits for at least one when any is pending.
  std::vector<Done> take(bool block) {
    std::unique_lock lock(mutex_);
    if (block) finished_.wait(lock, [this] { return !done_.empty() || pending_ == 0; });
    std::vector<Done> out(std::make_move_iterator(done_.begin()),
                          std::make_move_iterator(done_.end()));
    done_.clear();
    pending_ -= out.size();
    return out;
  }

 private:
  struct Todo {
    std::size_t tag;
    const Adapter* adapter;
    Context context;
    net::Request request;
    std::string body;
  };
  void loop() {
    while (true) {
      Todo todo;
      {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [this] { return stopping_ || !todo_.empty(); });
        if (todo_.empty()) return;
        todo = std::move(todo_.front());
        todo_.pop_front();
      }
      Result<Page> page = todo.adapter->parse(todo.context, todo.request, todo.body);
      std::vector<std::string> hashes;
      if (page) {
        hashes.reserve(page->jobs.size());
        for (model::Job& job : page->jobs) {
          if (options_.enrich) options_.enrich(job);
          hashes.push_back(store::content_hash(job));
        }
      }
      {
        std::lock_guard lock(mutex_);
        done_.push_back({todo.tag, std::move(todo.request), std::move(page), std::move(hashes)});
      }
      finished_.notify_all();
    }
  }

  const ScrapeOptions& options_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable finished_;
  std::deque<Todo> todo_;
  std::deque<Done> done_;
  std::size_t pending_ = 0;  // added and not yet taken; only the caller's thread reads it
  bool stopping_ = false;
  std::thread thread_;
};

// Stores finished sources on a third thread, so fetching and SQLite overlap: on two cores
// the scrape is then bound by the slower of "fetch + parse" and "write", not their sum.
// The caller hands over a source's State and does not touch it again until drain(); only
// this thread uses the connection meanwhile. After a failure the rest are not stored.
class StoreWorker {
 public:
  StoreWorker(const store::Db& db, std::vector<State>& states, const ScrapeOptions& options,
              std::string_view now)
      : db_(db), states_(states), options_(options), now_(now),
        thread_([this] { loop(); }) {}
  ~StoreWorker() { stop(); }
  StoreWorker(const StoreWorker&) = delete;
  StoreWorker& operator=(const StoreWorker&) = delete;

  void add(std::size_t index) {
    {
      std::lock_guard lock(mutex_);
      todo_.push_back(index);
    }
    changed_.notify_all();
  }
  bool failed() {
    std::lock_guard lock(mutex_);
    return error_.has_value();
  }
  // Waits until everything handed over is stored; the first error, if any.
  Result<void> drain() {
    stop();
    if (error_) return *error_;
    return {};
  }

 private:
  void stop() {
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return;
      stopping_ = true;
    }
    changed_.notify_all();
    thread_.join();
  }
  void loop() {
    while (true) {
      std::size_t index = 0;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return stopping_ || !todo_.empty(); });
        if (todo_.empty()) return;  // stopping, and all stored
        index = todo_.front();
        todo_.pop_front();
        if (error_) continue;
      }
      auto stored = store_source(db_, states_[index], options_, now_, true, true);
      states_[index].jobs = {};  // the postings are in the store; free them now
      states_[index].hashes = {};
      if (!stored) {
        std::lock_guard lock(mutex_);
        error_ = stored.error();
      }
    }
  }

  const store::Db& db_;
  std::vector<State>& states_;
  const ScrapeOptions& options_;
  std::string_view now_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::size_t> todo_;
  std::optional<Error> error_;
  bool stopping_ = false;
  std::thread thread_;  // last: starts once the members above exist
};

// Whether robots.txt lets hg read `url` (fetched once per site per run; a site without one,
// or one that cannot be read, allows everything).
bool robots_allow(const std::string& url, const ScrapeOptions& options,
                  std::map<std::string, Robots>& sites) {
  auto [origin, path] = split_url(url);
  auto it = sites.find(origin);
  if (it == sites.end()) {
    net::ClientOptions client = options.fetch.client;
    client.retries = 0;
    client.max_body_bytes = 512 * 1024;
    client.total_timeout = std::min(client.total_timeout, std::chrono::milliseconds(10'000));
    auto answer = net::send({.method = "GET", .url = origin + "/robots.txt"}, client);
    Robots robots = answer && answer->status == 200
                        ? Robots::parse(answer->body, "hg")
                        : Robots::allow_all();
    it = sites.emplace(origin, std::move(robots)).first;
  }
  return it->second.allows(path);
}

}  // namespace

Result<std::vector<SourceResult>> scrape(const store::Db& db, const std::vector<Target>& targets,
                                         const ScrapeOptions& options, util::TimePoint now) {
  const std::string now_text = util::format_iso(now);
  std::vector<State> states(targets.size());
  net::Fetcher fetcher(options.fetch);
  std::map<std::string, Robots> robots;
  for (std::size_t i = 0; i < targets.size(); ++i) {
    State& state = states[i];
    state.target = &targets[i];
    state.started = Steady::now();
    state.result.name = targets[i].source.name;
    state.context = {.spec = targets[i].spec, .base_url = {}, .fetched_at = now, .page = 1};
    std::string base = targets[i].spec.base_url.empty()
                           ? std::string(targets[i].adapter->default_base_url())
                           : targets[i].spec.base_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    state.context.base_url = base;
    auto first = targets[i].adapter->first_request(state.context);
    if (!first) {
      state.result.error = first.error();
      state.done = true;
      continue;
    }
    if (targets[i].adapter->reads_pages() && !robots_allow(first->url, options, robots)) {
      state.result.error = fail(Errc::network, "{}: robots.txt does not allow hg to read it",
                                first->url);
      state.done = true;
      continue;
    }
    // Conditional request: an unchanged listing costs one 304.
    if (!targets[i].source.etag.empty()) first->headers.emplace_back("If-None-Match", targets[i].source.etag);
    if (!targets[i].source.last_modified.empty()) {
      first->headers.emplace_back("If-Modified-Since", targets[i].source.last_modified);
    }
    fetcher.add(i, std::move(*first));
  }
  // Each source is stored as soon as its last page is read: a run killed half way keeps the
  // sources it finished, and the others are as they were.
  StoreWorker storer(db, states, options, now_text);
  auto finish = [&](std::size_t i) {
    states[i].done = true;
    storer.add(i);
  };
  for (std::size_t i = 0; i < states.size(); ++i) {
    if (states[i].done) finish(i);
  }
  ParseWorker worker(options);
  auto after_page = [&](std::size_t tag, std::optional<net::Request> next) -> Result<void> {
    if (next) {
      fetcher.add(tag, std::move(*next));
      return {};
    }
    finish(tag);
    return {};
  };
  while ((!fetcher.idle() || worker.pending() > 0) && !storer.failed()) {
    if (!fetcher.idle()) {
      // While pages are being parsed, come back often to store the sources they finish.
      const auto limit = worker.pending() > 0 ? std::chrono::milliseconds(20)
                                              : std::chrono::milliseconds::max();
      for (net::Fetched& fetched : fetcher.wait(limit)) {
        State& state = states[fetched.tag];
        ++state.result.pages;
        state.context.page = state.result.pages;
        if (!fetched.response) {
          state.result.error = fetched.response.error();
        } else if (fetched.response->status == 304 && state.result.pages == 1) {
          state.result.not_modified = true;
        } else if (fetched.response->status != 200) {
          state.result.error =
              fail(Errc::network, "{}: HTTP {}", fetched.request.url, fetched.response->status);
        } else {
          if (state.result.pages == 1) {
            state.etag = fetched.response->etag;
            state.last_modified = fetched.response->last_modified;
          }
          worker.add(fetched.tag, state.target->adapter, state.context, std::move(fetched.request),
                     std::move(fetched.response->body));
          continue;
        }
        if (auto done = after_page(fetched.tag, std::nullopt); !done) return done.error();
      }
    }
    // Block for parsed pages only when there is nothing to fetch meanwhile.
    for (ParseWorker::Done& done : worker.take(fetcher.idle())) {
      State& state = states[done.tag];
      std::optional<net::Request> next;
      if (!done.page) {
        state.result.error = done.page.error();
      } else {
        next = take_page(state, std::move(*done.page), options, std::move(done.hashes));
      }
      if (auto stored = after_page(done.tag, std::move(next)); !stored) return stored.error();
    }
  }
  if (auto stored = storer.drain(); !stored) return stored.error();
  std::vector<SourceResult> results;
  results.reserve(states.size());
  for (State& state : states) results.push_back(std::move(state.result));
  return results;
}

Result<SourceResult> ingest_saved(const store::Db& db, const Target& target, std::string_view body,
                                  const ScrapeOptions& options, util::TimePoint now) {
  State state;
  state.target = &target;
  state.started = Steady::now();
  state.result.name = target.source.name;
  state.result.pages = 1;
  state.context = {.spec = target.spec,
                   .base_url = target.spec.base_url.empty()
                                   ? std::string(target.adapter->default_base_url())
                                   : target.spec.base_url,
                   .fetched_at = now,
                   .page = 1};
  auto page = target.adapter->parse(state.context, net::Request{}, body);
  if (!page) {
    state.result.error = page.error();
  } else {
    page->next.reset();
    take_page(state, std::move(*page), options);
  }
  if (auto stored = store_source(db, state, options, util::format_iso(now), false, false); !stored) {
    return stored.error();
  }
  return std::move(state.result);
}

}  // namespace hg::scrape

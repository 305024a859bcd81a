#include "scrape/runner.hpp"

#include <chrono>
#include <map>

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
                          std::string_view now, bool may_close) {
  SourceResult& result = state.result;
  if (result.error) result.error->message = redacted(result.error->message, state.target->spec);
  auto tx = store::Transaction::begin(db);
  if (!tx) return tx.error();
  auto writer = store::JobWriter::create(db);
  if (!writer) return writer.error();
  std::vector<std::int64_t> seen;
  seen.reserve(state.jobs.size());
  for (model::Job& job : state.jobs) {
    if (options.enrich) options.enrich(job);
    auto stored = writer->upsert(job, now);
    if (!stored) return stored.error();
    seen.push_back(stored->id);
    switch (stored->outcome) {
      case store::UpsertOutcome::inserted: ++result.inserted; break;
      case store::UpsertOutcome::updated: ++result.updated; break;
      case store::UpsertOutcome::unchanged: ++result.unchanged; break;
    }
  }
  if (auto flushed = writer->flush(); !flushed) return flushed.error();
  if (auto marked = store::mark_seen(db, seen, now); !marked) return marked.error();
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
std::optional<net::Request> take_page(State& state, Page page, const ScrapeOptions& options) {
  state.result.fetched += static_cast<std::int64_t>(page.jobs.size());
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
  std::vector<SourceResult> results(targets.size());
  auto finish = [&](std::size_t i) -> Result<void> {
    State& state = states[i];
    state.done = true;
    if (auto stored = store_source(db, state, options, now_text, true); !stored) return stored;
    results[i] = std::move(state.result);
    return {};
  };
  for (std::size_t i = 0; i < states.size(); ++i) {
    if (states[i].done) {
      if (auto stored = finish(i); !stored) return stored.error();
    }
  }
  while (!fetcher.idle()) {
    for (net::Fetched& fetched : fetcher.wait()) {
      State& state = states[fetched.tag];
      ++state.result.pages;
      state.context.page = state.result.pages;
      std::optional<net::Request> next;
      if (!fetched.response) {
        state.result.error = fetched.response.error();
      } else if (fetched.response->status == 304 && state.result.pages == 1) {
        state.result.not_modified = true;
      } else if (fetched.response->status != 200) {
        state.result.error =
            fail(Errc::network, "{}: HTTP {}", fetched.request.url, fetched.response->status);
      } else {
        const net::Response& response = *fetched.response;
        if (state.result.pages == 1) {
          state.etag = response.etag;
          state.last_modified = response.last_modified;
        }
        auto page = state.target->adapter->parse(state.context, fetched.request, response.body);
        if (!page) {
          state.result.error = page.error();
        } else {
          next = take_page(state, std::move(*page), options);
        }
      }
      if (next) {
        fetcher.add(fetched.tag, std::move(*next));
      } else if (auto stored = finish(fetched.tag); !stored) {
        return stored.error();
      }
    }
  }
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
  if (auto stored = store_source(db, state, options, util::format_iso(now), false); !stored) {
    return stored.error();
  }
  return std::move(state.result);
}

}  // namespace hg::scrape

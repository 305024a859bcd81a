#include "track/pipeline.hpp"

#include <catch2/catch.hpp>

#include "store/applications.hpp"
#include "store/jobs.hpp"
#include "store/profiles.hpp"
#include "store/statement.hpp"
#include "support/temp_dir.hpp"

namespace hg::track {
namespace {

using testing::TempStore;

TEST_CASE("the pipeline's moves", "[track]") {
  CHECK(statuses().size() == 10);
  CHECK(can_move("saved", "applied"));
  CHECK(can_move("applied", "offer"));  // steps may be skipped forward
  CHECK(can_move("ghosted", "interviewing"));
  CHECK_FALSE(can_move("applied", "saved"));  // never backwards
  CHECK_FALSE(can_move("saved", "offer"));    // apply first
  CHECK_FALSE(can_move("offer", "ghosted"));
  for (std::string_view terminal : {"accepted", "rejected", "withdrawn", "declined"}) {
    INFO(terminal);
    CHECK(is_terminal(terminal));
    CHECK(next_statuses(terminal).empty());
  }
  CHECK_FALSE(is_terminal("ghosted"));
  CHECK_FALSE(is_status("hired"));
  // Every status but saved can be reached; every move stays inside the known statuses.
  for (std::string_view from : statuses()) {
    for (std::string_view to : next_statuses(from)) {
      CHECK(is_status(to));
      CHECK(to != "saved");
    }
  }
}

struct Fixture {
  TempStore store;
  std::int64_t profile = 0;
  std::int64_t job = 0;
  Fixture() {
    model::Profile p;
    p.name = "ann";
    p.full_name = "Ann";
    auto saved = store::save_profile(store.db(), p, "2026-01-01T00:00:00Z");
    REQUIRE(saved);
    profile = saved->id;
    auto tx = store::Transaction::begin(store.db());
    REQUIRE(tx);
    auto writer = store::JobWriter::create(store.db());
    REQUIRE(writer);
    model::Job j;
    j.source = "t";
    j.external_id = "1";
    j.title = "Welder";
    j.company = "Acme";
    j.first_seen = j.last_seen = "2026-01-01T00:00:00Z";
    auto stored = writer->upsert(j, "2026-01-01T00:00:00Z");
    REQUIRE(stored);
    job = stored->id;
    REQUIRE(writer->flush());
    REQUIRE(tx->commit());
  }
};

TEST_CASE("apply, move and ghosting keep the timeline and the status in step", "[track]") {
  Fixture f;
  auto applied = apply(f.store.db(), {.profile_id = f.profile, .job_id = f.job, .status = "applied",
                                      .at = "2026-01-02T00:00:00Z"});
  REQUIRE(applied);
  CHECK(applied->created);
  auto again = apply(f.store.db(), {.profile_id = f.profile, .job_id = f.job, .status = "saved",
                                    .at = "2026-01-03T00:00:00Z"});
  REQUIRE(again);
  CHECK_FALSE(again->created);
  CHECK(again->application.status == "applied");

  auto refused = move(f.store.db(), applied->application.id, "accepted", "2026-01-04T00:00:00Z", "");
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == Errc::invalid_input);

  auto quiet = mark_ghosted(f.store.db(), {.ghost_after_days = 30, .follow_up_after_days = 7},
                            *util::parse_iso("2026-01-20T00:00:00Z"));
  REQUIRE(quiet);
  CHECK(quiet->empty());
  auto ghosted = mark_ghosted(f.store.db(), {.ghost_after_days = 30, .follow_up_after_days = 7},
                              *util::parse_iso("2026-02-02T00:00:01Z"));
  REQUIRE(ghosted);
  REQUIRE(ghosted->size() == 1);
  CHECK(ghosted->front().status == "ghosted");
  auto steps = store::application_events(f.store.db(), applied->application.id);
  REQUIRE(steps);
  REQUIRE(steps->size() == 2);
  CHECK(steps->back().from_status == "applied");
  CHECK(steps->back().to_status == "ghosted");
  auto back = move(f.store.db(), applied->application.id, "interviewing", "2026-02-03T00:00:00Z",
                   "they called");
  REQUIRE(back);
  CHECK(back->status == "interviewing");
}

TEST_CASE("documents get versions and one final", "[track]") {
  Fixture f;
  auto applied = apply(f.store.db(), {.profile_id = f.profile, .job_id = f.job, .status = "saved",
                                      .at = "2026-01-02T00:00:00Z"});
  REQUIRE(applied);
  const auto id = applied->application.id;
  for (const char* text : {"one", "two", "three"}) {
    REQUIRE(track::add_document(f.store.db(), {.application_id = id, .kind = "cover_letter",
                                        .format = "text", .content = text,
                                        .created_at = "2026-01-02T00:00:00Z"}));
  }
  REQUIRE(track::finalize_document(f.store.db(), id, 2, "cover_letter", "2026-01-03T00:00:00Z"));
  REQUIRE(track::finalize_document(f.store.db(), id, 3, "cover_letter", "2026-01-03T00:00:00Z"));
  auto docs = store::list_documents(f.store.db(), id, true);
  REQUIRE(docs);
  REQUIRE(docs->size() == 3);
  CHECK((*docs)[0].version == 1);
  CHECK((*docs)[2].content == "three");
  CHECK_FALSE((*docs)[1].is_final);
  CHECK((*docs)[2].is_final);
  CHECK(track::finalize_document(f.store.db(), id, 9, "cover_letter", "x").error().code == Errc::not_found);
}

}  // namespace
}  // namespace hg::track

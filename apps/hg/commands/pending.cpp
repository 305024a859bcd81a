// The subcommands whose capability has not landed: listed in help and completion, and
// honest when run (exit 1, "not implemented yet").
#include <CLI/CLI.hpp>

#include "../commands.hpp"
#include "../session.hpp"

namespace hg::cli {
namespace {

struct Pending {
  const char* name;
  const char* description;
};

constexpr Pending kPending[] = {
    {"report", "Funnel, trends, skills demand and the daily briefing (not implemented yet)"},
    {"serve", "The same operations over an HTTP JSON API (not implemented yet)"},
};

}  // namespace

void add_pending_commands(CLI::App& root, Session& session) {
  for (const Pending& pending : kPending) {
    CLI::App* cmd = root.add_subcommand(pending.name, pending.description);
    cmd->allow_extras();
    const std::string name = pending.name;
    cmd->callback([&session, name] {
      Error error = fail(Errc::failed, "{}: not implemented yet", name);
      error.hint = "see the README for what this version of hg can do";
      session.finish(error);
    });
  }
}

}  // namespace hg::cli

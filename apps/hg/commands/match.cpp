// hg match: Rank jobs for a candidate, or candidates for a job.
#include <CLI/CLI.hpp>

#include "../commands.hpp"
#include "../session.hpp"

namespace hg::cli {

void add_match_command(CLI::App& root, Session& session) {
  CLI::App* cmd = root.add_subcommand("match", "Rank jobs for a candidate, or candidates for a job (not implemented yet)");
  cmd->allow_extras();
  cmd->callback([&session] {
    Error error = fail(Errc::failed, "match: not implemented yet");
    error.hint = "see the README for what this version of hg can do";
    session.finish(error);
  });
}

}  // namespace hg::cli

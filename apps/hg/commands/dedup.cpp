// hg dedup: Merge the same job posted several times.
#include <CLI/CLI.hpp>

#include "../commands.hpp"
#include "../session.hpp"

namespace hg::cli {

void add_dedup_command(CLI::App& root, Session& session) {
  CLI::App* cmd = root.add_subcommand("dedup", "Merge the same job posted several times (not implemented yet)");
  cmd->allow_extras();
  cmd->callback([&session] {
    Error error = fail(Errc::failed, "dedup: not implemented yet");
    error.hint = "see the README for what this version of hg can do";
    session.finish(error);
  });
}

}  // namespace hg::cli

// hg parse-resume: Read a PDF, DOCX, HTML or text resume into JSON Resume.
#include <CLI/CLI.hpp>

#include "../commands.hpp"
#include "../session.hpp"

namespace hg::cli {

void add_parse_resume_command(CLI::App& root, Session& session) {
  CLI::App* cmd = root.add_subcommand("parse-resume", "Read a PDF, DOCX, HTML or text resume into JSON Resume (not implemented yet)");
  cmd->allow_extras();
  cmd->callback([&session] {
    Error error = fail(Errc::failed, "parse-resume: not implemented yet");
    error.hint = "see the README for what this version of hg can do";
    session.finish(error);
  });
}

}  // namespace hg::cli

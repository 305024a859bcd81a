// hg: career management and recruiting pipelines over one local SQLite store.
#include <cstdio>
#include <exception>
#include <string>
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "session.hpp"

namespace {

// In `hg --help` order. Adding a subcommand means one line here.
constexpr void (*kCommands[])(CLI::App&, hg::cli::Session&) = {
    hg::cli::add_init_command,   hg::cli::add_import_command, hg::cli::add_export_command,
    hg::cli::add_jobs_command,   hg::cli::add_skills_command,
    hg::cli::add_scrape_command, hg::cli::add_dedup_command,  hg::cli::add_parse_resume_command,
    hg::cli::add_match_command,  hg::cli::add_apply_command,  hg::cli::add_track_command,
    hg::cli::add_pending_commands,
    hg::cli::add_config_command,
    hg::cli::add_completion_command,
};

constexpr const char* kExitCodes =
    "Exit codes:\n"
    "  0  ok\n"
    "  1  the operation failed\n"
    "  2  usage error (bad option or argument)\n"
    "  3  input data invalid (some records rejected, unreadable file)\n"
    "  4  not found (no such job, profile or store)\n"
    "  5  network or source failure\n"
    "  6  store locked or busy (another hg is writing)\n"
    "\nEnvironment: HG_DB (store file), HG_CONFIG (config file), NO_COLOR, HG_NOW (fixed\n"
    "\"now\" in ISO 8601, for reproducible runs), TZ, HG_LLM_BASE_URL, HG_LLM_MODEL,\n"
    "HG_LLM_API_KEY (cover letters). See man hg.";

// CLI11's message in hg's voice: lower case, and naming the unknown word instead of
// "A subcommand is required" when the word was not a command at all.
std::string usage_message(CLI::App& app, const CLI::ParseError& error) {
  if (app.get_subcommands().empty()) {
    for (const std::string& word : app.remaining()) {
      if (word.starts_with("-")) return fmt::format("unknown option {}", word);
      return fmt::format("unknown command \"{}\"", word);
    }
  }
  std::string message = error.what();
  // "could not convert: --limit = 1.5": an option's value that is not of its type (the
  // numeric options' checks catch most first).
  constexpr std::string_view kConvert = "could not convert: ";
  if (const auto equals = message.find(" = "); message.starts_with(kConvert) && equals != std::string::npos) {
    return fmt::format("{}: cannot read \"{}\" (see --help for what it takes)",
                       message.substr(kConvert.size(), equals - kConvert.size()),
                       message.substr(equals + 3));
  }
  if (!message.empty() && message[0] >= 'A' && message[0] <= 'Z' &&
      (message.size() < 2 || !(message[1] >= 'A' && message[1] <= 'Z'))) {
    message[0] = static_cast<char>(message[0] - 'A' + 'a');
  }
  return message;
}

}  // namespace

int main(int argc, char** argv) {
  // std::cin reads through its own buffer (imports from stdin), not getc per character.
  std::ios::sync_with_stdio(false);
  CLI::App app{"hg: career management and recruiting pipelines over one local SQLite store",
               "hg"};
  app.set_version_flag("--version", "hg 0.1.0");
  app.require_subcommand(1);
  // Global options (--db, --json ...) are accepted after the subcommand too: subcommands
  // created below inherit fallthrough and pass options they do not know up to hg.
  app.fallthrough();
  app.footer(kExitCodes);
  app.get_formatter()->column_width(34);
  hg::cli::Session session;
  if (!session.bad_now().empty()) {
    fmt::print(stderr, "hg: HG_NOW: not an ISO 8601 time: \"{}\"\nhint: e.g. HG_NOW=2026-11-21T09:00:00Z\n",
               session.bad_now());
    return hg::cli::kExitUsage;
  }
  session.add_global_options(app);
  for (auto add_command : kCommands) add_command(app, session);
  try {
    app.parse(argc, argv);  // runs the chosen subcommand's callback
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // One line, like every other hg error, plus where to look.
    const std::string message = usage_message(app, e);
    // "-senior" in `hg jobs search data -senior` is read as an option: say how to pass it.
    const std::size_t dash = message.find("not expected: -");
    const bool dash_word = dash != std::string::npos && message[dash + 15] != '-' &&
                           app.got_subcommand("jobs") &&
                           app.get_subcommand("jobs")->got_subcommand("search");
    fmt::print(stderr, "hg: {}\nhint: {}\n", message,
               dash_word ? "a word that starts with '-' goes after --, as in "
                           "`hg jobs search data -- -senior`"
                         : "run `hg --help` or `hg <command> --help`");
    return hg::cli::kExitUsage;
  } catch (const std::exception& e) {
    // A bug: lib/ returns Errors, it does not throw. Say so without a trace.
    fmt::print(stderr, "hg: internal error: {}\n", e.what());
    return hg::cli::kExitFailed;
  }
  return session.exit_code();
}

// The subcommands: each file in commands/ registers one with CLI11 and runs it through lib/.
#pragma once

namespace CLI {
class App;
}

namespace hg::cli {

class Session;

void add_init_command(CLI::App& root, Session& session);
void add_import_command(CLI::App& root, Session& session);
void add_export_command(CLI::App& root, Session& session);
void add_jobs_command(CLI::App& root, Session& session);
void add_skills_command(CLI::App& root, Session& session);
void add_scrape_command(CLI::App& root, Session& session);
void add_dedup_command(CLI::App& root, Session& session);
void add_parse_resume_command(CLI::App& root, Session& session);
void add_match_command(CLI::App& root, Session& session);
void add_apply_command(CLI::App& root, Session& session);
void add_track_command(CLI::App& root, Session& session);
void add_config_command(CLI::App& root, Session& session);
void add_completion_command(CLI::App& root, Session& session);
// report, serve: registered so help and
// completion know them; each says "not implemented yet" until its capability lands.
void add_pending_commands(CLI::App& root, Session& session);

}  // namespace hg::cli

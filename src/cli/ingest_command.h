#pragma once

#include <CLI/CLI.hpp>

namespace proaktiv::cli {

// `proaktiv ingest --db FILE [--batch N] FEED.jsonl…`: applies feed files in order to a SQLite
// store, exactly once, with a progress bar, and prints what happened.
void RegisterIngestCommand(CLI::App& app);

}  // namespace proaktiv::cli

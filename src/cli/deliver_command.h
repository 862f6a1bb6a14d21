#pragma once

#include <CLI/CLI.hpp>

namespace proaktiv::cli {

// `proaktiv deliver --db FILE [--config FILE] [--once | --until-empty] [--today DATE]`: drains
// the outbox through the configured channels (progress on stderr), then prints the messages
// handled per channel and status and what is still queued.
void RegisterDeliverCommand(CLI::App& app);

}  // namespace proaktiv::cli

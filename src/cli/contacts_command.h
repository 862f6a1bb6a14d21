#pragma once

#include <CLI/CLI.hpp>

namespace proaktiv::cli {

// `proaktiv contacts load --db FILE contacts.jsonl`: stores the contact register (KRR JSON
// lines, as `proaktiv gen` writes them) by person key, with progress on stderr.
void RegisterContactsCommand(CLI::App& app);

}  // namespace proaktiv::cli

#pragma once

#include <CLI/CLI.hpp>

namespace proaktiv::cli {

// `proaktiv api-key new --name NAME --scope SCOPE [--scope …]`: makes a new random API key and
// prints it once, with the line to add to the keys file (`serve --api-keys FILE`); the file
// holds only the key's SHA-256. Scopes: admin:<kommunenummer>, admin:*, intake, metrics.
void RegisterApiKeyCommand(CLI::App& app);

}  // namespace proaktiv::cli

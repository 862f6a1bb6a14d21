#pragma once

#include <CLI/CLI.hpp>

namespace proaktiv::cli {

// `proaktiv id check NUMBER…`: prints each number's kind, birth date and control-digit rule, or
// why it is invalid. Exit status 0 only when all are valid. Numbers are printed masked.
void RegisterIdCommand(CLI::App& app);

}  // namespace proaktiv::cli

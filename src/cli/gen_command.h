#pragma once

#include <CLI/CLI.hpp>

namespace proaktiv::cli {

// `proaktiv gen (--all | --kommune NNNN[,NNNN…]) [--from DATE --to DATE] [--seed N] --out DIR`:
// writes a synthetic population and a period of life events (see synth/generator.h).
void RegisterGenCommand(CLI::App& app);

}  // namespace proaktiv::cli

#pragma once

// `proaktiv dmn …` sub-commands:
//   dmn eval MODEL.dmn --decision NAME [--input inputs.json]   evaluate, print JSON
//   dmn eval MODEL.dmn --service NAME  [--input inputs.json]   invoke a decision service
//   dmn check MODEL.dmn                                        report every model problem
//   dmn tck DIR [--csv results.csv] [--min-passed N]           run DMN TCK test cases
//
// `--input` takes a JSON object keyed by input data name ("-" reads stdin). `eval` prints the
// result as one line of JSON on stdout (mapping in dmn/json_values.h) and model warnings and
// evaluation notes on stderr. `check` prints every problem ("decision 'X' (id d1): input
// expression: unknown name 'Age'") and notes, then a summary line. `tck` writes the 5-column
// TCK results CSV, lists failures on stderr and prints two summary lines on stdout, the last
// being exactly "N passed, N failed" (", N skipped" when cases were IGNORED).
//
// Exit codes: 0 success; 1 when `check` finds problems or cannot load the model, when `eval`
// is asked for an unknown decision, or when `tck` passed fewer than --min-passed cases; 2 when
// `eval` cannot load the model or its input file, or `tck` cannot read its folder; CLI11's own
// codes for bad usage. Nothing is thrown out of a command except CLI::RuntimeError carrying
// the exit code.

#include <CLI/CLI.hpp>

namespace proaktiv::cli {

// Adds the `dmn` command with its sub-commands to `app`.
void RegisterDmnCommands(CLI::App& app);

}  // namespace proaktiv::cli

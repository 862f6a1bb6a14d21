#pragma once

#include <CLI/CLI.hpp>

namespace proaktiv::cli {

// `proaktiv run --db FILE --from DATE --until DATE [--feed FILE] [--library DIR]
//  [--services ID,…] [--kommune NNNN,…] [--catalog FILE] [--explain N] [--chart FILE.svg]`: runs
//  the proactive engine over the
// period on the registry in FILE, day by day (each day's feed lines through intake first), and
// prints the decisions per service, the offers per month (and their chart), and N offers with
// their message and explanation.
//
// `proaktiv simulate --db FILE --from DATE --to DATE [--services ID,…] [--kommune NNNN,…]
//  [--feed FILE] [--library DIR] [--compare-library DIR] [--chart FILE.svg]`: the same on a
// scratch copy of FILE (the original is not touched): a dry run. With --compare-library it
// runs the period again with a changed service library and lists who gains and who loses an
// offer.
void RegisterRunCommands(CLI::App& app);

}  // namespace proaktiv::cli

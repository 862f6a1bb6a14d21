#pragma once

// `proaktiv gen`: generates the selection's population and a period of events and writes, in
// `out_dir` (created if needed):
//   population.db     the baseline through the SQLite store, feed pointer "freg" = N
//   population.jsonl  the same baseline as N feed entries (sequences 1..N), each a
//                     personErOpprettet with an inline persondokument
//   feed.jsonl        the period's events, sequences N+1…
//   contacts.jsonl    the contact register (KRR shape)
//   summary.json      counts of persons, households and events by type
// The database is written on a second thread while the JSON files are written, so a run uses
// two cores. Deterministic for (selection, period, seed): the JSON files are byte-identical.

#include <cstdint>
#include <string>
#include <vector>

#include "common/civil_date.h"
#include "common/progress.h"
#include "common/result.h"

namespace proaktiv::synth {

struct GenerateOptions {
  bool all = false;
  std::vector<std::string> kommuner;  // kommune numbers when not `all`
  CivilDate from;                     // first day of the period (the baseline's date)
  CivilDate to;                       // day after the period
  uint64_t seed = 1;
  std::string out_dir;
  bool write_db = true;  // false: skip population.db (tests without a store)
  int threads = 2;
};

struct GenerateResult {
  int64_t persons = 0;
  int64_t households = 0;
  int64_t feed_entries = 0;
  std::string summary_json;
};

Result<GenerateResult> Generate(const GenerateOptions& options, Progress& progress);

}  // namespace proaktiv::synth

// Kindergarten eligibility for a whole population: proaktiv (engine::EligibilityScan on N
// threads, memoised, and once more with the DMN evaluated for every person) against
// PostgreSQL 15 running the rule as hand-written SQL (as written, and tuned) over the same
// persons, in the same run. All answers must be the same set of persons.
// See bench/README.md; bench/eligibility_vs_postgres.sh runs it with a private cluster.
//
//   eligibility_vs_postgres --db population.db --pg "host=127.0.0.1 port=55432 user=postgres"
//       [--today 2024-02-20] [--threads 2] [--repeats 5] [--each-repeats 1]
//   eligibility_vs_postgres --db population.db --only-proaktiv     # for profiling
//
// Exit status: 0 when the answers agree (the targets are reported as PASS/MISS), 1 when they
// differ, 2 on any other error.

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "catalog/catalog.h"
#include "eligibility_pg.h"
#include "engine/eligibility_scan.h"
#include "engine/service_bundle.h"
#include "identity_index.h"
#include "store/store.h"

namespace proaktiv::bench {
namespace {

using Clock = std::chrono::steady_clock;

double Since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// VmRSS or VmHWM of this process in GiB.
double MemoryGiB(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.starts_with(field)) return std::stod(line.substr(line.find(':') + 1)) / (1 << 20);
  }
  return 0;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

struct Population {
  std::vector<int64_t> keys;
  std::vector<registry::Person> persons;
  IdentityIndex index;  // every identity number, current or ceased → position

  int64_t IndexOf(std::string_view number) const { return index.Find(number); }
};

Result<Population> Load(const std::string& db) {
  PROAKTIV_ASSIGN_OR_RETURN(auto store, store::OpenSqliteStore(db));
  Population pop;
  PROAKTIV_ASSIGN_OR_RETURN(auto counts, store->Counts());
  pop.keys.reserve(static_cast<size_t>(counts.persons));
  pop.persons.reserve(static_cast<size_t>(counts.persons));
  PROAKTIV_RETURN_IF_ERROR(store->ForEachPerson([&](const store::StoredPerson& p) {
    pop.keys.push_back(p.key);
    pop.persons.push_back(p.person);
    return true;
  }));
  pop.index = IdentityIndex(pop.persons.size() * 11 / 10);
  for (size_t i = 0; i < pop.persons.size(); ++i) {
    for (const auto& n : pop.persons[i].identity_numbers) {
      pop.index.Insert(n.value.number, static_cast<int64_t>(i));
    }
  }
  return pop;
}

// CPU seconds used by this process so far (all threads).
double CpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6;
}

struct Timing {
  explicit Timing(std::string n) : name(std::move(n)) {}
  std::string name;
  std::vector<double> seconds;
  std::vector<double> cpu_seconds;  // proaktiv only: CPU time of the process during the run
  size_t eligible = 0;
  double median() const { return Median(seconds); }
};

void PrintRow(const Timing& t, size_t persons) {
  if (t.seconds.empty()) return;
  const double best = *std::min_element(t.seconds.begin(), t.seconds.end());
  const std::string cpu =
      t.cpu_seconds.empty() ? "-" : fmt::format("{:.3f}", Median(t.cpu_seconds));
  fmt::print("{:<36} {:>9.3f} {:>9.3f} {:>8} {:>12.0f} {:>9} {:>5}\n", t.name, t.median(), best,
             cpu, static_cast<double>(persons) / t.median(), t.eligible, t.seconds.size());
}

// Prints up to 10 keys only one side has, with proaktiv's reason for each.
void PrintDifferences(const std::vector<int64_t>& ours, const std::vector<int64_t>& theirs,
                      const char* only_in, const Population& pop,
                      const engine::ServiceBundle& bundle, const engine::PersonLookup& lookup,
                      const engine::EligibilityScan& scan, CivilDate today) {
  std::vector<int64_t> diff;
  std::set_difference(ours.begin(), ours.end(), theirs.begin(), theirs.end(),
                      std::back_inserter(diff));
  fmt::print("  {} keys only in {}{}\n", diff.size(), only_in, diff.empty() ? "" : ", e.g.:");
  for (size_t k = 0; k < diff.size() && k < 10; ++k) {
    auto it = std::lower_bound(pop.keys.begin(), pop.keys.end(), diff[k]);
    const auto& person = pop.persons[static_cast<size_t>(it - pop.keys.begin())];
    auto d = bundle.Decide(person, lookup, scan.ParametersFor(person.kommunenummer()), today);
    fmt::print("    key {} (proaktiv: {})\n", diff[k], d ? d->reason : d.error().message);
  }
}

struct Options {
  std::string db, conninfo, source = PROAKTIV_SOURCE_DIR, today = "2024-02-20";
  int threads = 2, repeats = 5, each_repeats = 1;
  bool only_proaktiv = false;
  bool explain = false;
};

// Times `runs` scans; returns the last answer.
Result<std::vector<uint8_t>> TimeScan(const engine::EligibilityScan& scan, const Population& pop,
                                      const engine::PersonLookup& lookup, CivilDate today,
                                      const engine::EligibilityScan::ScanOptions& options, int runs,
                                      Timing& timing, int64_t& evaluations) {
  std::vector<uint8_t> flags;
  for (int r = 0; r < runs; ++r) {
    const auto start = Clock::now();
    const double cpu = CpuSeconds();
    PROAKTIV_ASSIGN_OR_RETURN(auto result, scan.ScanAll(pop.persons, lookup, today, options));
    timing.seconds.push_back(Since(start));
    timing.cpu_seconds.push_back(CpuSeconds() - cpu);
    flags = std::move(result.eligible);
    evaluations = result.evaluations;
  }
  timing.eligible = static_cast<size_t>(std::count(flags.begin(), flags.end(), 1));
  return flags;
}

int Run(const Options& o) {
  auto fail = [](const Error& e) {
    fmt::print(stderr, "error: {}\n", e.ToString());
    return 2;
  };
  auto today = CivilDate::Parse(o.today);
  if (!today) return fail(today.error().WithContext("--today"));
  auto catalog = catalog::Catalog::LoadFile(o.source + "/catalog/catalog.yaml");
  if (!catalog) return fail(catalog.error());
  auto bundle = engine::ServiceBundle::LoadDir(o.source + "/services/kindergarten-place", *catalog);
  if (!bundle) return fail(bundle.error());
  auto scan = engine::EligibilityScan::Create(**bundle);
  if (!scan) return fail(scan.error());

  // Untimed: the SQLite store into memory, then the same persons into PostgreSQL.
  auto start = Clock::now();
  auto loaded = Load(o.db);
  if (!loaded) return fail(loaded.error());
  const Population& pop = *loaded;
  const size_t n = pop.persons.size();
  fmt::print("kindergarten-place, today {}, {} persons from {}\n", o.today, n, o.db);
  fmt::print("load into memory: {:.1f} s (ForEachPerson + identity index), RSS {:.2f} GiB\n",
             Since(start), MemoryGiB("VmRSS:"));
  const engine::PersonLookup lookup = [&pop](std::string_view id) -> const registry::Person* {
    const int64_t i = pop.IndexOf(id);
    return i < 0 ? nullptr : &pop.persons[static_cast<size_t>(i)];
  };

  std::optional<PgConnection> pg;
  std::string jit = "?", workers = "?";
  if (!o.only_proaktiv) {
    auto connected = PgConnection::Connect(o.conninfo);
    if (!connected) return fail(connected.error());
    pg.emplace(std::move(*connected));
    start = Clock::now();
    const PopulationView view{pop.keys, pop.persons,
                              [&pop](std::string_view id) { return pop.IndexOf(id); }};
    if (auto s = LoadPopulation(*pg, view, *scan); !s) return fail(s.error());
    const double seconds = Since(start);
    auto version = pg->QueryValue("SHOW server_version");
    jit = pg->QueryValue("SHOW jit").value_or("?");
    workers = pg->QueryValue("SHOW max_parallel_workers_per_gather").value_or("?");
    fmt::print("load into PostgreSQL {} (COPY, keys, indexes, VACUUM ANALYZE): {:.1f} s\n",
               version.value_or("?"), seconds);
  }

  // Timed: proaktiv (memoised, then the DMN for every person), then PostgreSQL.
  Timing memo(fmt::format("proaktiv, memoised ({} threads)", o.threads));
  Timing each(fmt::format("proaktiv, DMN per person ({} thr.)", o.threads));
  int64_t memo_evaluations = 0, each_evaluations = 0;
  auto flags = TimeScan(*scan, pop, lookup, *today, {.threads = o.threads, .memoize = true},
                        o.repeats, memo, memo_evaluations);
  if (!flags) return fail(flags.error());
  auto each_flags = TimeScan(*scan, pop, lookup, *today, {.threads = o.threads, .memoize = false},
                             o.each_repeats, each, each_evaluations);
  if (!each_flags) return fail(each_flags.error());
  std::vector<int64_t> our_keys;
  for (size_t i = 0; i < n; ++i) {
    if ((*flags)[i]) our_keys.push_back(pop.keys[i]);
  }

  std::vector<Timing> peers;
  std::vector<std::vector<int64_t>> peer_keys;
  for (bool tuned : {false, true}) {
    if (!pg) break;
    Timing t(tuned ? "PostgreSQL, tuned by hand" : "PostgreSQL, rule as written");
    const std::string sql = KindergartenSql(tuned);
    std::vector<int64_t> keys;
    for (int r = 0; r < o.repeats; ++r) {
      start = Clock::now();
      auto got = pg->QueryKeys(sql, o.today);
      t.seconds.push_back(Since(start));
      if (!got) return fail(got.error());
      keys = std::move(*got);
    }
    std::sort(keys.begin(), keys.end());
    t.eligible = keys.size();
    if (o.explain) {  // untimed
      auto plan = pg->Explain(sql, o.today);
      if (!plan) return fail(plan.error());
      fmt::print("\n{}:\n{}\n{}", t.name, sql, *plan);
    }
    peers.push_back(std::move(t));
    peer_keys.push_back(std::move(keys));
  }

  // Untimed checks: the scan without memo, and Decide itself on every 997th person.
  bool agree = each_flags->empty() || *each_flags == *flags;
  if (!agree) fmt::print("MISMATCH: the memoised scan and the DMN per person differ\n");
  size_t sampled = 0;
  for (size_t i = 0; i < n; i += 997, ++sampled) {
    const auto& p = pop.persons[i];
    auto d = (*bundle)->Decide(p, lookup, scan->ParametersFor(p.kommunenummer()), *today);
    if (d && d->eligible != ((*flags)[i] != 0)) {
      fmt::print("MISMATCH: Decide and the scan differ for key {}\n", pop.keys[i]);
      agree = false;
    }
  }

  fmt::print("\n{:<36} {:>9} {:>9} {:>8} {:>12} {:>9} {:>5}\n", "", "median s", "best s", "CPU s",
             "persons/s", "eligible", "runs");
  PrintRow(memo, n);
  PrintRow(each, n);
  for (const Timing& t : peers) PrintRow(t, n);
  fmt::print("proaktiv: {} DMN evaluations memoised ({:.2f} % of the persons), {} per person\n",
             memo_evaluations, 100.0 * static_cast<double>(memo_evaluations) / n, each_evaluations);
  if (pg) {
    fmt::print("PostgreSQL: jit {}, {} workers per gather; times include fetching the keys\n", jit,
               workers);
  }
  for (size_t k = 0; k < peers.size(); ++k) {
    if (peer_keys[k] == our_keys) continue;
    agree = false;
    fmt::print("\nMISMATCH with {}:\n", peers[k].name);
    PrintDifferences(our_keys, peer_keys[k], "proaktiv", pop, **bundle, lookup, *scan, *today);
    PrintDifferences(peer_keys[k], our_keys, "PostgreSQL", pop, **bundle, lookup, *scan, *today);
  }
  fmt::print("\nanswers: {} ({} eligible; Decide agrees on {} sampled persons)\n",
             agree ? "identical" : "DIFFERENT", our_keys.size(), sampled);
  double peer_best = 1e300;
  for (const Timing& t : peers) {
    peer_best = std::min(peer_best, t.median());
    fmt::print("ratio {} / proaktiv memoised: {:.2f}", t.name, t.median() / memo.median());
    if (!each.seconds.empty()) fmt::print(", / DMN per person: {:.2f}", t.median() / each.median());
    fmt::print("\n");
  }
  fmt::print("target <= 2 s on {} threads (memoised, median): {} ({:.3f} s)\n", o.threads,
             memo.median() <= 2.0 ? "PASS" : "MISS", memo.median());
  if (!peers.empty()) {
    fmt::print("target faster than PostgreSQL (its faster query, medians): {} ({:.2f}x)\n",
               memo.median() < peer_best ? "PASS" : "MISS", peer_best / memo.median());
  }
  fmt::print("peak RSS {:.2f} GiB\n", MemoryGiB("VmHWM:"));
  return agree ? 0 : 1;
}

}  // namespace
}  // namespace proaktiv::bench

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // progress lines appear at once in a pipe
  CLI::App app{"Kindergarten eligibility for a population: proaktiv against PostgreSQL"};
  proaktiv::bench::Options o;
  app.add_option("--db", o.db, "population.db written by `proaktiv gen`")->required();
  auto* pg = app.add_option("--pg", o.conninfo,
                            "libpq connection string (scripts/postgres.sh prints one)");
  app.add_flag("--only-proaktiv", o.only_proaktiv, "without PostgreSQL (for profiling)")
      ->excludes(pg);
  app.add_option("--today", o.today, "the evaluation date (default 2024-02-20)");
  app.add_option("--threads", o.threads, "threads for proaktiv (default 2)")
      ->check(CLI::Range(1, 256));
  app.add_option("--repeats", o.repeats, "timed runs of each query and memoised scan (default 5)")
      ->check(CLI::Range(1, 100));
  app.add_option("--each-repeats", o.each_repeats,
                 "timed runs of the scan without memo, the DMN for every person (default 1)")
      ->check(CLI::Range(0, 100));
  app.add_option("--source", o.source, "the repository (services/, catalog/)");
  app.add_flag("--explain", o.explain, "print each query and its EXPLAIN ANALYZE (untimed)");
  CLI11_PARSE(app, argc, argv);
  if (o.conninfo.empty() && !o.only_proaktiv) {
    fmt::print(stderr, "--pg is required (or --only-proaktiv)\n");
    return 2;
  }
  return proaktiv::bench::Run(o);
}

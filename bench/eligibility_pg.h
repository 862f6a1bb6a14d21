#pragma once

// The PostgreSQL peer of bench/eligibility_vs_postgres.cc: a normalised schema holding what the
// kindergarten rule reads, loaded with COPY from the persons in memory, and the rule written
// by hand in SQL (eligibility_pg.cc has the schema and both queries).
//
//   person                   key (the store key), identity_number (the number in use),
//                            birth_date, death_date (NULL while alive), status (the register's
//                            folkeregisterpersonstatus), kommunenummer (of the residence)
//   person_identity          every identity number a person has had → key
//   parental_responsibility  child_key → holder_key (NULL when the holder is not in the
//                            register), kind; the facts on the child's own document
//   kindergarten_parameter   kommunenummer → intake_deadline ("MM-DD") in force, from the
//                            service's defaults and kommune overrides; '' is the default
//
// Bench code: errors are values; a PgConnection is used by one thread.

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <libpq-fe.h>

#include "common/result.h"
#include "engine/eligibility_scan.h"
#include "registry/person.h"

namespace proaktiv::bench {

class PgConnection {
 public:
  static Result<PgConnection> Connect(const std::string& conninfo);

  // Runs one or more statements without parameters and without result rows.
  Status Exec(std::string_view sql);
  // The first column of the first row, as text ("" when there is none).
  Result<std::string> QueryValue(std::string_view sql);
  // `copy_sql` is a COPY … FROM STDIN; `fill` appends rows (text format) to its buffer and
  // returns false when it has no more.
  Status Copy(std::string_view copy_sql, const std::function<bool(std::string&)>& fill);
  // Runs `sql` with one date parameter ($1, "YYYY-MM-DD") and returns its first column, an
  // int8 fetched in binary.
  Result<std::vector<int64_t>> QueryKeys(std::string_view sql, std::string_view date);
  // The plan of `sql` (one date parameter) as EXPLAIN (ANALYZE, BUFFERS) prints it.
  Result<std::string> Explain(std::string_view sql, std::string_view date);

 private:
  explicit PgConnection(PGconn* conn) : conn_(conn, &PQfinish) {}
  Status Check(PGresult* result, std::string_view what);
  std::unique_ptr<PGconn, decltype(&PQfinish)> conn_;
};

// The persons as loaded into memory: keys[i] is the store key of persons[i].
struct PopulationView {
  std::span<const int64_t> keys;
  std::span<const registry::Person> persons;
  // Index in `persons` of the person with that identity number (current or ceased), or -1.
  std::function<int64_t(std::string_view)> index_of;
};

// Drops and recreates the schema, loads it with COPY, then adds keys, indexes and statistics
// (VACUUM ANALYZE). `scan` gives the kindergarten parameters in force per kommune.
Status LoadPopulation(PgConnection& pg, const PopulationView& population,
                      const engine::EligibilityScan& scan);

// The kindergarten rule in SQL, with today as $1, returning the eligible person keys. Not
// tuned, it follows the DMN decision by decision (the holder check as EXISTS). Tuned as a DBA
// would after reading the plans: the birth-date bound the rule implies (eligible ⇒ born on or
// after 1 January of today's year − 5) lets PostgreSQL read only the young cohorts through the
// index on person(birth_date), and the holder check is a per-child index probe.
std::string KindergartenSql(bool tuned);

}  // namespace proaktiv::bench

#include "eligibility_pg.h"

#include <endian.h>

#include <cstring>

#include <fmt/format.h>

#include "registry/kommune.h"

namespace proaktiv::bench {

namespace {

constexpr size_t kCopyBuffer = 1 << 20;
constexpr Oid kDateOid = 1082;

// The schema; keys, indexes and foreign keys are added after the load (kIndexes).
constexpr const char* kSchema = R"sql(
DROP TABLE IF EXISTS parental_responsibility, person_identity, person, kindergarten_parameter;
CREATE TABLE person (
  key             bigint NOT NULL,  -- the store's key (identity numbers can change)
  identity_number text,             -- the number in use; NULL when none
  birth_date      date,
  death_date      date,             -- NULL while alive
  status          text NOT NULL,    -- folkeregisterpersonstatus: bosatt, utflyttet, ...
  kommunenummer   text              -- of the current residence; NULL when none
);
CREATE TABLE person_identity (      -- every number a person has had, current or ceased
  identity_number text NOT NULL,
  person_key      bigint NOT NULL
);
CREATE TABLE parental_responsibility (  -- foreldreansvar, from the child's own document
  child_key  bigint NOT NULL,
  holder_key bigint,                    -- NULL when the holder is not in the register
  kind       text NOT NULL              -- felles, mor, far, medmor, andre, ukjent
);
CREATE TABLE kindergarten_parameter (   -- the service's parameters in force per kommune
  kommunenummer   text NOT NULL,        -- '' holds the service's default
  intake_deadline text NOT NULL         -- MM-DD
);
)sql";

constexpr const char* kIndexes = R"sql(
ALTER TABLE person ADD PRIMARY KEY (key);
ALTER TABLE person_identity ADD PRIMARY KEY (identity_number);
ALTER TABLE kindergarten_parameter ADD PRIMARY KEY (kommunenummer);
ALTER TABLE person_identity ADD FOREIGN KEY (person_key) REFERENCES person (key);
ALTER TABLE parental_responsibility ADD FOREIGN KEY (child_key) REFERENCES person (key);
ALTER TABLE parental_responsibility ADD FOREIGN KEY (holder_key) REFERENCES person (key);
CREATE INDEX parental_responsibility_child ON parental_responsibility (child_key);
CREATE INDEX person_birth_date ON person (birth_date);
)sql";

void AppendField(std::string& out, std::string_view text) {
  if (text.empty()) {
    out += "\\N";
    return;
  }
  for (char c : text) {  // COPY text format: escape the delimiter, newlines and backslash
    switch (c) {
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\\':
        out += "\\\\";
        break;
      default:
        out += c;
    }
  }
}

void AppendDate(std::string& out, const std::optional<CivilDate>& d) {
  if (d) {
    out += d->ToString();
  } else {
    out += "\\N";
  }
}

// Copies persons[0..n) through `row`, which appends the rows of one person.
Status CopyPersons(PgConnection& pg, std::string_view sql, size_t n,
                   const std::function<void(size_t, std::string&)>& row) {
  size_t next = 0;
  return pg.Copy(sql, [&](std::string& buffer) {
    while (next < n && buffer.size() < kCopyBuffer) row(next++, buffer);
    return next < n || !buffer.empty();
  });
}

}  // namespace

Result<PgConnection> PgConnection::Connect(const std::string& conninfo) {
  PGconn* conn = PQconnectdb(conninfo.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn);
    PQfinish(conn);
    return Unavailable(fmt::format("PostgreSQL '{}': {}", conninfo, message));
  }
  PQsetNoticeProcessor(
      conn, [](void*, const char*) {}, nullptr);  // DROP … IF EXISTS notes
  return PgConnection(conn);
}

Status PgConnection::Check(PGresult* result, std::string_view what) {
  const ExecStatusType s = PQresultStatus(result);
  if (s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK || s == PGRES_COPY_IN) return {};
  std::string message = PQresultErrorMessage(result);
  PQclear(result);
  return Unavailable(fmt::format("PostgreSQL: {}: {}", what.substr(0, 80), message));
}

Status PgConnection::Exec(std::string_view sql) {
  PGresult* r = PQexec(conn_.get(), std::string(sql).c_str());
  PROAKTIV_RETURN_IF_ERROR(Check(r, sql));
  PQclear(r);
  return {};
}

Result<std::string> PgConnection::QueryValue(std::string_view sql) {
  PGresult* r = PQexec(conn_.get(), std::string(sql).c_str());
  PROAKTIV_RETURN_IF_ERROR(Check(r, sql));
  std::string value = PQntuples(r) > 0 && PQnfields(r) > 0 ? PQgetvalue(r, 0, 0) : "";
  PQclear(r);
  return value;
}

Status PgConnection::Copy(std::string_view copy_sql,
                          const std::function<bool(std::string&)>& fill) {
  PGresult* r = PQexec(conn_.get(), std::string(copy_sql).c_str());
  PROAKTIV_RETURN_IF_ERROR(Check(r, copy_sql));
  PQclear(r);
  std::string buffer;
  buffer.reserve(kCopyBuffer + 4096);
  bool more = true;
  while (more) {
    buffer.clear();
    more = fill(buffer);
    if (!buffer.empty() &&
        PQputCopyData(conn_.get(), buffer.data(), static_cast<int>(buffer.size())) != 1) {
      return Unavailable(fmt::format("PostgreSQL COPY: {}", PQerrorMessage(conn_.get())));
    }
  }
  if (PQputCopyEnd(conn_.get(), nullptr) != 1) {
    return Unavailable(fmt::format("PostgreSQL COPY end: {}", PQerrorMessage(conn_.get())));
  }
  while ((r = PQgetResult(conn_.get())) != nullptr) {
    PROAKTIV_RETURN_IF_ERROR(Check(r, copy_sql));
    PQclear(r);
  }
  return {};
}

Result<std::vector<int64_t>> PgConnection::QueryKeys(std::string_view sql, std::string_view date) {
  const std::string text(date);
  const char* values[] = {text.c_str()};
  const Oid types[] = {kDateOid};
  PGresult* r = PQexecParams(conn_.get(), std::string(sql).c_str(), 1, types, values, nullptr,
                             nullptr, /*resultFormat=binary*/ 1);
  PROAKTIV_RETURN_IF_ERROR(Check(r, sql));
  if (PQnfields(r) < 1 || PQftype(r, 0) != 20 /* int8 */) {
    PQclear(r);
    return Internal("the query's first column is not a bigint");
  }
  const int n = PQntuples(r);
  std::vector<int64_t> keys(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    uint64_t be = 0;
    std::memcpy(&be, PQgetvalue(r, i, 0), sizeof be);
    keys[static_cast<size_t>(i)] = static_cast<int64_t>(be64toh(be));
  }
  PQclear(r);
  return keys;
}

Result<std::string> PgConnection::Explain(std::string_view sql, std::string_view date) {
  const std::string text(date);
  const std::string explain = "EXPLAIN (ANALYZE, BUFFERS) " + std::string(sql);
  const char* values[] = {text.c_str()};
  const Oid types[] = {kDateOid};
  PGresult* r = PQexecParams(conn_.get(), explain.c_str(), 1, types, values, nullptr, nullptr, 0);
  PROAKTIV_RETURN_IF_ERROR(Check(r, explain));
  std::string plan;
  for (int i = 0; i < PQntuples(r); ++i) {
    plan += PQgetvalue(r, i, 0);
    plan += '\n';
  }
  PQclear(r);
  return plan;
}

Status LoadPopulation(PgConnection& pg, const PopulationView& population,
                      const engine::EligibilityScan& scan) {
  const auto& persons = population.persons;
  const auto& keys = population.keys;
  PROAKTIV_RETURN_IF_ERROR(pg.Exec("BEGIN"));  // created and filled in one transaction: with
  PROAKTIV_RETURN_IF_ERROR(pg.Exec(kSchema));  // wal_level=minimal COPY writes no WAL
  PROAKTIV_RETURN_IF_ERROR(
      CopyPersons(pg, "COPY person FROM STDIN", persons.size(), [&](size_t i, std::string& out) {
        const registry::Person& p = persons[i];
        fmt::format_to(std::back_inserter(out), "{}\t", keys[i]);
        AppendField(out, p.id());
        out += '\t';
        AppendDate(out, p.birth_date());
        out += '\t';
        AppendDate(out, p.is_dead() ? std::optional(p.death.current()->date) : std::nullopt);
        out += '\t';
        AppendField(out, registry::Name(p.current_status()));
        out += '\t';
        AppendField(out, p.kommunenummer());
        out += '\n';
      }));
  PROAKTIV_RETURN_IF_ERROR(CopyPersons(
      pg, "COPY person_identity FROM STDIN", persons.size(), [&](size_t i, std::string& out) {
        for (const auto& n : persons[i].identity_numbers) {
          // A number registered twice (in use, then ceased) is one row, as in the store.
          if (population.index_of(n.value.number) != static_cast<int64_t>(i)) continue;
          bool seen = false;
          for (const auto& m : persons[i].identity_numbers) {
            if (&m == &n) break;
            seen = seen || m.value.number == n.value.number;
          }
          if (seen) continue;
          AppendField(out, n.value.number);
          fmt::format_to(std::back_inserter(out), "\t{}\n", keys[i]);
        }
      }));
  PROAKTIV_RETURN_IF_ERROR(CopyPersons(pg, "COPY parental_responsibility FROM STDIN",
                                       persons.size(), [&](size_t i, std::string& out) {
                                         const registry::Person& p = persons[i];
                                         for (const auto& f : p.responsibility) {
                                           const auto& r = f.value;
                                           // The child's own facts; a parent's document repeats
                                           // them about the child.
                                           if (!r.child_id.empty() && r.child_id != p.id())
                                             continue;
                                           const int64_t holder = population.index_of(r.holder_id);
                                           fmt::format_to(std::back_inserter(out), "{}\t", keys[i]);
                                           if (holder >= 0) {
                                             fmt::format_to(std::back_inserter(out), "{}",
                                                            keys[static_cast<size_t>(holder)]);
                                           } else {
                                             out += "\\N";
                                           }
                                           out += '\t';
                                           AppendField(out, registry::Name(r.kind));
                                           out += '\n';
                                         }
                                       }));
  std::vector<std::string> kommuner{""};
  for (const registry::Kommune& k : registry::AllKommuner()) kommuner.push_back(k.number);
  PROAKTIV_RETURN_IF_ERROR(
      CopyPersons(pg, "COPY kindergarten_parameter FROM STDIN", kommuner.size(),
                  [&](size_t i, std::string& out) {
                    const engine::KommuneParameters params = scan.ParametersFor(kommuner[i]);
                    const engine::ParameterValue* deadline = params.Find("intake_deadline");
                    if (deadline == nullptr) return;
                    out += kommuner[i];  // '' is written as an empty string, not NULL
                    out += '\t';
                    AppendField(out, deadline->text);
                    out += '\n';
                  }));
  PROAKTIV_RETURN_IF_ERROR(pg.Exec("COMMIT"));
  PROAKTIV_RETURN_IF_ERROR(pg.Exec(kIndexes));
  return pg.Exec(
      "VACUUM (ANALYZE) person, person_identity, parental_responsibility, "
      "kindergarten_parameter");
}

// The DMN, decision by decision (services/kindergarten-place/eligibility.dmn):
//   First intake year    = birth year + 1, or + 2 when born in December
//   Next deadline year   = today's year, or the next when today is past the kommune's deadline
//   Intake year          = the greater of the two
//   School start year    = birth year + 6
//   Assessment (FIRST)   = not deceased, status bosatt, a residence kommune, intake year before
//                          the school start year, at least one living holder of parental
//                          responsibility known to the register.
// A missing birth date makes the years null in FEEL: rule 4 then does not match and the child
// is eligible; `p.birth_date IS NULL OR …` keeps that.
std::string KindergartenSql(bool tuned) {
  std::string sql = R"sql(WITH deadline AS (
  SELECT kommunenummer,
         CASE WHEN $1::date <= make_date(date_part('year', $1::date)::int,
                                         substr(intake_deadline, 1, 2)::int,
                                         substr(intake_deadline, 4, 2)::int)
              THEN date_part('year', $1::date)::int
              ELSE date_part('year', $1::date)::int + 1 END AS next_deadline_year
  FROM kindergarten_parameter)
SELECT p.key
FROM person p
JOIN deadline d ON d.kommunenummer = ''
LEFT JOIN deadline k ON k.kommunenummer = p.kommunenummer
WHERE p.death_date IS NULL
  AND p.status = 'bosatt'
  AND p.kommunenummer IS NOT NULL
  AND (p.birth_date IS NULL OR
       greatest(date_part('year', p.birth_date)::int
                  + CASE WHEN date_part('month', p.birth_date) <= 11 THEN 1 ELSE 2 END,
                coalesce(k.next_deadline_year, d.next_deadline_year))
         < date_part('year', p.birth_date)::int + 6)
  AND )sql";
  if (!tuned) {
    sql +=
        R"sql(EXISTS (SELECT 1 FROM parental_responsibility r JOIN person h ON h.key = r.holder_key
              WHERE r.child_key = p.key AND h.death_date IS NULL)
)sql";
  } else {
    // As a scalar subquery the holder check stays a per-child probe of the two indexes, done
    // only for the young cohort the bound leaves; PostgreSQL 15 plans the EXISTS form as a hash
    // semi-join that first joins every responsibility row with every person (3x slower here).
    // Next deadline year >= today's year, so an eligible child's birth year + 6 > today's year.
    sql +=
        R"sql((SELECT count(*) FROM parental_responsibility r JOIN person h ON h.key = r.holder_key
       WHERE r.child_key = p.key AND h.death_date IS NULL) > 0
  AND (p.birth_date IS NULL OR
       p.birth_date >= make_date(date_part('year', $1::date)::int - 5, 1, 1))
)sql";
  }
  return sql;
}

}  // namespace proaktiv::bench

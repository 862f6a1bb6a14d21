#pragma once

// Engine scenarios for the golden tests (tests/golden/*.test): a small script of persons and
// register events, run through the real feed intake, a real SQLite file and the real engine with
// the service library of services/, printing what the engine decided.
//
// Script (one command per line; '#' starts a comment; labels name persons, identity numbers are
// made up from the birth date and never printed):
//
//   start 2026-01-01                     the first day the engine runs (default 2026-01-01)
//   person P born 1990-03-01 kommune 4601 [sex mann] [name Kari] [protected strengtFortrolig]
//   child C born 2025-05-04 kommune 4601 of P [Q] [name Ola]
//   married P Q                          spouses (both get the relation and civil status gift)
//   (the above are in the register when the engine starts: created on the start day)
//
//   2026-02-10 born C of P [Q] [kommune 4601] [name Ola]   a birth (personErOpprettet)
//   2026-02-10 stillborn of P            a stillbirth registered on the mother
//   2026-02-10 immigrate X born 1980-01-01 kommune 4601    personErBosatt, new to the register
//   2026-02-10 move C 4601               endringIBostedsadresse (all of C's household: list them)
//   2026-02-10 die P                     personErDoed
//   2026-02-10 annul-death P             the death annulled (a registration error)
//   2026-02-10 correct-birth C 2025-12-02  endringIFoedsel korrigere
//   2026-02-10 widowed P                 endringISivilstand: enkeEllerEnkemann
//   2026-02-10 protect P strengtFortrolig  endringIAdressebeskyttelse
//   2026-02-10 guardianship P            endringIVergemaal: an adult guardianship
//   2026-02-10 opt-out P kindergarten-place   the citizen opts out (through the engine)
//   2026-02-10 sent C kindergarten-place      the latest offer about C was delivered
//   2026-02-10 opened C kindergarten-place    … opened; accepted / declined: answered
//   run 2026-03-01                       every day up to and including this one: that day's
//                                        events through intake, then the engine
//   offers                               every offer with its state
//   explain C kindergarten-place         the explanation of the latest offer about C
//   tasks                                the caseworker queue
//   history C kindergarten-place         the state changes of the latest offer about C
//
// Run() returns the output text, or an error naming the script line.

#include <string>

#include "common/result.h"

namespace proaktiv::golden {

// `services_dir` is the service library, `catalog_file` the data catalog, `work_dir` a folder
// for the SQLite file.
Result<std::string> RunScenario(const std::string& script, const std::string& services_dir,
                                const std::string& catalog_file, const std::string& work_dir);

}  // namespace proaktiv::golden

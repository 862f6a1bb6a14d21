#pragma once

// One entry of the population register's event feed (hendelsesliste) as a JSON line:
//
//   {"sekvensnummer": 1002,
//    "hendelse": {"folkeregisteridentifikator": "03851598730",
//                 "hendelsetype": "personErOpprettet",
//                 "ajourholdstidspunkt": "2024-06-20T09:27:11.002+02:00",
//                 "hendelsesdokument": "1120bea6…",          (optional reference)
//                 "persondokument": {…} or "5c3afb4f…",      (optional: full document inline)
//                 "egenskapshendelse": [                      (optional: the changes)
//                   {"entitet": "bostedsadresse", "entitetsendring": "registrereNy",
//                    "opplysningsidentifikator": "a17", "bostedsadresse": {…}},
//                   {"entitet": "bostedsadresse", "entitetsendring": "korrigere",
//                    "opplysningsidentifikator": "a18",
//                    "gjelderOpplysningsidentifikator": "a17", "bostedsadresse": {…}},
//                   {"entitet": "sivilstand", "entitetsendring": "annullere",
//                    "gjelderOpplysningsidentifikator": "s3"}]}}
//
// The register itself serves event and person documents by reference; proaktiv's feed carries
// them inline so that one line is one self-contained change.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "common/result.h"
#include "registry/entities.h"

namespace proaktiv::registry {

struct FeedEntry {
  int64_t sequence = 0;    // sekvensnummer
  std::string person_id;   // folkeregisteridentifikator (validated)
  std::string event_type;  // hendelsetype, possibly one the registry does not know
  std::string timestamp;   // ajourholdstidspunkt, ISO 8601
  std::vector<EntityChange> changes;
  std::optional<boost::json::object> person_document;  // inline persondokument
};

// Parses one line. Errors name the sequence number when it could be read
// ("entry 1002: hendelse.egenskapshendelse[1]: field 'entitet' is missing"), and never repeat
// an identity number.
Result<FeedEntry> ParseFeedEntry(std::string_view line);

}  // namespace proaktiv::registry

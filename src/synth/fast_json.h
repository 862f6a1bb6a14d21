#pragma once

// A fast writer for the baseline's feed lines: appends exactly the bytes that
// boost::json::serialize(registry::PersonToJson(person)) would give (same fields, same order),
// without building a JSON tree, so that 5.55 million documents can be written in seconds.
// The tests hold it to the reference encoder. Stateless; safe from any thread.

#include <cstdint>
#include <string>
#include <string_view>

#include "registry/person.h"

namespace proaktiv::synth {

void AppendPersonJson(std::string& out, const registry::Person& person);

// {"sekvensnummer":N,"hendelse":{…,"persondokument":{…}}} and '\n'.
void AppendDocumentEntry(std::string& out, int64_t sequence, std::string_view person_id,
                         std::string_view event_type, std::string_view timestamp,
                         const registry::Person& person);

}  // namespace proaktiv::synth

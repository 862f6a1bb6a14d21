#pragma once

// A compact binary encoding of Person for storage: varints, length-prefixed strings, enums as
// bytes, dates as day numbers. About a fifth of the JSON document's size and ten times faster to
// read and write. The first byte is the format version: EncodePerson writes the newest (2);
// DecodePerson reads every version since 1 (a version 1 record has no guardianship) and refuses
// versions it does not know. The JSON document (entities.h) stays the exchange format; this one
// never leaves a store.

#include <string>
#include <string_view>

#include "common/result.h"
#include "registry/person.h"

namespace proaktiv::registry {

std::string EncodePerson(const Person& person);
// Errors (truncated or corrupt input, unknown version) are kDataLoss.
Result<Person> DecodePerson(std::string_view bytes);

}  // namespace proaktiv::registry

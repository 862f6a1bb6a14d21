#pragma once

// Small, strict readers for JSON objects from outside: each error names the field and says what
// was expected, e.g. "field 'foedselsdato': expected a string, got number".

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "common/civil_date.h"
#include "common/result.h"

namespace proaktiv::registry {

std::string_view JsonKindName(const boost::json::value& v);

Result<const boost::json::object*> RequireObject(const boost::json::value& v,
                                                 std::string_view what);
Result<std::string> RequireString(const boost::json::object& o, std::string_view key);
Result<int64_t> RequireInt(const boost::json::object& o, std::string_view key);
Result<CivilDate> RequireDate(const boost::json::object& o, std::string_view key);
// Absent or null → std::nullopt / empty; present with the wrong kind → error.
Result<std::optional<std::string>> OptionalString(const boost::json::object& o,
                                                  std::string_view key);
Result<std::optional<CivilDate>> OptionalDate(const boost::json::object& o, std::string_view key);
Result<std::optional<bool>> OptionalBool(const boost::json::object& o, std::string_view key);
// nullptr when absent or null.
Result<const boost::json::object*> OptionalObject(const boost::json::object& o,
                                                  std::string_view key);

}  // namespace proaktiv::registry

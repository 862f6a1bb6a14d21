#pragma once

// application/x-www-form-urlencoded bodies and query strings. Pure functions; thread-safe.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace proaktiv::http::auth {

using FormFields = std::vector<std::pair<std::string, std::string>>;

// Unreserved characters (A–Z a–z 0–9 - . _ ~) as they are, every other byte as %XX.
std::string UrlEncode(std::string_view text);
std::string FormEncode(const FormFields& fields);
// '+' is a space; a malformed escape is kept as it is; empty pairs are skipped.
FormFields FormDecode(std::string_view text);
// The first field with this name.
std::optional<std::string> FormValue(const FormFields& fields, std::string_view name);

}  // namespace proaktiv::http::auth

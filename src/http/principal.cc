#include "http/principal.h"

#include <algorithm>

namespace proaktiv::http {

bool Principal::HasScope(std::string_view scope) const {
  return std::find(scopes.begin(), scopes.end(), scope) != scopes.end();
}

bool Principal::MayAdminister(std::string_view kommunenummer) const {
  if (!is_staff()) return false;
  for (const std::string& s : scopes) {
    if (s == "admin:*") return true;
    if (s.size() == 6 + kommunenummer.size() && s.starts_with("admin:") &&
        std::string_view(s).substr(6) == kommunenummer) {
      return true;
    }
  }
  return false;
}

}  // namespace proaktiv::http

#include "http/api/admin_common.h"

#include <algorithm>

#include <fmt/format.h>

#include "registry/kommune.h"

namespace proaktiv::http::api {

ApiResult<std::string> CheckKommune(const RouteContext& route) {
  const std::string kommune(route.Param("kommune"));
  if (registry::FindKommune(kommune) == nullptr) {
    return Fail(404, "unknown-kommune",
                fmt::format("'{}' is not a kommunenummer (four digits, a kommune of 2024)",
                            kommune.substr(0, 8)));
  }
  if (!route.principal.MayAdminister(kommune)) {
    return Fail(403, "forbidden-kommune",
                fmt::format("this key may not administer kommune {}", kommune));
  }
  return kommune;
}

ApiResult<const engine::ServiceBundle*> FindService(const engine::ServiceLibrary& library,
                                                    std::string_view id) {
  const engine::ServiceBundle* bundle = library.Find(id);
  if (bundle == nullptr) {
    return Fail(
        404, "unknown-service",
        fmt::format("there is no service '{}'", id.substr(0, std::min<size_t>(id.size(), 64))));
  }
  return bundle;
}

std::string ChangedBy(const Principal& principal) {
  if (!principal.name.empty()) return principal.name;
  if (!principal.subject.empty()) return principal.subject;
  return "unknown";
}

}  // namespace proaktiv::http::api

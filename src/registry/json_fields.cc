#include "registry/json_fields.h"

#include <fmt/format.h>

namespace proaktiv::registry {

std::string_view JsonKindName(const boost::json::value& v) {
  switch (v.kind()) {
    case boost::json::kind::null:
      return "null";
    case boost::json::kind::bool_:
      return "boolean";
    case boost::json::kind::int64:
    case boost::json::kind::uint64:
    case boost::json::kind::double_:
      return "number";
    case boost::json::kind::string:
      return "string";
    case boost::json::kind::array:
      return "array";
    case boost::json::kind::object:
      return "object";
  }
  return "?";
}

Result<const boost::json::object*> RequireObject(const boost::json::value& v,
                                                 std::string_view what) {
  if (!v.is_object()) {
    return InvalidArgument(fmt::format("{}: expected an object, got {}", what, JsonKindName(v)));
  }
  return &v.get_object();
}

Result<std::optional<std::string>> OptionalString(const boost::json::object& o,
                                                  std::string_view key) {
  const boost::json::value* v = o.if_contains(key);
  if (v == nullptr || v->is_null()) return std::optional<std::string>();
  if (!v->is_string()) {
    return InvalidArgument(
        fmt::format("field '{}': expected a string, got {}", key, JsonKindName(*v)));
  }
  return std::optional<std::string>(std::string(v->get_string()));
}

Result<std::string> RequireString(const boost::json::object& o, std::string_view key) {
  PROAKTIV_ASSIGN_OR_RETURN(auto s, OptionalString(o, key));
  if (!s) return InvalidArgument(fmt::format("field '{}' is missing", key));
  return std::move(*s);
}

Result<int64_t> RequireInt(const boost::json::object& o, std::string_view key) {
  const boost::json::value* v = o.if_contains(key);
  if (v == nullptr) return InvalidArgument(fmt::format("field '{}' is missing", key));
  if (v->is_int64()) return v->get_int64();
  if (v->is_uint64() && v->get_uint64() <= static_cast<uint64_t>(INT64_MAX)) {
    return static_cast<int64_t>(v->get_uint64());
  }
  return InvalidArgument(
      fmt::format("field '{}': expected an integer, got {}", key, JsonKindName(*v)));
}

Result<std::optional<CivilDate>> OptionalDate(const boost::json::object& o, std::string_view key) {
  PROAKTIV_ASSIGN_OR_RETURN(auto s, OptionalString(o, key));
  if (!s) return std::optional<CivilDate>();
  auto d = CivilDate::Parse(*s);
  if (!d) return tl::unexpected(d.error().WithContext(fmt::format("field '{}'", key)));
  return std::optional<CivilDate>(*d);
}

Result<std::optional<bool>> OptionalBool(const boost::json::object& o, std::string_view key) {
  const boost::json::value* v = o.if_contains(key);
  if (v == nullptr || v->is_null()) return std::optional<bool>();
  if (!v->is_bool()) {
    return InvalidArgument(
        fmt::format("field '{}': expected a boolean, got {}", key, JsonKindName(*v)));
  }
  return std::optional<bool>(v->get_bool());
}

Result<const boost::json::object*> OptionalObject(const boost::json::object& o,
                                                  std::string_view key) {
  const boost::json::value* v = o.if_contains(key);
  if (v == nullptr || v->is_null()) return static_cast<const boost::json::object*>(nullptr);
  return RequireObject(*v, fmt::format("field '{}'", key));
}

Result<CivilDate> RequireDate(const boost::json::object& o, std::string_view key) {
  PROAKTIV_ASSIGN_OR_RETURN(auto d, OptionalDate(o, key));
  if (!d) return InvalidArgument(fmt::format("field '{}' is missing", key));
  return *d;
}

}  // namespace proaktiv::registry

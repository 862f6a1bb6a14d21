#include "http/api/application_corrections.h"

#include <algorithm>
#include <string_view>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "common/civil_date.h"
#include "common/logging.h"

namespace proaktiv::http::api {
namespace {

constexpr size_t kMaxText = 500;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool IsDateText(std::string_view s) { return s.size() == 10 && CivilDate::Parse(s).has_value(); }

bool IsIdentityText(std::string_view s) {
  return s.size() == 11 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// True when one of the name's '_'-separated parts names an identity number.
bool NamesAnIdentity(std::string_view name) {
  constexpr std::string_view kParts[] = {"id", "fnr", "dnr", "pid", "nummer", "number", "identity"};
  while (!name.empty()) {
    const size_t us = name.find('_');
    std::string_view part = name.substr(0, us);
    name = us == std::string_view::npos ? std::string_view{} : name.substr(us + 1);
    for (std::string_view p : kParts) {
      if (part == p) return true;
    }
  }
  return false;
}

bool IsEditableName(std::string_view name, const engine::ServiceDefinition& service) {
  if (name == "kommune" || name == "relation") return false;
  if (name == service.deadline.application_field) return false;
  for (std::string_view suffix : {"_date", "_deadline", "_year", "_reason"}) {
    if (EndsWith(name, suffix)) return false;
  }
  return !NamesAnIdentity(name);
}

bool IsEditableText(const boost::json::value& v) {
  if (!v.is_string()) return false;
  std::string_view s = v.get_string();
  return !IsDateText(s) && !IsIdentityText(s);
}

bool IsEditableValue(const boost::json::value& v) {
  if (v.is_string()) return IsEditableText(v);
  if (!v.is_object() || v.get_object().empty()) return false;
  for (const auto& [key, inner] : v.get_object()) {
    if (!inner.is_null() && !IsEditableText(inner)) return false;
  }
  return true;
}

bool IsBlank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Counts UTF-8 code points.
size_t Length(std::string_view s) {
  return static_cast<size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

ApiStatus CheckText(const boost::json::value& v, const std::string& where, bool allow_null) {
  if (allow_null && v.is_null()) return {};
  if (!v.is_string()) {
    return Fail(422, "invalid-application",
                fmt::format("{} must be a text{}", where, allow_null ? " or null" : ""));
  }
  std::string_view s = v.get_string();
  if (!allow_null && IsBlank(s)) {
    return Fail(422, "invalid-application", fmt::format("{} must not be blank", where));
  }
  if (Length(s) > kMaxText) {
    return Fail(422, "invalid-application",
                fmt::format("{} is longer than {} characters", where, kMaxText));
  }
  return {};
}

}  // namespace

std::vector<std::string> EditableFields(const boost::json::value& application,
                                        const engine::ServiceDefinition& service) {
  std::vector<std::string> out;
  if (!application.is_object()) return out;
  for (const auto& [key, value] : application.get_object()) {
    if (IsEditableName(key, service) && IsEditableValue(value)) out.emplace_back(key);
  }
  return out;
}

ApiResult<CorrectedApplication> ApplyCorrections(const boost::json::value& application,
                                                 const boost::json::value& corrections,
                                                 const engine::ServiceDefinition& service) {
  CorrectedApplication out;
  if (application.is_object()) out.application = application.get_object();
  if (!corrections.is_object()) {
    return Fail(422, "invalid-application",
                "application must be an object of the fields to correct");
  }
  const std::vector<std::string> editable = EditableFields(application, service);
  const std::string allowed =
      editable.empty() ? "none" : fmt::format("{}", fmt::join(editable, ", "));
  for (const auto& [key_view, value] : corrections.get_object()) {
    const std::string key(key_view);
    const std::string where = fmt::format("application.{}", RedactIdentityNumbers(key));
    if (std::find(editable.begin(), editable.end(), key) == editable.end()) {
      return Fail(422, "invalid-application",
                  fmt::format("{} cannot be corrected; the fields you may correct are: {}", where,
                              allowed));
    }
    const boost::json::value& original = out.application.at(key);
    if (original.is_string()) {
      PROAKTIV_API_RETURN_IF_ERROR(CheckText(value, where, false));
    } else {
      if (!value.is_object()) {
        return Fail(422, "invalid-application", fmt::format("{} must be an object", where));
      }
      for (const auto& [inner_key, inner] : value.get_object()) {
        const std::string inner_where =
            fmt::format("{}.{}", where, RedactIdentityNumbers(std::string(inner_key)));
        if (!original.get_object().contains(inner_key)) {
          return Fail(422, "invalid-application",
                      fmt::format("{} is not a part of {}", inner_where, where));
        }
        PROAKTIV_API_RETURN_IF_ERROR(CheckText(inner, inner_where, true));
      }
    }
  }
  // Apply in the original's order, so that `corrected` follows it.
  for (auto& [key, value] : out.application) {
    const boost::json::value* correction = corrections.get_object().if_contains(key);
    if (correction == nullptr) continue;
    boost::json::value updated = *correction;
    if (value.is_object()) {
      boost::json::object merged = value.get_object();
      for (const auto& [inner_key, inner] : correction->get_object()) merged[inner_key] = inner;
      updated = std::move(merged);
    }
    if (updated != value) {
      out.corrected.emplace_back(key);
      value = std::move(updated);
    }
  }
  return out;
}

}  // namespace proaktiv::http::api

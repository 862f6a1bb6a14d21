#include "http/api/preferences.h"

#include <fmt/format.h>

#include "common/logging.h"
#include "engine/offer_engine.h"
#include "http/api/language.h"

namespace proaktiv::http::api {
namespace {

std::string Quoted(std::string_view text) {
  return fmt::format("'{}'", RedactIdentityNumbers(text.substr(0, 64)));
}

}  // namespace

ApiResult<PreferencesUpdate> ParsePreferences(std::string_view body,
                                              const engine::ServiceLibrary& library) {
  PreferencesUpdate out;
  boost::system::error_code ec;
  boost::json::value doc = boost::json::parse(body, ec);
  if (ec) return Fail(422, "invalid-body", fmt::format("the body is not JSON: {}", ec.message()));
  if (!doc.is_object()) return Fail(422, "invalid-body", "the body must be a JSON object");
  for (const auto& [key, value] : doc.get_object()) {
    if (key == "language") {
      if (!value.is_string() || !IsLanguage(value.get_string())) {
        return Fail(422, "invalid-body",
                    fmt::format("language {} is not one of nb, nn, en",
                                value.is_string() ? Quoted(value.get_string())
                                                  : std::string("(not a text)")));
      }
      out.language = std::string(value.get_string());
    } else if (key == "services") {
      if (!value.is_array()) return Fail(422, "invalid-body", "services must be a list");
      size_t index = 0;
      for (const boost::json::value& item : value.get_array()) {
        const std::string where = fmt::format("services[{}]", index++);
        if (!item.is_object()) {
          return Fail(422, "invalid-body", fmt::format("{} must be an object", where));
        }
        const boost::json::object& o = item.get_object();
        const boost::json::value* id = o.if_contains("id");
        if (id == nullptr || !id->is_string()) {
          return Fail(422, "invalid-body", fmt::format("{}.id must be a service id", where));
        }
        if (library.Find(id->get_string()) == nullptr) {
          return Fail(422, "invalid-body",
                      fmt::format("{}: there is no service {}", where, Quoted(id->get_string())));
        }
        const boost::json::value* opted_out = o.if_contains("opted_out");
        if (opted_out == nullptr || !opted_out->is_bool()) {
          return Fail(422, "invalid-body",
                      fmt::format("{} ({}): opted_out must be true or false", where,
                                  Quoted(id->get_string())));
        }
        for (const auto& [member, v] : o) {
          if (member != "id" && member != "opted_out" && member != "name") {
            return Fail(422, "invalid-body",
                        fmt::format("{}: {} is not a member of a service preference", where,
                                    Quoted(member)));
          }
        }
        out.opted_out[std::string(id->get_string())] = opted_out->get_bool();
      }
    } else {
      return Fail(422, "invalid-body",
                  fmt::format("{} is not a member of the preferences; use language and services",
                              Quoted(key)));
    }
  }
  return out;
}

ApiStatus ApplyPreferences(store::RegistryStore& store, const engine::ServiceLibrary& library,
                           const Citizen& citizen, const PreferencesUpdate& update,
                           CivilDate today) {
  if (update.language) {
    PROAKTIV_API_RETURN_IF_ERROR(store.Begin());
    if (auto set = store.portal().SetLanguage(citizen.key, *update.language, today.days()); !set) {
      (void)store.Rollback();
      return tl::unexpected(FromError(set.error()));
    }
    PROAKTIV_API_RETURN_IF_ERROR(store.Commit());
  }
  engine::OfferEngine engine(store, library);
  for (const auto& [service, opted_out] : update.opted_out) {
    PROAKTIV_API_ASSIGN_OR_RETURN(bool now, store.engine().IsOptedOut(citizen.key, service));
    if (now == opted_out) continue;
    PROAKTIV_API_RETURN_IF_ERROR(engine.SetOptOut(citizen.key, service, opted_out, today));
  }
  return {};
}

Result<boost::json::object> PreferencesJson(store::RegistryStore& store,
                                            const engine::ServiceLibrary& library,
                                            const Citizen& citizen, const std::string& preferred,
                                            const std::string& display) {
  boost::json::array services;
  for (const auto& bundle : library.bundles()) {
    PROAKTIV_ASSIGN_OR_RETURN(bool opted_out, store.engine().IsOptedOut(citizen.key, bundle->id()));
    services.push_back(boost::json::object{{"id", bundle->id()},
                                           {"name", bundle->definition().name.In(display)},
                                           {"opted_out", opted_out}});
  }
  return boost::json::object{{"language", preferred}, {"services", std::move(services)}};
}

}  // namespace proaktiv::http::api

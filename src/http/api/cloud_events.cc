#include "http/api/cloud_events.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>
#include <boost/json.hpp>

#include "common/logging.h"

namespace proaktiv::http::api {
namespace {

std::string MediaType(std::string_view content_type) {
  std::string out(content_type.substr(0, content_type.find(';')));
  out.erase(std::remove_if(out.begin(), out.end(), [](unsigned char c) { return std::isspace(c); }),
            out.end());
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool IsJsonMediaType(std::string_view type) {
  const std::string media = MediaType(type);
  return media == "application/json" || media == "text/json" ||
         (media.size() > 5 && media.substr(media.size() - 5) == "+json");
}

bool IsAttributeName(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  });
}

std::string Shown(std::string_view text) { return RedactIdentityNumbers(text.substr(0, 64)); }

ApiResult<CloudEvent> ParseEvent(const boost::json::value& value, size_t index, bool batch) {
  const std::string where =
      batch ? fmt::format("event {} of the batch", index + 1) : std::string("the event");
  auto fail = [&](const std::string& what) {
    return Fail(422, "invalid-event", fmt::format("{}: {}", where, what));
  };
  if (!value.is_object()) return fail("must be a JSON object (a CloudEvent)");
  const boost::json::object& o = value.get_object();
  auto text = [&](std::string_view name) -> const boost::json::string* {
    const boost::json::value* v = o.if_contains(name);
    return v != nullptr && v->is_string() ? &v->get_string() : nullptr;
  };

  CloudEvent event;
  const boost::json::string* id = text("id");
  if (id == nullptr || id->empty()) return fail("attribute 'id' is required (a non-empty text)");
  event.id = std::string(*id);
  const std::string named = fmt::format("{} (id '{}')", where, Shown(event.id));
  auto fail_named = [&](const std::string& what) {
    return Fail(422, "invalid-event", fmt::format("{}: {}", named, what));
  };

  const boost::json::value* spec = o.if_contains("specversion");
  if (spec == nullptr) return fail_named("attribute 'specversion' is required (\"1.0\")");
  if (!spec->is_string() || spec->get_string() != "1.0") {
    return fail_named(fmt::format("specversion {} is not supported; send \"1.0\"",
                                  Shown(boost::json::serialize(*spec))));
  }
  for (std::string_view name : {"source", "type"}) {
    const boost::json::string* v = text(name);
    if (v == nullptr || v->empty()) {
      return fail_named(fmt::format("attribute '{}' is required (a non-empty text)", name));
    }
  }
  event.source = std::string(*text("source"));
  event.type = std::string(*text("type"));
  for (std::string_view name : {"datacontenttype", "dataschema", "subject", "time"}) {
    const boost::json::value* v = o.if_contains(name);
    if (v != nullptr && !v->is_string()) {
      return fail_named(fmt::format("attribute '{}' must be a text", name));
    }
  }
  if (const boost::json::string* dct = text("datacontenttype");
      dct != nullptr && !IsJsonMediaType(*dct)) {
    return fail_named(
        fmt::format("datacontenttype '{}' is not JSON; data must be a feed entry "
                    "as JSON (application/json)",
                    Shown(*dct)));
  }
  if (o.contains("data_base64")) {
    return fail_named("data_base64 is not supported; send the feed entry as JSON in 'data'");
  }
  for (const auto& [name, v] : o) {
    if (!IsAttributeName(name)) {
      return fail_named(fmt::format(
          "'{}' is not a CloudEvents attribute name (lowercase letters and digits only)",
          Shown(name)));
    }
  }
  const boost::json::value* data = o.if_contains("data");
  if (data == nullptr) return fail_named("attribute 'data' (the feed entry) is required");
  if (!data->is_object()) return fail_named("data must be a JSON object (one feed entry)");
  event.line = boost::json::serialize(*data);
  return event;
}

}  // namespace

ApiResult<std::vector<CloudEvent>> ParseCloudEvents(std::string_view body,
                                                    std::string_view content_type) {
  boost::system::error_code ec;
  boost::json::value doc = boost::json::parse(body, ec);
  if (ec) return Fail(422, "invalid-body", fmt::format("the body is not JSON: {}", ec.message()));
  const std::string media = MediaType(content_type);
  if (media == "application/cloudevents-batch+json" && !doc.is_array()) {
    return Fail(422, "invalid-body",
                "a batch (application/cloudevents-batch+json) must be a JSON array of events");
  }
  if (media == "application/cloudevents+json" && !doc.is_object()) {
    return Fail(422, "invalid-body",
                "a structured event (application/cloudevents+json) must be a JSON object; send "
                "several as application/cloudevents-batch+json");
  }
  std::vector<CloudEvent> events;
  if (doc.is_array()) {
    const boost::json::array& batch = doc.get_array();
    events.reserve(batch.size());
    for (size_t i = 0; i < batch.size(); ++i) {
      PROAKTIV_API_ASSIGN_OR_RETURN(CloudEvent event, ParseEvent(batch[i], i, true));
      events.push_back(std::move(event));
    }
  } else if (doc.is_object()) {
    PROAKTIV_API_ASSIGN_OR_RETURN(CloudEvent event, ParseEvent(doc, 0, false));
    events.push_back(std::move(event));
  } else {
    return Fail(422, "invalid-body",
                "the body must be a CloudEvent (an object) or a batch (an "
                "array)");
  }
  return events;
}

}  // namespace proaktiv::http::api

#include "registry/feed_entry.h"

#include <fmt/format.h>
#include <boost/json/parse.hpp>

#include "common/logging.h"
#include "common/national_id.h"
#include "registry/json_fields.h"

namespace proaktiv::registry {
namespace json = boost::json;
namespace {

Result<EntityChange> ParseChangeObject(json::object& o) {
  EntityChange c;
  PROAKTIV_ASSIGN_OR_RETURN(c.entity, RequireString(o, "entitet"));
  PROAKTIV_ASSIGN_OR_RETURN(std::string change, RequireString(o, "entitetsendring"));
  PROAKTIV_ASSIGN_OR_RETURN(c.change, ParseChange(change));
  PROAKTIV_ASSIGN_OR_RETURN(auto fact_id, OptionalString(o, "opplysningsidentifikator"));
  c.fact_id = fact_id.value_or("");
  PROAKTIV_ASSIGN_OR_RETURN(auto target, OptionalString(o, "gjelderOpplysningsidentifikator"));
  c.target_id = target.value_or("");
  if (c.change != Change::kRegister && c.target_id.empty()) {
    return InvalidArgument(fmt::format("{} needs 'gjelderOpplysningsidentifikator'", change));
  }
  if (c.change == Change::kRegister || c.change == Change::kCorrect) {
    json::value* body = o.if_contains(c.entity);
    if (body == nullptr) {
      return InvalidArgument(
          fmt::format("{} {}: the entity's fields '{}' are missing", change, c.entity, c.entity));
    }
    PROAKTIV_RETURN_IF_ERROR(RequireObject(*body, c.entity));
    c.body = std::move(body->get_object());
  }
  return c;
}

Result<FeedEntry> ParseHendelse(json::object& h, FeedEntry entry) {
  PROAKTIV_ASSIGN_OR_RETURN(std::string id, RequireString(h, "folkeregisteridentifikator"));
  if (auto valid = NationalId::Parse(id); !valid) {
    return tl::unexpected(valid.error().WithContext("folkeregisteridentifikator"));
  }
  entry.person_id = std::move(id);
  PROAKTIV_ASSIGN_OR_RETURN(entry.event_type, RequireString(h, "hendelsetype"));
  PROAKTIV_ASSIGN_OR_RETURN(entry.timestamp, RequireString(h, "ajourholdstidspunkt"));
  if (auto date = CivilDate::Parse(entry.timestamp); !date) {
    return tl::unexpected(date.error().WithContext("field 'ajourholdstidspunkt'"));
  }
  if (json::value* doc = h.if_contains("persondokument"); doc && doc->is_object()) {
    entry.person_document = std::move(doc->get_object());
  } else if (doc && !doc->is_string() && !doc->is_null()) {
    return InvalidArgument(fmt::format(
        "field 'persondokument': expected an object or a reference, got {}", JsonKindName(*doc)));
  }
  if (json::value* changes = h.if_contains("egenskapshendelse")) {
    if (!changes->is_array()) {
      return InvalidArgument(fmt::format("field 'egenskapshendelse': expected an array, got {}",
                                         JsonKindName(*changes)));
    }
    json::array& list = changes->get_array();
    for (size_t i = 0; i < list.size(); ++i) {
      auto parsed = list[i].is_object()
                        ? ParseChangeObject(list[i].get_object())
                        : Result<EntityChange>(InvalidArgument(
                              fmt::format("expected an object, got {}", JsonKindName(list[i]))));
      if (!parsed) {
        return tl::unexpected(parsed.error().WithContext(fmt::format("egenskapshendelse[{}]", i)));
      }
      entry.changes.push_back(std::move(*parsed));
    }
  }
  return entry;
}

Result<FeedEntry> Parse(std::string_view line) {
  boost::system::error_code ec;
  json::value root = json::parse(line, ec);
  if (ec) return InvalidArgument(fmt::format("not valid JSON: {}", ec.message()));
  if (!root.is_object()) {
    return InvalidArgument(
        fmt::format("feed entry: expected an object, got {}", JsonKindName(root)));
  }
  json::object* top = &root.get_object();
  FeedEntry entry;
  PROAKTIV_ASSIGN_OR_RETURN(entry.sequence, RequireInt(*top, "sekvensnummer"));
  if (entry.sequence <= 0) {
    return InvalidArgument(
        fmt::format("field 'sekvensnummer': {} is not positive", entry.sequence));
  }
  auto context = fmt::format("entry {}", entry.sequence);
  json::value* h = top->if_contains("hendelse");
  if (h == nullptr) return InvalidArgument(context + ": field 'hendelse' is missing");
  if (auto is_object = RequireObject(*h, "hendelse"); !is_object) {
    return tl::unexpected(is_object.error().WithContext(context));
  }
  auto parsed = ParseHendelse(h->get_object(), std::move(entry));
  if (!parsed) return tl::unexpected(parsed.error().WithContext(context + ": hendelse"));
  return parsed;
}

}  // namespace

Result<FeedEntry> ParseFeedEntry(std::string_view line) {
  // Errors quote parts of the line (an unknown entity's name, say); none may repeat an identity
  // number, whatever field it stood in.
  auto entry = Parse(line);
  if (!entry) entry.error().message = RedactIdentityNumbers(entry.error().message);
  return entry;
}

}  // namespace proaktiv::registry

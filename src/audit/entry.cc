#include "audit/entry.h"

#include <fmt/format.h>
#include <boost/json.hpp>

namespace proaktiv::audit {

std::string_view ActorKindName(ActorKind kind) {
  switch (kind) {
    case ActorKind::kEngine:
      return "engine";
    case ActorKind::kCaseworker:
      return "caseworker";
    case ActorKind::kConsumer:
      return "consumer";
  }
  return "engine";
}

Result<ActorKind> ParseActorKind(std::string_view name) {
  for (ActorKind k : {ActorKind::kEngine, ActorKind::kCaseworker, ActorKind::kConsumer}) {
    if (ActorKindName(k) == name) return k;
  }
  return InvalidArgument(
      fmt::format("actor_kind '{}' is not engine, caseworker or consumer", name));
}

Status CheckRecord(const AccessRecord& r) {
  if (r.actor_id.empty()) return InvalidArgument("access record: actor_id is empty");
  if (r.subject_key <= 0) {
    return InvalidArgument(
        fmt::format("access record: subject_key {} is not a person key", r.subject_key));
  }
  if (r.purpose.empty()) return InvalidArgument("access record: purpose is empty");
  if (r.legal_basis.empty()) return InvalidArgument("access record: legal_basis is empty");
  if (r.time_unix_ms < 0) {
    return InvalidArgument(
        fmt::format("access record: time_unix_ms {} is negative", r.time_unix_ms));
  }
  return {};
}

std::string EntryJson(int64_t seq, const AccessRecord& r) {
  boost::json::array items;
  for (const std::string& item : r.items) items.emplace_back(item);
  boost::json::object doc;
  doc["seq"] = seq;
  doc["time_unix_ms"] = r.time_unix_ms;
  doc["actor_kind"] = ActorKindName(r.actor_kind);
  doc["actor_id"] = r.actor_id;
  doc["actor_name"] = r.actor_name;
  doc["subject_key"] = r.subject_key;
  doc["items"] = std::move(items);
  doc["purpose"] = r.purpose;
  doc["legal_basis"] = r.legal_basis;
  doc["reference"] = r.reference;
  return boost::json::serialize(doc);
}

Result<ParsedEntry> ParseEntryJson(std::string_view json) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(json, ec);
  if (ec || !v.is_object()) return DataLoss("entry is not a JSON object");
  const boost::json::object& o = v.as_object();
  auto integer = [&](const char* key) -> Result<int64_t> {
    const boost::json::value* f = o.if_contains(key);
    if (f == nullptr || !f->is_int64())
      return DataLoss(fmt::format("entry has no integer {}", key));
    return f->as_int64();
  };
  auto text = [&](const char* key) -> Result<std::string> {
    const boost::json::value* f = o.if_contains(key);
    if (f == nullptr || !f->is_string()) return DataLoss(fmt::format("entry has no text {}", key));
    return std::string(f->as_string());
  };
  ParsedEntry out;
  PROAKTIV_ASSIGN_OR_RETURN(out.seq, integer("seq"));
  PROAKTIV_ASSIGN_OR_RETURN(out.record.time_unix_ms, integer("time_unix_ms"));
  PROAKTIV_ASSIGN_OR_RETURN(std::string kind, text("actor_kind"));
  auto parsed_kind = ParseActorKind(kind);
  if (!parsed_kind) return DataLoss(parsed_kind.error().message);
  out.record.actor_kind = *parsed_kind;
  PROAKTIV_ASSIGN_OR_RETURN(out.record.actor_id, text("actor_id"));
  PROAKTIV_ASSIGN_OR_RETURN(out.record.actor_name, text("actor_name"));
  PROAKTIV_ASSIGN_OR_RETURN(out.record.subject_key, integer("subject_key"));
  const boost::json::value* items = o.if_contains("items");
  if (items == nullptr || !items->is_array()) return DataLoss("entry has no items array");
  for (const boost::json::value& item : items->as_array()) {
    if (!item.is_string()) return DataLoss("entry has an item that is not text");
    out.record.items.emplace_back(item.as_string());
  }
  PROAKTIV_ASSIGN_OR_RETURN(out.record.purpose, text("purpose"));
  PROAKTIV_ASSIGN_OR_RETURN(out.record.legal_basis, text("legal_basis"));
  PROAKTIV_ASSIGN_OR_RETURN(out.record.reference, text("reference"));
  return out;
}

}  // namespace proaktiv::audit

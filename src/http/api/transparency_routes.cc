#include "http/api/transparency_routes.h"

#include <charconv>

#include <fmt/format.h>
#include <boost/json.hpp>

#include "audit/audit_log.h"
#include "audit/checkpoint.h"
#include "audit/checkpointer.h"
#include "audit/entry.h"
#include "engine/person_cache.h"
#include "http/api/api_error.h"
#include "http/api/citizen.h"

namespace proaktiv::http::api {
namespace {

constexpr int kDefaultLimit = 20;
constexpr int kMaxLimit = 100;

std::string IsoTime(int64_t unix_ms) {
  const int64_t day_ms = 86'400'000;
  int64_t days = unix_ms / day_ms, rest = unix_ms % day_ms;
  if (rest < 0) {
    rest += day_ms;
    --days;
  }
  return fmt::format("{}T{:02}:{:02}:{:02}.{:03}Z",
                     CivilDate::FromDays(static_cast<int32_t>(days)).ToString(), rest / 3'600'000,
                     rest / 60'000 % 60, rest / 1000 % 60, rest % 1000);
}

// A non-negative integer query or path parameter; 422 "invalid-parameter" naming it otherwise.
ApiResult<int64_t> Number(std::string_view name, std::string_view text) {
  int64_t value = -1;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 0) {
    return Fail(422, "invalid-parameter",
                fmt::format("{} '{}' is not a non-negative integer", name, text));
  }
  return value;
}

boost::json::array Hashes(const std::vector<audit::Hash>& hashes) {
  boost::json::array out;
  for (const audit::Hash& h : hashes) out.emplace_back(audit::Base64(h));
  return out;
}

// An entry as the citizen sees it; nullopt-like empty object when its text does not parse.
ApiResult<boost::json::object> EntryView(const store::AuditEntryRow& row) {
  if (!row.entry) return Fail(404, "not-found", fmt::format("access log entry {}", row.seq));
  auto parsed = audit::ParseEntryJson(*row.entry);
  if (!parsed) return Fail(500, "internal", fmt::format("access log entry {} is damaged", row.seq));
  const audit::AccessRecord& r = parsed->record;
  boost::json::array items;
  for (const std::string& item : r.items) items.emplace_back(item);
  return boost::json::object{
      {"seq", row.seq},
      {"time", IsoTime(r.time_unix_ms)},
      {"time_unix_ms", r.time_unix_ms},
      {"actor",
       {{"kind", audit::ActorKindName(r.actor_kind)}, {"id", r.actor_id}, {"name", r.actor_name}}},
      {"items", std::move(items)},
      {"purpose", r.purpose},
      {"legal_basis", r.legal_basis},
      {"reference", r.reference}};
}

ApiResult<boost::json::object> CheckpointView(const store::AuditCheckpointRow& row) {
  PROAKTIV_API_ASSIGN_OR_RETURN(std::string signature, audit::NoteSignature(row.note));
  return boost::json::object{
      {"origin", row.origin},
      {"tree_size", row.tree_size},
      {"root_hash", audit::Base64(row.root_hash)},
      {"time", IsoTime(row.time_unix_ms)},
      {"time_unix_ms", row.time_unix_ms},
      {"note", row.note},
      {"signature", audit::Base64(signature)},
      {"key_id", audit::Base64(audit::NoteKeyId(row.origin, row.public_key))},
      {"public_key", audit::Base64(row.public_key)}};
}

Response Send(const ApiResult<boost::json::value>& out, bool personal) {
  Response response = out ? Response::Json(200, *out) : ToResponse(out.error());
  response.headers.emplace_back("Cache-Control", personal ? "no-store" : "no-cache");
  return response;
}

struct Me {
  store::RegistryStore* store = nullptr;
  int64_t key = 0;
};

ApiResult<Me> IdentifyMe(const ApiContext& context, const RouteContext& route) {
  Me me;
  PROAKTIV_API_ASSIGN_OR_RETURN(me.store, context.Store());
  engine::PersonCache persons(*me.store);
  PROAKTIV_API_ASSIGN_OR_RETURN(Citizen citizen, IdentifyCitizen(route.principal, persons));
  me.key = citizen.key;
  return me;
}

ApiResult<boost::json::value> ListMine(const ApiContext& context, const Request& request,
                                       const RouteContext& route) {
  PROAKTIV_API_ASSIGN_OR_RETURN(Me me, IdentifyMe(context, route));
  std::optional<int64_t> before;
  int64_t limit = kDefaultLimit;
  if (auto text = request.QueryParam("before")) {
    PROAKTIV_API_ASSIGN_OR_RETURN(before, Number("before", *text));
  }
  if (auto text = request.QueryParam("limit")) {
    PROAKTIV_API_ASSIGN_OR_RETURN(limit, Number("limit", *text));
    if (limit < 1 || limit > kMaxLimit) {
      return Fail(422, "invalid-parameter", fmt::format("limit {} is not 1–{}", limit, kMaxLimit));
    }
  }
  store::AuditStore& audit = me.store->audit();
  PROAKTIV_API_ASSIGN_OR_RETURN(auto rows, audit.EntriesOf(me.key, before, int(limit) + 1));
  PROAKTIV_API_ASSIGN_OR_RETURN(int64_t total, audit.CountEntriesOf(me.key));
  boost::json::value next = nullptr;
  if (rows.size() > size_t(limit)) {
    rows.pop_back();
    next = rows.back().seq;
  }
  boost::json::array entries;
  for (const store::AuditEntryRow& row : rows) {
    PROAKTIV_API_ASSIGN_OR_RETURN(boost::json::object view, EntryView(row));
    entries.push_back(std::move(view));
  }
  return boost::json::object{
      {"entries", std::move(entries)}, {"total", total}, {"next_before", next}};
}

ApiResult<boost::json::value> ProveMine(const ApiContext& context,
                                        const TransparencyOptions& options,
                                        const RouteContext& route) {
  PROAKTIV_API_ASSIGN_OR_RETURN(Me me, IdentifyMe(context, route));
  PROAKTIV_API_ASSIGN_OR_RETURN(int64_t seq, Number("seq", route.Param("seq")));
  store::AuditStore& audit = me.store->audit();
  PROAKTIV_API_ASSIGN_OR_RETURN(auto row, audit.Entry(seq));
  // Another citizen's entry is answered exactly like one that does not exist.
  if (!row || row->subject_key != me.key || !row->entry || !row->salt) {
    return Fail(404, "not-found", fmt::format("access log entry {}", seq));
  }
  PROAKTIV_API_ASSIGN_OR_RETURN(auto checkpoint, audit.LatestCheckpoint());
  if ((!checkpoint || checkpoint->tree_size <= seq) && options.key) {
    audit::Checkpointer checkpointer(audit, *options.key, options.origin, context.clock());
    PROAKTIV_API_ASSIGN_OR_RETURN(auto made, checkpointer.CheckpointIfGrown());
    if (made) checkpoint = std::move(made);
  }
  if (!checkpoint || checkpoint->tree_size <= seq) {
    return Fail(409, "not-yet-checkpointed",
                fmt::format("access log entry {} is not in a signed checkpoint yet", seq));
  }
  audit::AuditLog log(audit);
  PROAKTIV_API_ASSIGN_OR_RETURN(auto proof, log.Inclusion(seq, checkpoint->tree_size));
  PROAKTIV_API_ASSIGN_OR_RETURN(boost::json::object view, EntryView(*row));
  PROAKTIV_API_ASSIGN_OR_RETURN(boost::json::object signed_checkpoint, CheckpointView(*checkpoint));
  return boost::json::object{{"seq", seq},
                             {"entry", *row->entry},
                             {"record", std::move(view)},
                             {"salt", audit::Base64(*row->salt)},
                             {"commitment", audit::Base64(row->commitment)},
                             {"leaf_hash", audit::Base64(audit::LeafHash(row->commitment))},
                             {"tree_size", checkpoint->tree_size},
                             {"inclusion_proof", Hashes(proof)},
                             {"checkpoint", std::move(signed_checkpoint)}};
}

ApiResult<boost::json::value> LatestCheckpoint(const ApiContext& context) {
  PROAKTIV_API_ASSIGN_OR_RETURN(store::RegistryStore * store, context.Store());
  PROAKTIV_API_ASSIGN_OR_RETURN(auto checkpoint, store->audit().LatestCheckpoint());
  if (!checkpoint) return Fail(404, "not-found", "the transparency log has no checkpoint yet");
  PROAKTIV_API_ASSIGN_OR_RETURN(boost::json::object view, CheckpointView(*checkpoint));
  return boost::json::object{{"checkpoint", std::move(view)},
                             {"public_key", audit::Base64(checkpoint->public_key)},
                             {"algorithm", "Ed25519"}};
}

ApiResult<boost::json::value> Consistency(const ApiContext& context, const Request& request) {
  PROAKTIV_API_ASSIGN_OR_RETURN(store::RegistryStore * store, context.Store());
  auto from_text = request.QueryParam("from"), to_text = request.QueryParam("to");
  if (!from_text || !to_text) {
    return Fail(422, "invalid-parameter", "from and to (tree sizes) are required");
  }
  PROAKTIV_API_ASSIGN_OR_RETURN(int64_t from, Number("from", *from_text));
  PROAKTIV_API_ASSIGN_OR_RETURN(int64_t to, Number("to", *to_text));
  audit::AuditLog log(store->audit());
  PROAKTIV_API_ASSIGN_OR_RETURN(int64_t size, log.Size());
  if (from > to || to > size) {
    return Fail(422, "invalid-parameter",
                fmt::format("from {} and to {} must satisfy from ≤ to ≤ {} (the log's size)", from,
                            to, size));
  }
  PROAKTIV_API_ASSIGN_OR_RETURN(auto proof, log.Consistency(from, to));
  PROAKTIV_API_ASSIGN_OR_RETURN(audit::Hash from_root, log.Root(from));
  PROAKTIV_API_ASSIGN_OR_RETURN(audit::Hash to_root, log.Root(to));
  return boost::json::object{{"from", from},
                             {"to", to},
                             {"from_root", audit::Base64(from_root)},
                             {"to_root", audit::Base64(to_root)},
                             {"proof", Hashes(proof)}};
}

}  // namespace

void RegisterTransparencyRoutes(Router& router, const ApiContext& context,
                                TransparencyOptions options) {
  auto citizen = [](const char* name) {
    return RouteOptions{.access = Access::kCitizen, .scope = "", .blocking = true, .name = name};
  };
  auto open = [](const char* name) {
    return RouteOptions{.access = Access::kPublic, .scope = "", .blocking = true, .name = name};
  };
  router.Add(
      Method::kGet, "/api/v1/me/access-log",
      [&context](const Request& request, const RouteContext& route) {
        return Send(ListMine(context, request, route), true);
      },
      citizen("listMyAccessLog"));
  router.Add(
      Method::kGet, "/api/v1/me/access-log/{seq}/proof",
      [&context, options](const Request&, const RouteContext& route) {
        return Send(ProveMine(context, options, route), true);
      },
      citizen("getMyAccessLogProof"));
  router.Add(
      Method::kGet, "/api/v1/transparency/checkpoint",
      [&context](const Request&, const RouteContext&) {
        return Send(LatestCheckpoint(context), false);
      },
      open("getTransparencyCheckpoint"));
  router.Add(
      Method::kGet, "/api/v1/transparency/consistency",
      [&context](const Request& request, const RouteContext&) {
        return Send(Consistency(context, request), false);
      },
      open("getTransparencyConsistency"));
}

}  // namespace proaktiv::http::api

#include "consent/consent_request.h"

#include <algorithm>

#include <fmt/format.h>
#include <boost/json.hpp>

#include "common/national_id.h"
#include "consent/consumer.h"
#include "consent/time_text.h"
#include "engine/field_extractor.h"

namespace proaktiv::consent {
namespace {

Result<std::string> Text(const boost::json::object& o, std::string_view field) {
  const boost::json::value* v = o.if_contains(field);
  if (v == nullptr || !v->is_string()) {
    return InvalidArgument(fmt::format("'{}': a string is required", field));
  }
  return std::string(v->as_string());
}

}  // namespace

bool IsServedItem(std::string_view item) { return engine::FindFieldExtractor(item) != nullptr; }

Result<ConsentRequest> ParseConsentRequest(std::string_view json) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(json, ec);
  if (ec || !v.is_object()) return InvalidArgument("the body is not a JSON object");
  const boost::json::object& o = v.as_object();
  for (const auto& [key, value] : o) {
    static constexpr std::string_view kKnown[] = {"person",   "items",   "purpose",
                                                  "valid_to", "message", "single_use"};
    if (std::find(std::begin(kKnown), std::end(kKnown), key) == std::end(kKnown)) {
      return InvalidArgument(fmt::format("'{}' is not a field of a consent request",
                                         std::string_view(key).substr(0, 40)));
    }
  }
  ConsentRequest r;
  PROAKTIV_ASSIGN_OR_RETURN(r.person_id, Text(o, "person"));
  if (auto id = NationalId::Parse(r.person_id); !id) {
    return InvalidArgument("'person' is not a valid identity number");
  }
  const boost::json::value* items = o.if_contains("items");
  if (items == nullptr || !items->is_array() || items->as_array().empty()) {
    return InvalidArgument("'items': a non-empty list of catalog field ids is required");
  }
  if (items->as_array().size() > kMaxItems) {
    return InvalidArgument(fmt::format("'items': at most {} items", kMaxItems));
  }
  for (const boost::json::value& item : items->as_array()) {
    if (!item.is_string()) return InvalidArgument("'items': every item is a string");
    std::string id(item.as_string());
    if (std::find(r.items.begin(), r.items.end(), id) != r.items.end()) {
      return InvalidArgument(fmt::format("'items': '{}' is named twice", id.substr(0, 60)));
    }
    r.items.push_back(std::move(id));
  }
  PROAKTIV_ASSIGN_OR_RETURN(r.purpose, Text(o, "purpose"));
  PROAKTIV_ASSIGN_OR_RETURN(std::string valid_to, Text(o, "valid_to"));
  PROAKTIV_ASSIGN_OR_RETURN(r.valid_to_ms, ParseUtc(valid_to, "'valid_to'"));
  if (const boost::json::value* single = o.if_contains("single_use")) {
    if (!single->is_bool()) return InvalidArgument("'single_use': true or false");
    r.single_use = single->as_bool();
  }
  const boost::json::value* message = o.if_contains("message");
  if (message == nullptr || !message->is_object()) {
    return InvalidArgument("'message': an object with the text in nb, nn and/or en is required");
  }
  for (const auto& [language, text] : message->as_object()) {
    std::string* slot = language == "nb"   ? &r.message_nb
                        : language == "nn" ? &r.message_nn
                        : language == "en" ? &r.message_en
                                           : nullptr;
    if (slot == nullptr) {
      return InvalidArgument(fmt::format("'message': '{}' is not nb, nn or en",
                                         std::string_view(language).substr(0, 10)));
    }
    if (!text.is_string() || text.as_string().empty() ||
        text.as_string().size() > kMaxMessageLength) {
      return InvalidArgument(fmt::format("'message.{}': a text of 1 to {} characters",
                                         std::string_view(language), kMaxMessageLength));
    }
    *slot = std::string(text.as_string());
  }
  if (r.message_nb.empty() && r.message_nn.empty() && r.message_en.empty()) {
    return InvalidArgument("'message': give the text in at least one of nb, nn, en");
  }
  return r;
}

Status CheckConsentRequest(const ConsentRequest& r, const store::ConsumerRecord& consumer,
                           const catalog::Catalog& catalog, int64_t now_ms) {
  if (catalog.FindPurpose(r.purpose) == nullptr) {
    return InvalidArgument(fmt::format("'purpose': '{}' is not a purpose in the data catalog",
                                       r.purpose.substr(0, 60)));
  }
  if (!MayAskFor(consumer, r.purpose)) {
    return FailedPrecondition(fmt::format("'purpose': consumer {} is not registered for '{}'",
                                          consumer.org_number, r.purpose));
  }
  for (const std::string& item : r.items) {
    const catalog::Field* field = catalog.FindField(item);
    if (field == nullptr || !IsServedItem(item)) {
      return InvalidArgument(
          fmt::format("'items': '{}' is not a data item of the catalog", item.substr(0, 60)));
    }
    if (!field->AllowsPurpose(r.purpose)) {
      return FailedPrecondition(
          fmt::format("'items': '{}' may not be used for purpose '{}'", item, r.purpose));
    }
  }
  if (r.valid_to_ms <= now_ms) {
    return InvalidArgument(fmt::format("'valid_to': {} has passed", FormatUtc(r.valid_to_ms)));
  }
  if (r.valid_to_ms - now_ms > kMaxValidityMs) {
    return InvalidArgument(
        fmt::format("'valid_to': {} is more than a year ahead", FormatUtc(r.valid_to_ms)));
  }
  return {};
}

}  // namespace proaktiv::consent

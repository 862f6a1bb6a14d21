#include "http/api/offer_messages.h"

#include <fmt/format.h>

#include "common/civil_date.h"

namespace proaktiv::http::api {

std::string IsoTime(int64_t seconds) {
  const int64_t days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
  const int64_t rest = seconds - days * 86400;
  return fmt::format("{}T{:02}:{:02}:{:02}Z",
                     CivilDate::FromDays(static_cast<int32_t>(days)).ToString(), rest / 3600,
                     rest / 60 % 60, rest % 60);
}

Result<boost::json::array> OfferMessagesJson(store::OutboxStore& outbox, int64_t offer_id,
                                             int64_t person_key) {
  PROAKTIV_ASSIGN_OR_RETURN(auto messages, outbox.MessagesOf(offer_id));
  boost::json::array out;
  auto time = [](const std::optional<int64_t>& t) -> boost::json::value {
    return t ? boost::json::value(IsoTime(*t)) : nullptr;
  };
  for (const store::OutboxMessage& m : messages) {
    if (m.person_key != person_key) continue;
    out.push_back(boost::json::object{{"channel", m.channel},
                                      {"kind", store::Name(m.kind)},
                                      {"status", store::Name(m.status)},
                                      {"queued_at", IsoTime(m.created_at)},
                                      {"updated_at", IsoTime(m.updated_at)},
                                      {"sent_at", time(m.sent_at)},
                                      {"delivered_at", time(m.delivered_at)}});
  }
  return out;
}

}  // namespace proaktiv::http::api

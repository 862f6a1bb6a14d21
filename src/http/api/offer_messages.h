#pragma once

// The delivery of an offer as its citizen sees it (docs/openapi.yaml: OfferMessage): each
// message of the offer to that citizen — never the messages to a co-recipient — with its
// channel, kind, status and times (ISO 8601 UTC). No address, number or content is shown.
// Stateless; uses the store from the calling thread.

#include <cstdint>

#include <boost/json.hpp>

#include "common/result.h"
#include "store/outbox_store.h"

namespace proaktiv::http::api {

Result<boost::json::array> OfferMessagesJson(store::OutboxStore& outbox, int64_t offer_id,
                                             int64_t person_key);

// Seconds since 1970-01-01 UTC as "YYYY-MM-DDThh:mm:ssZ".
std::string IsoTime(int64_t seconds);

}  // namespace proaktiv::http::api

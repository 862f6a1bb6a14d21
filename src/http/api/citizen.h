#pragma once

// The logged-in citizen as the register knows them, and how another person (an offer's
// subject) is related to them.
//
//   engine::PersonCache persons(*store);
//   ApiResult<Citizen> me = IdentifyCitizen(context.principal, persons);
//
// A principal that is not a citizen is a 401 problem; a pid the register does not know is a
// 404 problem "unknown-person" whose text names no number. Not thread-safe (the cache is not);
// one per request.

#include <cstdint>
#include <string>
#include <string_view>

#include "engine/person_cache.h"
#include "http/api/api_error.h"
#include "http/principal.h"
#include "store/store.h"

namespace proaktiv::http::api {

struct Citizen {
  int64_t key = 0;
  const registry::Person* person = nullptr;  // owned by the PersonCache that found it
};

ApiResult<Citizen> IdentifyCitizen(const Principal& principal, engine::PersonCache& persons);

// Whom `subject` is to the citizen, as docs/openapi.yaml's OfferSummary.subject.relation says:
// "self", "child", "spouse", "parent" or "other", from the family relations and parental
// responsibility recorded on either person's document.
std::string_view RelationTo(const Citizen& citizen, const store::StoredPerson& subject);

}  // namespace proaktiv::http::api

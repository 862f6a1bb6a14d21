#pragma once

// Consents over the store: create a request, find one (marking it expired first when its
// valid-to time has passed), list a person's, and carry out the citizen's actions — each
// transition compare-and-set and recorded with who and when (store::ConsentEventRecord).
//
// Expiry is recorded lazily: the first time anyone looks at a consent after its valid-to time
// (the citizen's list, the token endpoint, the data API), the system records the transition to
// "expired" dated at valid-to. A consent past its valid-to is never treated as live, recorded
// or not.
//
// Not thread-safe: one per thread, over that thread's RegistryStore. Methods that change
// anything run in their own transaction unless noted; `store` and `clock` must outlive it.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "consent/consent_request.h"
#include "consent/consent_state.h"
#include "store/store.h"

namespace proaktiv::consent {

// Who made a transition: kind "citizen" (id: the person key), "consumer" (its organisation
// number) or "system" (id "proaktiv").
struct Actor {
  std::string kind;
  std::string id;
  static Actor Citizen(int64_t person_key) { return {"citizen", std::to_string(person_key)}; }
  static Actor Consumer(std::string org_number) { return {"consumer", std::move(org_number)}; }
  static Actor System() { return {"system", "proaktiv"}; }
};

// Begin on construction, Commit() explicitly, Rollback when destroyed uncommitted.
class Transaction {
 public:
  static Result<Transaction> Begin(store::RegistryStore& store);
  Transaction(Transaction&& other) noexcept : store_(std::exchange(other.store_, nullptr)) {}
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();
  Status Commit();

 private:
  explicit Transaction(store::RegistryStore* store) : store_(store) {}
  store::RegistryStore* store_;
};

class ConsentService {
 public:
  ConsentService(store::RegistryStore& store, const Clock& clock) : store_(store), clock_(clock) {}

  int64_t NowMs() const;

  // Stores a checked request (CheckConsentRequest) for `person_key` as a new consent in state
  // "created", made by the consumer.
  Result<store::ConsentRecord> Create(const ConsentRequest& request,
                                      const store::ConsumerRecord& consumer, int64_t person_key);

  // The consent (expired first when due); nullopt when unknown.
  Result<std::optional<store::ConsentRecord>> Find(std::string_view id);
  // The person's consents, newest first (each expired first when due).
  Result<std::vector<store::ConsentRecord>> ForPerson(int64_t person_key);

  // The citizen's action on their own consent. A consent of another person is NotFound, exactly
  // like an unknown one; an action the state does not allow is FailedPrecondition ("a consent
  // that is revoked cannot be accepted"). Opening an already opened or answered consent
  // records nothing.
  Result<store::ConsentRecord> Act(int64_t person_key, std::string_view id, CitizenAction action);

  // Inside the caller's transaction: records expiry when due and returns the consent as it now
  // is.
  Result<store::ConsentRecord> ExpireIfDue(store::ConsentRecord consent);
  // Inside the caller's transaction: moves `consent` to `to` (compare and set on its current
  // state). False when someone else moved it first.
  Result<bool> Move(store::ConsentRecord& consent, ConsentState to, const Actor& actor);

 private:
  Result<bool> Move(store::ConsentRecord& consent, ConsentState to, const Actor& actor,
                    int64_t time_ms);

  store::RegistryStore& store_;
  const Clock& clock_;
};

}  // namespace proaktiv::consent

#pragma once

// Storage for consent (0006_consent.sql): the registered data consumers, consent requests and
// consents with every state transition, and the client-assertion ids already used (RFC 7523
// replay protection). Lives in the registry's database and shares its transaction
// (RegistryStore::Begin/Commit); used by one thread at a time, like the RegistryStore that owns
// it.
//
// Records are plain values; src/consent gives them meaning (states, transitions, items) and
// checks them before they are stored. The schema's CHECK constraints refuse anything else as
// an error, never silently. No identity numbers are stored here: a consent names the person by
// the store's person key.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace proaktiv::store {

// A registered data consumer (a bank, another agency). Its client id is its organisation
// number.
struct ConsumerRecord {
  std::string org_number;             // 9 digits
  std::string name;                   // "Sparebanken Vest"
  std::vector<std::string> purposes;  // catalog purpose ids it may ask consent for
  std::string public_key;             // Ed25519, 32 raw bytes
  int64_t registered_ms = 0;          // Unix time, milliseconds
};

// A consent request and, once answered, the consent. `state` is a consent/consent_state.h
// name ("created", "opened", "accepted", "rejected", "revoked", "expired", "used").
struct ConsentRecord {
  std::string id;  // random, 32 lower-case hex digits
  int64_t person_key = 0;
  std::string consumer;                            // organisation number
  std::vector<std::string> items;                  // catalog field ids, in the order asked
  std::string purpose;                             // catalog purpose id
  std::string message_nb, message_nn, message_en;  // the consumer's message ("" when not given)
  int64_t created_ms = 0;
  int64_t valid_to_ms = 0;
  bool single_use = false;
  std::string state;
  int64_t updated_ms = 0;  // time of the last transition
};

// One transition of a consent, with who made it and when.
struct ConsentEventRecord {
  std::string consent_id;
  std::string from_state;  // "" for the creation
  std::string to_state;
  std::string actor_kind;  // "citizen", "consumer" or "system"
  std::string actor_id;    // the person key (citizen), organisation number, or "proaktiv"
  int64_t time_ms = 0;
};

class ConsentStore {
 public:
  virtual ~ConsentStore() = default;

  // Inserts the consumer, or replaces the one with the same organisation number.
  virtual Status PutConsumer(const ConsumerRecord& consumer) = 0;
  virtual Result<std::optional<ConsumerRecord>> FindConsumer(std::string_view org_number) = 0;
  // All consumers, by organisation number.
  virtual Result<std::vector<ConsumerRecord>> Consumers() = 0;

  // Inserts a new consent (its state must be `created.to_state`) and its creation event.
  virtual Status InsertConsent(const ConsentRecord& consent, const ConsentEventRecord& created) = 0;
  virtual Result<std::optional<ConsentRecord>> FindConsent(std::string_view id) = 0;
  // The person's consents, newest first.
  virtual Result<std::vector<ConsentRecord>> ConsentsForPerson(int64_t person_key) = 0;
  // Moves the consent from `event.from_state` to `event.to_state` and records the event — only
  // when its state is still `event.from_state` (compare and set). False when it was not (someone
  // else moved it first); the caller reads it again.
  virtual Result<bool> ChangeState(const ConsentEventRecord& event) = 0;
  // The consent's transitions, oldest first.
  virtual Result<std::vector<ConsentEventRecord>> Events(std::string_view consent_id) = 0;

  // Remembers a client assertion's jti until `expires_ms`; false when the client has used it
  // before (a replay). Forgets ids that expired before `now_ms`.
  virtual Result<bool> RememberAssertion(std::string_view client_id, std::string_view jti,
                                         int64_t expires_ms, int64_t now_ms) = 0;
};

}  // namespace proaktiv::store

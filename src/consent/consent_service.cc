#include "consent/consent_service.h"

#include <chrono>

#include "consent/ed25519.h"

namespace proaktiv::consent {

Result<Transaction> Transaction::Begin(store::RegistryStore& store) {
  PROAKTIV_RETURN_IF_ERROR(store.Begin());
  return Transaction(&store);
}

Transaction::~Transaction() {
  if (store_ != nullptr) (void)store_->Rollback();
}

Status Transaction::Commit() {
  store::RegistryStore* store = std::exchange(store_, nullptr);
  return store->Commit();
}

int64_t ConsentService::NowMs() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(clock_.Now().time_since_epoch())
      .count();
}

Result<store::ConsentRecord> ConsentService::Create(const ConsentRequest& r,
                                                    const store::ConsumerRecord& consumer,
                                                    int64_t person_key) {
  store::ConsentRecord c;
  c.id = RandomHex(16);
  c.person_key = person_key;
  c.consumer = consumer.org_number;
  c.items = r.items;
  c.purpose = r.purpose;
  c.message_nb = r.message_nb;
  c.message_nn = r.message_nn;
  c.message_en = r.message_en;
  c.created_ms = NowMs();
  c.valid_to_ms = r.valid_to_ms;
  c.single_use = r.single_use;
  c.state = std::string(Name(ConsentState::kCreated));
  c.updated_ms = c.created_ms;
  const Actor actor = Actor::Consumer(consumer.org_number);
  PROAKTIV_ASSIGN_OR_RETURN(Transaction tx, Transaction::Begin(store_));
  PROAKTIV_RETURN_IF_ERROR(store_.consent().InsertConsent(
      c, store::ConsentEventRecord{c.id, "", c.state, actor.kind, actor.id, c.created_ms}));
  PROAKTIV_RETURN_IF_ERROR(tx.Commit());
  return c;
}

Result<bool> ConsentService::Move(store::ConsentRecord& consent, ConsentState to,
                                  const Actor& actor) {
  return Move(consent, to, actor, NowMs());
}

Result<bool> ConsentService::Move(store::ConsentRecord& consent, ConsentState to,
                                  const Actor& actor, int64_t time_ms) {
  PROAKTIV_ASSIGN_OR_RETURN(ConsentState from, ParseConsentState(consent.state));
  if (!CanTransition(from, to)) {
    return FailedPrecondition("consent " + consent.id + " cannot move from " +
                              std::string(Name(from)) + " to " + std::string(Name(to)));
  }
  const store::ConsentEventRecord event{consent.id, consent.state, std::string(Name(to)),
                                        actor.kind, actor.id,      time_ms};
  PROAKTIV_ASSIGN_OR_RETURN(bool moved, store_.consent().ChangeState(event));
  if (moved) {
    consent.state = event.to_state;
    consent.updated_ms = time_ms;
  }
  return moved;
}

Result<store::ConsentRecord> ConsentService::ExpireIfDue(store::ConsentRecord consent) {
  PROAKTIV_ASSIGN_OR_RETURN(ConsentState state, ParseConsentState(consent.state));
  if (IsFinal(state) || NowMs() < consent.valid_to_ms) return consent;
  PROAKTIV_ASSIGN_OR_RETURN(
      bool moved, Move(consent, ConsentState::kExpired, Actor::System(), consent.valid_to_ms));
  if (moved) return consent;
  // Someone else moved it meanwhile: read it again.
  PROAKTIV_ASSIGN_OR_RETURN(auto again, store_.consent().FindConsent(consent.id));
  if (!again) return NotFound("consent " + consent.id + " disappeared");
  return ExpireIfDue(std::move(*again));
}

Result<std::optional<store::ConsentRecord>> ConsentService::Find(std::string_view id) {
  PROAKTIV_ASSIGN_OR_RETURN(auto found, store_.consent().FindConsent(id));
  if (!found) return found;
  PROAKTIV_ASSIGN_OR_RETURN(ConsentState state, ParseConsentState(found->state));
  if (IsFinal(state) || NowMs() < found->valid_to_ms) return found;
  PROAKTIV_ASSIGN_OR_RETURN(Transaction tx, Transaction::Begin(store_));
  PROAKTIV_ASSIGN_OR_RETURN(auto fresh, store_.consent().FindConsent(id));
  if (!fresh) return fresh;
  PROAKTIV_ASSIGN_OR_RETURN(store::ConsentRecord expired, ExpireIfDue(std::move(*fresh)));
  PROAKTIV_RETURN_IF_ERROR(tx.Commit());
  return std::optional<store::ConsentRecord>(std::move(expired));
}

Result<std::vector<store::ConsentRecord>> ConsentService::ForPerson(int64_t person_key) {
  PROAKTIV_ASSIGN_OR_RETURN(auto all, store_.consent().ConsentsForPerson(person_key));
  for (store::ConsentRecord& c : all) {
    PROAKTIV_ASSIGN_OR_RETURN(auto current, Find(c.id));
    if (current) c = std::move(*current);
  }
  return all;
}

Result<store::ConsentRecord> ConsentService::Act(int64_t person_key, std::string_view id,
                                                 CitizenAction action) {
  PROAKTIV_ASSIGN_OR_RETURN(Transaction tx, Transaction::Begin(store_));
  PROAKTIV_ASSIGN_OR_RETURN(auto found, store_.consent().FindConsent(id));
  if (!found || found->person_key != person_key) {
    return NotFound("there is no consent " + std::string(id.substr(0, 40)) + " for you");
  }
  PROAKTIV_ASSIGN_OR_RETURN(store::ConsentRecord consent, ExpireIfDue(std::move(*found)));
  PROAKTIV_ASSIGN_OR_RETURN(ConsentState state, ParseConsentState(consent.state));
  auto to = ApplyAction(state, action);
  if (!to) {
    // Expiry recorded above must stay recorded even though the action is refused.
    PROAKTIV_RETURN_IF_ERROR(tx.Commit());
    return tl::unexpected(to.error());
  }
  if (*to) {
    PROAKTIV_ASSIGN_OR_RETURN(bool moved, Move(consent, **to, Actor::Citizen(person_key)));
    if (!moved) return FailedPrecondition("the consent changed meanwhile; try again");
  }
  PROAKTIV_RETURN_IF_ERROR(tx.Commit());
  return consent;
}

}  // namespace proaktiv::consent

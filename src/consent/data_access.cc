#include "consent/data_access.h"

#include "consent/consent_service.h"
#include "consent/time_text.h"
#include "dmn/json_values.h"
#include "engine/field_extractor.h"
#include "engine/person_cache.h"

namespace proaktiv::consent {

Result<std::optional<Refused>> DataAccess::Decide(const AccessClaims& token,
                                                  std::string_view person_id,
                                                  const std::vector<std::string>& items,
                                                  std::optional<store::ConsentRecord>& consent) {
  ConsentService consents(store_, clock_);
  if (!token.consent_id.empty()) {
    PROAKTIV_ASSIGN_OR_RETURN(consent, store_.consent().FindConsent(token.consent_id));
    if (consent) {
      PROAKTIV_ASSIGN_OR_RETURN(store::ConsentRecord current, consents.ExpireIfDue(*consent));
      consent = std::move(current);
    }
  }
  int64_t person_key = 0;
  if (!person_id.empty()) {
    PROAKTIV_ASSIGN_OR_RETURN(auto person, store_.FindPerson(person_id));
    if (person) person_key = person->key;
  }
  return consent::Decide(token, consent ? &*consent : nullptr, person_key, items);
}

Result<std::optional<Refused>> DataAccess::Check(const AccessClaims& token,
                                                 std::string_view person_id,
                                                 const std::vector<std::string>& items) {
  std::optional<store::ConsentRecord> consent;
  return Decide(token, person_id, items, consent);
}

Result<FetchOutcome> DataAccess::Fetch(const AccessClaims& token, std::string_view person_id,
                                       std::vector<std::string> items) {
  if (items.empty()) items = token.items;
  PROAKTIV_ASSIGN_OR_RETURN(Transaction tx, Transaction::Begin(store_));
  std::optional<store::ConsentRecord> consent;
  PROAKTIV_ASSIGN_OR_RETURN(std::optional<Refused> refused,
                            Decide(token, person_id, items, consent));
  if (refused) {
    PROAKTIV_RETURN_IF_ERROR(tx.Commit());  // keeps a due expiry recorded
    return tl::unexpected(std::move(*refused));
  }
  ConsentService consents(store_, clock_);
  if (consent->single_use) {
    PROAKTIV_ASSIGN_OR_RETURN(bool used,
                              consents.Move(*consent, ConsentState::kUsed, Actor::System()));
    if (!used) return tl::unexpected(*NotLive(*consent));
  }

  engine::PersonCache persons(store_);
  const store::StoredPerson* subject = persons.ByKey(consent->person_key);
  if (subject == nullptr) {
    if (persons.error()) return tl::unexpected(*persons.error());
    return NotFound("the consent's person is no longer in the register");
  }
  const engine::ExtractionContext context{subject->person, persons.lookup(), clock_.TodayInNorway(),
                                          nullptr};
  boost::json::object values;
  for (const std::string& item : items) {
    const engine::FieldExtractor* extractor = engine::FindFieldExtractor(item);
    values[item] = extractor ? dmn::FeelToJson(extractor->extract(context)) : nullptr;
  }
  if (persons.error()) return tl::unexpected(*persons.error());

  PROAKTIV_ASSIGN_OR_RETURN(auto consumer, store_.consent().FindConsumer(consent->consumer));
  const int64_t now_ms = consents.NowMs();
  audit::AccessRecord record;
  record.actor_kind = audit::ActorKind::kConsumer;
  record.actor_id = consent->consumer;
  record.actor_name = consumer ? consumer->name : consent->consumer;
  record.subject_key = consent->person_key;
  record.items = items;
  record.purpose = consent->purpose;
  record.legal_basis = std::string(kConsentLegalBasis);
  record.reference = "consent:" + consent->id;
  record.time_unix_ms = now_ms;
  PROAKTIV_RETURN_IF_ERROR(recorder_.Record(record));
  PROAKTIV_RETURN_IF_ERROR(tx.Commit());

  Fetched out;
  out.consent_id = consent->id;
  out.data = boost::json::object{{"consent_id", consent->id},
                                 {"purpose", consent->purpose},
                                 {"retrieved_at", FormatUtc(now_ms)},
                                 {"items", std::move(values)}};
  return out;
}

}  // namespace proaktiv::consent

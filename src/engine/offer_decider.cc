#include "engine/offer_decider.h"

#include <algorithm>

#include <fmt/format.h>

#include "delivery/sms_window.h"
#include "engine/audience.h"
#include "engine/explanation.h"
#include "engine/guard.h"
#include "engine/occurrence.h"
#include "registry/kommune.h"

namespace proaktiv::engine {

namespace {

using store::OfferRecord;
using store::OfferState;

std::string KommuneName(std::string_view number) {
  const registry::Kommune* k = registry::FindKommune(number);
  return k ? k->name : std::string(number);
}

// The stored form of a decision: what the portal shows and delivery renders from.
std::string DecisionJson(const ServiceBundle& bundle, const Decision& d,
                         const KommuneParameters& params, CivilDate day) {
  boost::json::object doc;
  doc["application"] = d.application_json;
  doc["deadline"] = d.deadline ? boost::json::value(d.deadline->ToString()) : nullptr;
  doc["explanation"] = Explain(bundle, d, params, day);
  return boost::json::serialize(doc);
}

}  // namespace

Status OfferDecider::QueueChange(const ServiceBundle* bundle, const OfferRecord& offer,
                                 CivilDate today) {
  if (outbox_ == nullptr) return {};
  std::vector<delivery::MessageRecipient> to;
  for (int64_t key : offer.recipients) {
    if (const store::StoredPerson* p = persons_.ByKey(key)) to.push_back({key, &p->person});
  }
  catalog::LocalizedText name;
  if (bundle != nullptr) {
    name = bundle->definition().name;
  } else {
    name = {offer.service, offer.service, offer.service};
  }
  return outbox_
      ->Enqueue(offer, store::MessageKind::kChange, name, to, {},
                delivery::StartOfDayInNorway(today))
      .map([](int) {});
}

Status OfferDecider::RecordRead(const ServiceBundle& bundle, int64_t subject_key, CivilDate day,
                                std::string reference) {
  if (recorder_ == nullptr) return {};
  const ServiceDefinition& def = bundle.definition();
  audit::AccessRecord read;
  read.actor_id = "proaktiv-engine";
  read.actor_name = "proaktiv";
  read.subject_key = subject_key;
  for (const auto& [name, source] : def.inputs) {
    if (source.kind == InputSource::Kind::kField) read.items.push_back(source.name);
  }
  read.purpose = def.purpose;
  read.legal_basis = def.legal_reference;
  read.reference = std::move(reference);
  read.time_unix_ms = int64_t{day.days()} * 86'400'000;
  return recorder_->Record(read);
}

void OfferDecider::Note(CivilDate day, const std::string& service, int64_t subject,
                        const std::string& occurrence, Outcome outcome, std::string reason,
                        int64_t offer_id) {
  report_.Add(OutcomeRecord{day.days(), service, subject, occurrence, outcome, std::move(reason),
                            offer_id});
}

Status OfferDecider::ToCaseworker(const ServiceBundle& bundle, const store::StoredPerson& subject,
                                  const std::string& occurrence, CivilDate today,
                                  std::string reason) {
  PROAKTIV_RETURN_IF_ERROR(store_.AddCaseworkerTask(store::CaseworkerTask{
      bundle.id(), subject.key, occurrence, reason, subject.person.kommunenummer(), today.days()}));
  Note(today, bundle.id(), subject.key, occurrence, Outcome::kCaseworker, std::move(reason));
  return {};
}

Result<OfferDecider::Recipients> OfferDecider::RecipientsOf(const ServiceBundle& bundle,
                                                            const registry::Person& subject) {
  Recipients out;
  for (const registry::Person* p :
       ResolveRecipients(bundle.definition().audience, subject, persons_.lookup())) {
    int64_t key = persons_.KeyOf(p);
    if (key == 0) continue;  // not from the store: cannot be addressed
    PROAKTIV_ASSIGN_OR_RETURN(bool opted_out, store_.IsOptedOut(key, bundle.id()));
    if (opted_out) {
      ++out.opted_out;
      continue;
    }
    out.persons.push_back(p);
    out.keys.push_back(key);
  }
  std::sort(out.keys.begin(), out.keys.end());
  return out;
}

Result<bool> OfferDecider::TextsAreSafe(const ServiceBundle& bundle, const Decision& decision,
                                        const KommuneParameters& params,
                                        const registry::Person& subject,
                                        const Recipients& recipients, bool notice) {
  std::vector<const registry::Person*> involved = recipients.persons;
  involved.push_back(&subject);
  if (!AnyProtectedAddress(involved)) return true;  // nothing that could leak
  const std::string kommune_name = KommuneName(params.kommunenummer);
  if (LeaksProtectedAddress(boost::json::serialize(decision.application_json), involved)) {
    return false;
  }
  for (const registry::Person* r : recipients.persons) {
    const std::string name = FullName(*r);
    for (std::string_view lang : catalog::kLanguages) {
      PROAKTIV_ASSIGN_OR_RETURN(
          RenderedMessage m,
          bundle.Render(decision, notice ? "notice" : "offer", lang, name, params, kommune_name));
      if (LeaksProtectedAddress(m.subject, involved) || LeaksProtectedAddress(m.body, involved)) {
        return false;
      }
    }
  }
  return true;
}

Status OfferDecider::Consider(const ServiceBundle& bundle, const store::StoredPerson& subject,
                              const std::string& occurrence, CivilDate today,
                              const registry::Person* cause) {
  const std::string& service = bundle.id();
  if (kommuner_ != nullptr && !kommuner_->empty() &&
      !kommuner_->count(subject.person.kommunenummer())) {
    return {};
  }
  PROAKTIV_ASSIGN_OR_RETURN(auto existing, store_.FindOffer(service, subject.key, occurrence));
  if (existing) {
    Note(today, service, subject.key, occurrence, Outcome::kAlreadyOffered, "", existing->id);
    return {};
  }
  const KommuneParameters params = bundle.ParametersFor(subject.person.kommunenummer());
  if (!params.enabled) {
    Note(today, service, subject.key, occurrence, Outcome::kDisabled, params.kommunenummer);
    return {};
  }
  for (const GuardVerdict& v : {CheckSubject(subject.person), CheckCause(cause, today)}) {
    if (v.action == GuardVerdict::Action::kHold) {
      Note(today, service, subject.key, occurrence, Outcome::kHeld, v.reason);
      return {};
    }
    if (v.action == GuardVerdict::Action::kCaseworker) {
      return ToCaseworker(bundle, subject, occurrence, today, v.reason);
    }
  }
  auto decided = bundle.Decide(subject.person, persons_.lookup(), params, today);
  if (!decided) return tl::unexpected(decided.error().WithContext(service));
  PROAKTIV_RETURN_IF_ERROR(
      RecordRead(bundle, subject.key, today, fmt::format("decision:{}/{}", service, occurrence)));
  const Decision& d = *decided;
  const bool notice = !d.eligible && bundle.definition().notice_on_negative;
  if (!d.eligible && !notice) {
    Note(today, service, subject.key, occurrence, Outcome::kNotEligible, d.reason);
    return {};
  }
  PROAKTIV_ASSIGN_OR_RETURN(Recipients recipients, RecipientsOf(bundle, subject.person));
  if (recipients.keys.empty()) {
    if (recipients.opted_out > 0) {
      Note(today, service, subject.key, occurrence, Outcome::kOptedOut, "");
      return {};
    }
    return ToCaseworker(bundle, subject, occurrence, today, "no-recipient");
  }
  for (const registry::Person* r : recipients.persons) {
    GuardVerdict v = CheckRecipient(*r, today, persons_.lookup());
    if (!v.proceed()) return ToCaseworker(bundle, subject, occurrence, today, v.reason);
  }
  PROAKTIV_ASSIGN_OR_RETURN(bool safe,
                            TextsAreSafe(bundle, d, params, subject.person, recipients, notice));
  if (!safe) return ToCaseworker(bundle, subject, occurrence, today, "protected-address");

  OfferRecord offer;
  offer.service = service;
  offer.subject_key = subject.key;
  offer.occurrence = occurrence;
  offer.kind = notice ? store::OfferKind::kNotice : store::OfferKind::kOffer;
  offer.kommunenummer = params.kommunenummer;
  offer.reason = d.reason;
  offer.decided_day = today.days();
  offer.updated_day = today.days();
  if (d.deadline) offer.deadline_day = d.deadline->days();
  offer.decision_json = DecisionJson(bundle, d, params, today);
  offer.recipients = recipients.keys;
  PROAKTIV_ASSIGN_OR_RETURN(int64_t id, store_.InsertOffer(offer, "trigger"));
  if (outbox_ != nullptr) {
    offer.id = id;
    const std::string kommune_name = KommuneName(params.kommunenummer);
    std::vector<delivery::MessageRecipient> to;
    for (const registry::Person* r : recipients.persons) to.push_back({persons_.KeyOf(r), r});
    auto render = [&](std::string_view lang,
                      const registry::Person& r) -> Result<delivery::ServiceText> {
      PROAKTIV_ASSIGN_OR_RETURN(
          RenderedMessage m,
          bundle.Render(d, notice ? "notice" : "offer", lang, FullName(r), params, kommune_name));
      return delivery::ServiceText{std::move(m.subject), std::move(m.body)};
    };
    PROAKTIV_RETURN_IF_ERROR(outbox_->Enqueue(offer, store::MessageKind::kOffer,
                                              bundle.definition().name, to, render,
                                              delivery::StartOfDayInNorway(today)));
  }
  Note(today, service, subject.key, occurrence, notice ? Outcome::kNoticed : Outcome::kOffered,
       d.reason, id);
  return {};
}

Status OfferDecider::Withdraw(OfferRecord offer, CivilDate today, std::string_view cause,
                              const ServiceBundle* bundle) {
  const OfferState from = offer.state;
  offer.state = OfferState::kWithdrawn;
  offer.updated_day = today.days();
  const bool notify = from != OfferState::kProposed;  // the citizen has seen it
  PROAKTIV_RETURN_IF_ERROR(
      store_.UpdateOffer(offer, store::OfferTransition{offer.id, from, offer.state, offer.version,
                                                       today.days(), std::string(cause), notify}));
  if (notify) PROAKTIV_RETURN_IF_ERROR(QueueChange(bundle, offer, today));
  Note(today, offer.service, offer.subject_key, offer.occurrence, Outcome::kWithdrawn,
       std::string(cause), offer.id);
  return {};
}

Status OfferDecider::Redecide(const ServiceBundle& bundle, OfferRecord offer, CivilDate today,
                              std::string_view cause) {
  ++report_.redecided;
  if (offer.state == OfferState::kWithdrawn) {
    // A withdrawn offer comes back only when the decision holds again in full.
    auto withdraw = [](OfferRecord, CivilDate, std::string_view) -> Status { return {}; };
    return Decide(bundle, std::move(offer), today, cause, withdraw);
  }
  auto withdraw = [this, &bundle](OfferRecord o, CivilDate day, std::string_view why) {
    return Withdraw(std::move(o), day, why, &bundle);
  };
  return Decide(bundle, std::move(offer), today, cause, withdraw);
}

template <typename WithdrawFn>
Status OfferDecider::Decide(const ServiceBundle& bundle, OfferRecord offer, CivilDate today,
                            std::string_view cause, WithdrawFn&& withdraw) {
  const store::StoredPerson* subject = persons_.ByKey(offer.subject_key);
  if (subject == nullptr) return withdraw(std::move(offer), today, "subject-unknown");
  const KommuneParameters params = bundle.ParametersFor(subject->person.kommunenummer());
  if (!params.enabled) return withdraw(std::move(offer), today, "service-off-in-kommune");
  if (!DateOccurrenceHolds(bundle, subject->person, offer.occurrence)) {
    return withdraw(std::move(offer), today, "occurrence-no-longer-holds");
  }
  const CivilDate as_of = CivilDate::FromDays(offer.decided_day);
  auto decided = bundle.Decide(subject->person, persons_.lookup(), params, as_of);
  if (!decided) return tl::unexpected(decided.error().WithContext(bundle.id()));
  PROAKTIV_RETURN_IF_ERROR(
      RecordRead(bundle, offer.subject_key, today, fmt::format("offer:{}", offer.id)));
  const bool notice = offer.kind == store::OfferKind::kNotice;
  if (decided->eligible == notice) {
    return withdraw(std::move(offer), today, fmt::format("now {}", decided->reason));
  }
  PROAKTIV_ASSIGN_OR_RETURN(Recipients recipients, RecipientsOf(bundle, subject->person));
  if (recipients.keys.empty()) {
    return withdraw(std::move(offer), today,
                    recipients.opted_out > 0 ? "opted-out" : "no-recipient");
  }

  std::string json = DecisionJson(bundle, *decided, params, as_of);
  std::optional<int32_t> deadline;
  if (decided->deadline) deadline = decided->deadline->days();
  const bool reinstated = offer.state == OfferState::kWithdrawn;
  if (!reinstated && json == offer.decision_json && recipients.keys == offer.recipients &&
      params.kommunenummer == offer.kommunenummer && deadline == offer.deadline_day) {
    Note(today, offer.service, offer.subject_key, offer.occurrence, Outcome::kUnchanged,
         std::string(cause), offer.id);
    return {};
  }
  offer.version += 1;
  offer.kommunenummer = params.kommunenummer;
  offer.reason = decided->reason;
  offer.deadline_day = deadline;
  offer.updated_day = today.days();
  offer.decision_json = std::move(json);
  offer.recipients = std::move(recipients.keys);
  const OfferState from = offer.state;
  if (reinstated) offer.state = OfferState::kProposed;
  const bool notify = from != OfferState::kProposed;
  PROAKTIV_RETURN_IF_ERROR(
      store_.UpdateOffer(offer, store::OfferTransition{offer.id, from, offer.state, offer.version,
                                                       today.days(), std::string(cause), notify}));
  if (notify) PROAKTIV_RETURN_IF_ERROR(QueueChange(&bundle, offer, today));
  Note(today, offer.service, offer.subject_key, offer.occurrence,
       reinstated ? Outcome::kReinstated : Outcome::kUpdated, std::string(cause), offer.id);
  return {};
}

}  // namespace proaktiv::engine

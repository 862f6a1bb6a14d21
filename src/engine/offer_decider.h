#pragma once

// Turns a trigger into an offer, and a change into a re-decision, inside the caller's
// transaction.
//
// Consider(service, subject, occurrence, today, cause):
//   1. an offer already made for (service, subject, occurrence) → AlreadyOffered (idempotent:
//      replays, restarts and a second trigger for the same cycle change nothing);
//   2. the service is off in the subject's municipality → Disabled;
//   3. the guard (engine/guard.h) on the subject and the cause → Held or Caseworker;
//   4. the rule decides (ServiceBundle::Decide): not eligible → NotEligible, or a notice when
//      the service sends notices on negative outcomes;
//   5. recipients (audience) minus those who opted out of the service → OptedOut when none is
//      left, Caseworker ("no-recipient") when there was nobody; the guard on each recipient;
//   6. every message is rendered for every recipient in nb, nn and en and checked for
//      protected addresses (Caseworker "protected-address" if one would leak);
//   7. the offer is stored as proposed, with the explanation (engine/explanation.h).
//
// Redecide(offer, today, cause): an open offer whose subject's data changed (a correction, an
// annulment, a move to another municipality, a death) is decided again as of the day it was
// made, under the rules of the subject's current municipality. It is withdrawn when the
// service is off there, the occurrence no longer follows from the data, the rule now says no,
// or nobody is left to receive it; updated (version + 1) when its content or recipients
// changed; otherwise left alone. A withdrawal or update of an offer already sent is marked
// for notifying the citizen. A withdrawn offer given to Redecide (after a correction or
// annulment) is reinstated as proposed when the decision holds again, and left alone otherwise.
//
// With an outbox writer, an offer stored (7.) queues its messages, and a withdrawal or update
// marked for notifying the citizen queues a change notice, in the caller's transaction.
// Each time a rule is evaluated on a person's data (Consider's step 4, every Redecide), the
// read is handed to the recorder (set_recorder; none: not recorded) as an AccessRecord: actor
// the engine, subject the person, items the catalog fields the service's rule reads, purpose
// and legal basis from service.yaml, reference "offer:<id>" or "decision:<service>/<occurrence>",
// time the decision day at 00:00 UTC.
//
// Not thread-safe; one decider per engine run.

#include <set>
#include <string>
#include <string_view>

#include "audit/access_record.h"
#include "common/civil_date.h"
#include "common/result.h"
#include "delivery/outbox_writer.h"
#include "engine/engine_report.h"
#include "engine/person_cache.h"
#include "engine/service_bundle.h"
#include "store/engine_store.h"

namespace proaktiv::engine {

class OfferDecider {
 public:
  // `kommuner` (optional, not owned): when not empty, subjects living elsewhere are skipped.
  // `outbox` (optional, not owned) queues the messages (see above).
  OfferDecider(store::EngineStore& store, PersonCache& persons, EngineReport& report,
               const std::set<std::string>* kommuner = nullptr,
               delivery::OutboxWriter* outbox = nullptr)
      : store_(store), persons_(persons), report_(report), kommuner_(kommuner), outbox_(outbox) {}

  // `cause` is the person whose register event fired the trigger (nullptr for date triggers).
  Status Consider(const ServiceBundle& bundle, const store::StoredPerson& subject,
                  const std::string& occurrence, CivilDate today, const registry::Person* cause);

  Status Redecide(const ServiceBundle& bundle, store::OfferRecord offer, CivilDate today,
                  std::string_view cause);

  // Withdraws `offer` (open) with `cause`; `bundle` (optional) names the service in the change
  // notice.
  Status Withdraw(store::OfferRecord offer, CivilDate today, std::string_view cause,
                  const ServiceBundle* bundle = nullptr);

  // Not owned; must outlive the decider.
  void set_recorder(audit::AccessRecorder* recorder) { recorder_ = recorder; }

 private:
  // Redecide's work; `withdraw` is called where the offer no longer holds.
  template <typename WithdrawFn>
  Status Decide(const ServiceBundle& bundle, store::OfferRecord offer, CivilDate today,
                std::string_view cause, WithdrawFn&& withdraw);

  struct Recipients {
    std::vector<const registry::Person*> persons;
    std::vector<int64_t> keys;
    int opted_out = 0;
  };
  Result<Recipients> RecipientsOf(const ServiceBundle& bundle, const registry::Person& subject);
  // Renders every message for every recipient and language; true when none leaks a protected
  // address of the subject or a recipient.
  Result<bool> TextsAreSafe(const ServiceBundle& bundle, const Decision& decision,
                            const KommuneParameters& params, const registry::Person& subject,
                            const Recipients& recipients, bool notice);
  Status ToCaseworker(const ServiceBundle& bundle, const store::StoredPerson& subject,
                      const std::string& occurrence, CivilDate today, std::string reason);
  // Queues the change notice of `offer` for its recipients (outbox_ set).
  Status QueueChange(const ServiceBundle* bundle, const store::OfferRecord& offer, CivilDate today);
  Status RecordRead(const ServiceBundle& bundle, int64_t subject_key, CivilDate day,
                    std::string reference);
  void Note(CivilDate day, const std::string& service, int64_t subject,
            const std::string& occurrence, Outcome outcome, std::string reason,
            int64_t offer_id = 0);

  store::EngineStore& store_;
  PersonCache& persons_;
  EngineReport& report_;
  const std::set<std::string>* kommuner_;
  delivery::OutboxWriter* outbox_;
  audit::AccessRecorder* recorder_ = nullptr;
};

}  // namespace proaktiv::engine

#pragma once

// The proactive engine at run time: from register events and dates to offers.
//
//   auto library = engine::LoadLibrary("services", catalog);
//   engine::OfferEngine engine(*store, *library);
//   engine.IndexPopulation(today);          // once, after a bulk load of the registry
//   // then, after every intake (or once a day):
//   auto report = engine.RunThrough(today); // Result<EngineReport>
//
// RunThrough(day) does, in this order, in one transaction per day (committed early after every
// `batch` units of work) that also carries the engine's progress, so a crash or a replay never
// makes an offer twice or loses one:
//   1. feed events the registry has applied since the engine's pointer ("engine:<feed>"),
//      in sequence order, up to those dated after `day`. For each event: the person's
//      date-index entries are (re)written; open offers about the person — and, after a
//      correction or annulment, about their parents, children and spouse, withdrawn offers
//      included — are re-decided (engine/offer_decider.h); every event trigger matching the event
//      type fires for its subjects, at once ("event:<sequence>"), later through the date index
//      (delay_days), or, for catch_up triggers, only when a date trigger of the service fell due
//      within the past year (joining that occurrence);
//   2. the date index through `day`: each entry still supported by the person's current data
//      is considered (occurrence "date:<year>"), stale entries are dropped;
//   3. open offers whose deadline has passed expire.
// Work is proportional to the events and the entries due, never to the population.
//
// Kommune settings (engine/kommune_settings.h): RunThrough, IndexPopulation and SetOptOut read
// the settings stored by the admin (store.settings()) once when they start, and decide with
// `library` as those settings make it (a service switched off, a parameter changed), so the
// settings win over service.yaml. A setting saved during a run takes effect at the next run.
//
// Delivery: every offer made, and every change the citizen must be told (a transition with
// `notify`), queues its messages in the outbox (delivery/outbox_writer.h) in the same
// transaction, so an offer is never stored without its messages nor a message without its
// offer. Offers the guard holds back are never stored, hence never queued.
// Every decision about a person (a rule evaluated on their data) is recorded in the
// transparency log (audit/store_access_recorder.h) in the same transaction as its outcome.
//
// Not thread-safe: one engine per store.

#include <cstdint>
#include <functional>
#include <memory>
#include <set>
#include <string>

#include "common/civil_date.h"
#include "common/result.h"
#include "delivery/delivery_config.h"
#include "delivery/outbox_writer.h"
#include "engine/engine_report.h"
#include "engine/service_bundle.h"
#include "store/store.h"

namespace proaktiv::audit {
class StoreAccessRecorder;
}

namespace proaktiv::engine {

struct EngineOptions {
  std::string feed = "freg";
  int batch = 2000;           // events or index entries per transaction
  bool keep_records = false;  // keep one OutcomeRecord per decision in the report
  // When not empty, only subjects living in these kommuner are considered (a dry run for
  // some municipalities); others are skipped without a record.
  std::set<std::string> kommuner;
  // Routing settings for the outbox (config/delivery.yaml); null: the defaults.
  std::shared_ptr<const delivery::DeliveryConfig> delivery = nullptr;
};

class OfferEngine {
 public:
  OfferEngine(store::RegistryStore& store, const ServiceLibrary& library,
              EngineOptions options = {});
  ~OfferEngine();

  Result<EngineReport> RunThrough(CivilDate day);

  // Writes the date-index entries due on or after `from` for every person in the store.
  // `progress` (optional) gets the number of persons done. Returns the number of entries.
  Result<int64_t> IndexPopulation(CivilDate from,
                                  const std::function<void(int64_t)>& progress = {});

  // Moves offer `offer_id` to `to` (sent by delivery, opened, accepted or declined by the
  // citizen) with `cause`, if store::CanTransition allows it; FailedPrecondition names both
  // states otherwise, NotFound an unknown offer. An accepted offer keeps the citizen's
  // corrections of the pre-filled application in `answer_json` (a JSON object, may be empty).
  Status Record(int64_t offer_id, store::OfferState to, CivilDate day, const std::string& cause,
                const std::string& answer_json = "");

  // Records the person's choice for `service`; opting out withdraws the open offers of that
  // service sent to them (or about them) when nobody else receives them.
  Result<EngineReport> SetOptOut(int64_t person_key, const std::string& service, bool opted_out,
                                 CivilDate today);

 private:
  Status ProcessEvents(CivilDate day, EngineReport& report);
  Status ProcessDue(CivilDate day, EngineReport& report);
  Status ExpireOffers(CivilDate day, EngineReport& report);
  // Reads the kommune settings into effective_ (see above).
  Status LoadSettings();
  // Runs `body` (`units` of work) inside RunThrough's transaction, committing and reopening it
  // once a batch has accumulated; outside RunThrough, in a transaction of its own.
  template <typename Body>
  Status Unit(size_t units, Body&& body);

  store::RegistryStore& store_;
  const ServiceLibrary& library_;
  ServiceLibrary effective_;  // library_ with the kommune settings, as of the run's start
  EngineOptions options_;
  int64_t pending_units_ = -1;  // work in RunThrough's open transaction; -1: none open
  std::shared_ptr<const delivery::DeliveryConfig> delivery_config_;
  std::unique_ptr<delivery::OutboxWriter> outbox_;
  std::unique_ptr<audit::StoreAccessRecorder> recorder_;  // the engine's reads, to the log
};

}  // namespace proaktiv::engine

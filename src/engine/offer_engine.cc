#include "engine/offer_engine.h"

#include <set>

#include <fmt/format.h>
#include <boost/json.hpp>

#include "audit/store_access_recorder.h"
#include "engine/audience.h"
#include "engine/kommune_settings.h"
#include "engine/occurrence.h"
#include "engine/offer_decider.h"
#include "engine/person_cache.h"

namespace proaktiv::engine {

namespace {

using store::StoredEvent;
using store::StoredPerson;

CivilDate EventDay(const StoredEvent& e, CivilDate fallback) {
  auto day = CivilDate::Parse(e.timestamp);
  return day ? *day : fallback;
}

// Parents, children and spouse of `person` known to the cache, by key.
std::set<int64_t> FamilyKeys(const registry::Person& person, PersonCache& persons) {
  std::set<int64_t> keys;
  for (const auto& r : person.relations) {
    if (r.value.related_id.empty()) continue;
    if (const StoredPerson* p = persons.ById(r.value.related_id)) keys.insert(p->key);
  }
  return keys;
}

}  // namespace

OfferEngine::OfferEngine(store::RegistryStore& store, const ServiceLibrary& library,
                         EngineOptions options)
    : store_(store),
      library_(library),
      options_(std::move(options)),
      delivery_config_(options_.delivery ? options_.delivery
                                         : std::make_shared<const delivery::DeliveryConfig>(
                                               delivery::DeliveryConfig::Defaults())),
      outbox_(std::make_unique<delivery::OutboxWriter>(store_, *delivery_config_)),
      recorder_(std::make_unique<audit::StoreAccessRecorder>(
          store, audit::StoreAccessRecorder::kAlwaysInCallersTransaction)) {}

OfferEngine::~OfferEngine() = default;

Result<EngineReport> OfferEngine::RunThrough(CivilDate day) {
  EngineReport report;
  report.keep_records = options_.keep_records;
  PROAKTIV_RETURN_IF_ERROR(LoadSettings());
  // One transaction for the day's work (a quiet day costs one commit, not three), committed
  // early and reopened whenever a batch's worth of work has accumulated.
  PROAKTIV_RETURN_IF_ERROR(store_.Begin());
  pending_units_ = 0;
  Status done =
      ProcessEvents(day, report).and_then([&] { return ProcessDue(day, report); }).and_then([&] {
        return ExpireOffers(day, report);
      });
  pending_units_ = -1;
  if (!done) {
    (void)store_.Rollback();
    return tl::unexpected(done.error());
  }
  PROAKTIV_RETURN_IF_ERROR(store_.Commit());
  return report;
}

Status OfferEngine::LoadSettings() {
  PROAKTIV_ASSIGN_OR_RETURN(effective_, EffectiveLibrary(library_, store_.settings()));
  return {};
}

template <typename Body>
Status OfferEngine::Unit(size_t units, Body&& body) {
  if (pending_units_ < 0) return InTransaction(store_, std::forward<Body>(body));
  PROAKTIV_RETURN_IF_ERROR(body());
  pending_units_ += static_cast<int64_t>(units);
  if (pending_units_ < options_.batch) return {};
  pending_units_ = 0;
  PROAKTIV_RETURN_IF_ERROR(store_.Commit());
  return store_.Begin();
}

Status OfferEngine::ProcessEvents(CivilDate day, EngineReport& report) {
  const std::string pointer_name = "engine:" + options_.feed;
  store::EngineStore& engine = store_.engine();
  PersonCache persons(store_);
  for (;;) {
    PROAKTIV_ASSIGN_OR_RETURN(int64_t pointer, store_.GetPointer(pointer_name));
    PROAKTIV_ASSIGN_OR_RETURN(auto events,
                              store_.EventsAfter(options_.feed, pointer, options_.batch));
    if (events.empty()) return {};
    bool reached_day = false;
    persons.Clear();
    PROAKTIV_RETURN_IF_ERROR(Unit(events.size(), [&]() -> Status {
      OfferDecider decider(engine, persons, report, &options_.kommuner, outbox_.get());
      decider.set_recorder(recorder_.get());
      int64_t last = pointer;
      for (const StoredEvent& e : events) {
        const CivilDate event_day = EventDay(e, day);
        if (event_day > day) {
          reached_day = true;
          break;
        }
        ++report.events;
        last = e.sequence;
        if (e.person_key == 0) continue;
        const StoredPerson* person = persons.ByKey(e.person_key);
        if (person == nullptr) continue;
        for (const store::DueEntry& entry :
             DateIndexEntries(effective_, person->key, person->person, event_day)) {
          PROAKTIV_RETURN_IF_ERROR(engine.AddDue(entry));
        }
        // Re-decide the open offers the change may affect.
        std::set<int64_t> affected = {person->key};
        if (e.revisions > 0) affected.merge(FamilyKeys(person->person, persons));
        const std::string cause = fmt::format("{} (event {})", e.event_type, e.sequence);
        for (int64_t key : affected) {
          // After a correction or annulment, withdrawn offers may hold again.
          PROAKTIV_ASSIGN_OR_RETURN(auto offers, engine.OffersAbout(key, e.revisions == 0));
          for (auto& offer : offers) {
            const ServiceBundle* bundle = effective_.Find(offer.service);
            if (bundle == nullptr) continue;
            if (!store::IsOpen(offer.state) && offer.state != store::OfferState::kWithdrawn) {
              continue;
            }
            PROAKTIV_RETURN_IF_ERROR(decider.Redecide(*bundle, std::move(offer), day, cause));
          }
        }
        // Event triggers.
        for (const auto& bundle : effective_.bundles()) {
          const auto& triggers = bundle->definition().triggers;
          for (size_t t = 0; t < triggers.size(); ++t) {
            const auto& trigger = triggers[t].event;
            if (!trigger || !trigger->Matches(e.event_type)) continue;
            for (const registry::Person* s :
                 ResolveSubjects(trigger->subjects, person->person, persons.lookup())) {
              const StoredPerson* subject = persons.ByKey(persons.KeyOf(s));
              if (subject == nullptr) continue;
              const auto params = bundle->ParametersFor(subject->person.kommunenummer());
              const int delay = static_cast<int>(trigger->delay_days.Resolve(params).integer);
              if (trigger->catch_up) {
                auto due = RecentDueDate(*bundle, subject->person, event_day);
                if (!due) continue;
                PROAKTIV_RETURN_IF_ERROR(decider.Consider(*bundle, *subject, DateOccurrence(*due),
                                                          event_day, &person->person));
              } else if (delay > 0) {
                PROAKTIV_RETURN_IF_ERROR(engine.AddDue(
                    store::DueEntry{event_day.AddDays(delay).days(), subject->key, bundle->id(),
                                    static_cast<int>(t), EventOccurrence(e.sequence)}));
              } else {
                PROAKTIV_RETURN_IF_ERROR(decider.Consider(
                    *bundle, *subject, EventOccurrence(e.sequence), event_day, &person->person));
              }
            }
          }
        }
      }
      if (persons.error()) return tl::unexpected(*persons.error());
      if (last != pointer) return store_.SetPointer(pointer_name, last);
      return {};
    }));
    if (reached_day || static_cast<int>(events.size()) < options_.batch) return {};
  }
}

Status OfferEngine::ProcessDue(CivilDate day, EngineReport& report) {
  store::EngineStore& engine = store_.engine();
  PersonCache persons(store_);
  for (;;) {
    PROAKTIV_ASSIGN_OR_RETURN(auto entries, engine.DueThrough(day.days(), options_.batch));
    if (entries.empty()) return {};
    persons.Clear();
    PROAKTIV_RETURN_IF_ERROR(Unit(entries.size(), [&]() -> Status {
      OfferDecider decider(engine, persons, report, &options_.kommuner, outbox_.get());
      decider.set_recorder(recorder_.get());
      for (const store::DueEntry& entry : entries) {
        ++report.due;
        PROAKTIV_RETURN_IF_ERROR(engine.RemoveDue(entry));
        const ServiceBundle* bundle = effective_.Find(entry.service);
        const StoredPerson* subject = persons.ByKey(entry.person_key);
        if (bundle == nullptr || subject == nullptr) {
          ++report.stale;
          continue;
        }
        const CivilDate due = CivilDate::FromDays(entry.due_day);
        std::string occurrence = entry.occurrence;
        if (occurrence.empty()) {  // a date trigger: is it still due on this day?
          auto current = CurrentDueDate(*bundle, entry.trigger_no, subject->person);
          if (!current || *current != due) {
            ++report.stale;
            continue;
          }
          occurrence = DateOccurrence(due);
        }
        PROAKTIV_RETURN_IF_ERROR(decider.Consider(*bundle, *subject, occurrence, due, nullptr));
      }
      if (persons.error()) return tl::unexpected(*persons.error());
      return {};
    }));
  }
}

Status OfferEngine::ExpireOffers(CivilDate day, EngineReport& report) {
  store::EngineStore& engine = store_.engine();
  for (;;) {
    PROAKTIV_ASSIGN_OR_RETURN(auto offers,
                              engine.OpenOffersPastDeadline(day.days(), options_.batch));
    if (offers.empty()) return {};
    PROAKTIV_RETURN_IF_ERROR(Unit(offers.size(), [&]() -> Status {
      for (auto& offer : offers) {
        const store::OfferState from = offer.state;
        offer.state = store::OfferState::kExpired;
        offer.updated_day = day.days();
        PROAKTIV_RETURN_IF_ERROR(engine.UpdateOffer(
            offer, store::OfferTransition{offer.id, from, offer.state, offer.version, day.days(),
                                          "deadline-passed", false}));
        report.Add(OutcomeRecord{day.days(), offer.service, offer.subject_key, offer.occurrence,
                                 Outcome::kExpired, "deadline-passed", offer.id});
      }
      return {};
    }));
  }
}

Result<int64_t> OfferEngine::IndexPopulation(CivilDate from,
                                             const std::function<void(int64_t)>& progress) {
  PROAKTIV_RETURN_IF_ERROR(LoadSettings());
  // Collect first: ForEachPerson holds a read cursor, writes go in separate transactions.
  std::vector<store::DueEntry> entries;
  int64_t persons = 0;
  PROAKTIV_RETURN_IF_ERROR(store_.ForEachPerson([&](const StoredPerson& p) {
    auto mine = DateIndexEntries(effective_, p.key, p.person, from);
    entries.insert(entries.end(), mine.begin(), mine.end());
    if (++persons % 65536 == 0 && progress) progress(persons);
    return true;
  }));
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    return std::tie(a.due_day, a.person_key, a.service, a.trigger_no) <
           std::tie(b.due_day, b.person_key, b.service, b.trigger_no);
  });
  constexpr size_t kPerTransaction = 200000;
  for (size_t begin = 0; begin < entries.size(); begin += kPerTransaction) {
    const size_t end = std::min(entries.size(), begin + kPerTransaction);
    PROAKTIV_RETURN_IF_ERROR(InTransaction(store_, [&]() -> Status {
      for (size_t i = begin; i < end; ++i) {
        PROAKTIV_RETURN_IF_ERROR(store_.engine().AddDue(entries[i]));
      }
      return {};
    }));
  }
  if (progress) progress(persons);
  return static_cast<int64_t>(entries.size());
}

Status OfferEngine::Record(int64_t offer_id, store::OfferState to, CivilDate day,
                           const std::string& cause, const std::string& answer_json) {
  store::EngineStore& engine = store_.engine();
  return InTransaction(store_, [&]() -> Status {
    PROAKTIV_ASSIGN_OR_RETURN(auto found, engine.FindOfferById(offer_id));
    if (!found) return NotFound(fmt::format("no offer {}", offer_id));
    store::OfferRecord offer = std::move(*found);
    if (!store::CanTransition(offer.state, to)) {
      return FailedPrecondition(fmt::format("offer {} is {}; it cannot become {}", offer_id,
                                            store::Name(offer.state), store::Name(to)));
    }
    if (!answer_json.empty()) {
      boost::system::error_code ec;
      boost::json::value answer = boost::json::parse(answer_json, ec);
      if (ec || !answer.is_object()) {
        return InvalidArgument(
            fmt::format("the answer to offer {} is not a JSON object", offer_id));
      }
      boost::json::object doc = boost::json::parse(offer.decision_json).as_object();
      doc["answer"] = std::move(answer);
      offer.decision_json = boost::json::serialize(doc);
    }
    const store::OfferState from = offer.state;
    offer.state = to;
    offer.updated_day = day.days();
    return engine.UpdateOffer(
        offer, store::OfferTransition{offer.id, from, to, offer.version, day.days(), cause, false});
  });
}

Result<EngineReport> OfferEngine::SetOptOut(int64_t person_key, const std::string& service,
                                            bool opted_out, CivilDate today) {
  EngineReport report;
  report.keep_records = options_.keep_records;
  PROAKTIV_RETURN_IF_ERROR(LoadSettings());
  const ServiceBundle* bundle = effective_.Find(service);
  if (bundle == nullptr) return NotFound(fmt::format("no service '{}'", service));
  store::EngineStore& engine = store_.engine();
  PersonCache persons(store_);
  PROAKTIV_RETURN_IF_ERROR(InTransaction(store_, [&]() -> Status {
    PROAKTIV_RETURN_IF_ERROR(engine.SetOptOut(person_key, service, opted_out, today.days()));
    if (!opted_out) return {};
    OfferDecider decider(engine, persons, report, &options_.kommuner, outbox_.get());
    decider.set_recorder(recorder_.get());
    PROAKTIV_ASSIGN_OR_RETURN(auto offers, engine.OffersFor(person_key));
    for (auto& offer : offers) {
      if (offer.service != service || !store::IsOpen(offer.state)) continue;
      PROAKTIV_RETURN_IF_ERROR(decider.Redecide(*bundle, std::move(offer), today, "opt-out"));
    }
    return {};
  }));
  return report;
}

}  // namespace proaktiv::engine

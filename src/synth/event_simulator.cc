#include "synth/event_simulator.h"

#include <algorithm>
#include <cmath>

#include "registry/entities.h"
#include "synth/annulment_candidates.h"
#include "synth/entry_builder.h"
#include "synth/geography.h"
#include "synth/households.h"
#include "synth/life_event_schedule.h"
#include "synth/names.h"
#include "synth/newborn.h"
#include "synth/person_builder.h"
#include "synth/population_sampler.h"
#include "synth/random.h"

namespace proaktiv::synth {
namespace {

using registry::CivilStatus;

class Simulator {
 public:
  Simulator(Population& pop, IdentityAllocator& ids, const SimulationOptions& options,
            int64_t first_sequence, const std::function<void(std::string_view)>& sink)
      : pop_(pop),
        ids_(ids),
        opt_(options),
        sink_(sink),
        next_sequence_(first_sequence),
        rng_(Rng::Derive(options.seed, 2, 0)),
        sampler_(pop, options.selected, rng_) {}

  std::vector<ScheduledLifeEvent> Schedule() {
    const double household_size = pop_.households.empty()
                                      ? 2.0
                                      : static_cast<double>(pop_.persons.size()) /
                                            static_cast<double>(pop_.households.size());
    return ScheduleLifeEvents(opt_, household_size, sampler_.outside_share(), rng_);
  }

  Status Run(const ScheduledLifeEvent& event) {
    day_ = event.day;
    millis_ = std::max(event.millis, day_ == last_day_ ? last_millis_ + 1 : 0);
    switch (event.kind) {
      case LifeEventKind::kBirth:
        return Birth(false);
      case LifeEventKind::kStillbirth:
        return Birth(true);
      case LifeEventKind::kDeath:
        return Death();
      case LifeEventKind::kMoveBetween:
        return MoveBetween();
      case LifeEventKind::kMoveIn:
        return MoveIn();
      case LifeEventKind::kMoveWithin:
        return MoveWithin();
      case LifeEventKind::kMarriage:
        return Marriage();
      case LifeEventKind::kDivorce:
        return Divorce();
      case LifeEventKind::kCorrection:
        return Correction();
      case LifeEventKind::kAnnulment:
        return Annulment();
    }
    return {};
  }

  SimulationCounts& counts() { return counts_; }

 private:
  SynthPerson& P(int32_t i) { return pop_.persons[static_cast<size_t>(i)]; }
  bool Active(int32_t i) const { return sampler_.Active(i); }
  int AgeYears(int32_t i) { return (day_ - P(i).birth) / 365; }

  EntryBuilder Entry(int32_t person, std::string_view type) {
    last_day_ = day_;
    last_millis_ = millis_;
    return EntryBuilder(next_sequence_++, IdString(P(person).id), type,
                        OsloTimestamp(day_, millis_++));
  }
  void Emit(EntryBuilder& e) {
    sink_(e.Line());
    ++counts_.entries;
    ++counts_.entries_by_type[std::string(e.event_type())];
    counts_.last_sequence = e.sequence();
  }
  void Count(const char* life_event, int64_t n = 1) { counts_.life_events[life_event] += n; }

  Status Birth(bool stillborn) {
    int32_t mother = sampler_.Pick([&](int32_t i) {
      if (!P(i).female()) return 0.0;
      int a = AgeYears(i);
      static constexpr double kRate[] = {0.005, 0.03, 0.08, 0.11, 0.06, 0.012};
      if (a < 18 || a > 44) return 0.0;
      double r = kRate[a < 20 ? 0 : (a - 15) / 5];
      return r / 0.11 * (P(i).partner != kNone ? 1.0 : 0.3);
    });
    if (mother == kNone) return {};
    CivilDate born = CivilDate::FromDays(day_ - rng_.Between(0, 2));
    if (stillborn) {
      EntryBuilder e = Entry(mother, "endringIFamilierelasjon");
      registry::FamilyRelation r;
      r.related_role = registry::RelationRole::kDoedfoedtBarn;
      r.date = born;
      e.Register("familierelasjon", registry::EntityToJson(r));
      Emit(e);
      Count("stillbirths");
      return {};
    }
    int32_t partner = P(mother).partner;
    if (!Active(partner)) partner = kNone;
    PROAKTIV_ASSIGN_OR_RETURN(const int32_t c, AddNewborn(pop_, ids_, rng_, mother, partner, born));

    EntryBuilder created = Entry(c, "personErOpprettet");
    created.SetDocument(
        registry::PersonToJson(BuildPerson(pop_, c, created.sequence(), created.sequence())));
    P(c).name_fact = FactRef{created.sequence(), kNameFact};
    P(c).address_fact = FactRef{created.sequence(), kAddressFact};
    Emit(created);
    for (int32_t parent : {mother, partner}) {
      if (parent == kNone) continue;
      registry::FamilyRelation r;
      r.related_id = IdString(P(c).id);
      r.related_role = registry::RelationRole::kBarn;
      r.my_role = parent == mother                ? registry::RelationRole::kMor
                  : P(c).Has(PersonFlag::kMedmor) ? registry::RelationRole::kMedmor
                                                  : registry::RelationRole::kFar;
      EntryBuilder rel = Entry(parent, "endringIFamilierelasjon");
      rel.Register("familierelasjon", registry::EntityToJson(r));
      Emit(rel);
      registry::ParentalResponsibility pr;
      pr.kind =
          partner != kNone ? registry::Responsibility::kFelles : registry::Responsibility::kMor;
      pr.child_id = IdString(P(c).id);
      EntryBuilder resp = Entry(parent, "endringIForeldreansvar");
      resp.Register("foreldreansvar", registry::EntityToJson(pr));
      Emit(resp);
    }
    Count("births");
    return {};
  }

  Status Death() {
    int32_t dead = sampler_.Pick([&](int32_t i) { return std::exp(0.1 * (AgeYears(i) - 105)); });
    if (dead == kNone) return {};
    CivilDate date = CivilDate::FromDays(std::max(P(dead).birth, day_ - rng_.Between(1, 7)));
    EntryBuilder e = Entry(dead, "personErDoed");
    e.Register("doedsfall", registry::EntityToJson(registry::Death{date}));
    e.Register("folkeregisterpersonstatus",
               registry::EntityToJson(registry::StatusFact{registry::PersonStatus::kDoed}));
    Emit(e);
    int32_t partner = P(dead).partner;
    if (Active(partner)) {
      if (P(partner).civil == CivilStatus::kGift && P(partner).civil_related == dead) {
        registry::CivilStatusFact s{CivilStatus::kEnkeEllerEnkemann, date, IdString(P(dead).id)};
        EntryBuilder w = Entry(partner, "endringISivilstand");
        w.Register("sivilstand", registry::EntityToJson(s));
        Emit(w);
        P(partner).civil = CivilStatus::kEnkeEllerEnkemann;
        P(partner).civil_since = date.days();
        Count("widowed");
      }
      P(partner).partner = kNone;
    }
    P(dead).Set(PersonFlag::kDead);
    pop_.RemoveFromHousehold(dead);
    Count("deaths");
    return {};
  }

  // Registers a new address for each of `members` (one entry each).
  void Relocate(const std::vector<int32_t>& members, const SynthAddress& to, bool undoable) {
    for (int32_t m : members) {
      EntryBuilder e = Entry(m, "endringIBostedsadresse");
      Undoable u{m, {}, P(m).address_fact, P(m).address, 0, 0};
      P(m).address_fact =
          e.Register("bostedsadresse", registry::EntityToJson(ToRegistryAddress(to)));
      P(m).address = to;
      Emit(e);
      u.fact = P(m).address_fact;
      if (undoable) candidates_.Add(UndoableKind::kAddress, u);
    }
  }

  Status MoveBetween() {
    int32_t who = sampler_.PickHousehold();
    if (who == kNone) return {};
    int from = P(who).address.kommune;
    std::vector<int32_t> members = pop_.Members(P(who).household);
    int to = sampler_.PickKommune(false, false, from);
    Relocate(members, RandomAddress(rng_, to, CivilDate::FromDays(day_ - rng_.Between(0, 10))),
             false);
    if (!sampler_.IsSelected(to)) {
      for (int32_t m : members) P(m).Set(PersonFlag::kLeft);
      Count("moves_out_of_selection_persons", static_cast<int64_t>(members.size()));
    }
    Count("moves_between_households");
    Count("moves_between_persons", static_cast<int64_t>(members.size()));
    return {};
  }

  Status MoveIn() {
    int origin = sampler_.PickKommune(false, true, -1);
    if (sampler_.IsSelected(origin)) return {};
    int32_t household = AppendSmallHousehold(pop_, rng_, origin, CivilDate::FromDays(day_));
    std::vector<int32_t> members = pop_.Members(household);
    for (int32_t m : members) {
      PROAKTIV_ASSIGN_OR_RETURN(P(m).id, ids_.Next(P(m).birth_date(), P(m).female(), false));
    }
    int to = sampler_.PickKommune(true, false, origin);
    SynthAddress address = RandomAddress(rng_, to, CivilDate::FromDays(day_ - rng_.Between(0, 10)));
    for (size_t i = 0; i < members.size(); ++i) {
      int32_t m = members[i];
      EntryBuilder e = Entry(m, "endringIBostedsadresse");
      // The document's facts are numbered by this entry's sequence.
      registry::Person doc = BuildPerson(pop_, m, e.sequence(), e.sequence());
      e.SetDocument(registry::PersonToJson(doc));
      P(m).name_fact = FactRef{e.sequence(), kNameFact};
      P(m).address_fact =
          e.Register("bostedsadresse", registry::EntityToJson(ToRegistryAddress(address)));
      Emit(e);
    }
    for (int32_t m : members) {
      P(m).address = address;
      P(m).Set(PersonFlag::kInSelection);
    }
    Count("moves_in_households");
    Count("moves_in_persons", static_cast<int64_t>(members.size()));
    return {};
  }

  Status MoveWithin() {
    int32_t who = sampler_.PickHousehold();
    if (who == kNone) return {};
    std::vector<int32_t> members = pop_.Members(P(who).household);
    Relocate(members,
             RandomAddress(rng_, P(who).address.kommune,
                           CivilDate::FromDays(day_ - rng_.Between(0, 10))),
             members.size() == 1);
    Count("moves_within_households");
    Count("moves_within_persons", static_cast<int64_t>(members.size()));
    return {};
  }

  Status Marriage() {
    int32_t a = sampler_.Pick([&](int32_t i) {
      int32_t b = P(i).partner;
      return Active(b) && P(i).civil != CivilStatus::kGift && P(b).civil != CivilStatus::kGift &&
                     AgeYears(i) >= 20 && AgeYears(b) >= 20
                 ? 1.0
                 : 0.0;
    });
    if (a == kNone) return {};
    int32_t b = P(a).partner;
    CivilDate date = CivilDate::FromDays(day_ - rng_.Between(0, 14));
    for (auto [me, spouse] : {std::pair{a, b}, std::pair{b, a}}) {
      EntryBuilder e = Entry(me, "endringISivilstand");
      e.Register("sivilstand", registry::EntityToJson(registry::CivilStatusFact{
                                   CivilStatus::kGift, date, IdString(P(spouse).id)}));
      Emit(e);
      P(me).civil = CivilStatus::kGift;
      P(me).civil_since = date.days();
      P(me).civil_related = spouse;
    }
    int32_t taker = P(a).female() != P(b).female() ? (P(a).female() ? a : b) : a;
    int32_t giver = taker == a ? b : a;
    if (rng_.Chance(0.3) && P(taker).family != P(giver).family) {
      Undoable u{taker, {}, P(taker).name_fact, {}, P(taker).given, P(taker).family};
      P(taker).family = P(giver).family;
      EntryBuilder e = Entry(taker, "endringINavn");
      P(taker).name_fact = e.Register("navn", registry::EntityToJson(NameOf(P(taker))));
      u.fact = P(taker).name_fact;
      Emit(e);
      candidates_.Add(UndoableKind::kName, u);
      Count("name_changes");
    }
    Count("marriages");
    return {};
  }

  Status Divorce() {
    int32_t a = sampler_.Pick([&](int32_t i) {
      int32_t b = P(i).partner;
      return Active(b) && P(i).civil == CivilStatus::kGift && P(i).civil_related == b ? 1.0 : 0.0;
    });
    if (a == kNone) return {};
    int32_t b = P(a).partner;
    CivilDate date = CivilDate::FromDays(day_ - rng_.Between(0, 30));
    for (auto [me, ex] : {std::pair{a, b}, std::pair{b, a}}) {
      EntryBuilder e = Entry(me, "endringISivilstand");
      e.Register("sivilstand", registry::EntityToJson(registry::CivilStatusFact{
                                   CivilStatus::kSkilt, date, IdString(P(ex).id)}));
      Emit(e);
      P(me).civil = CivilStatus::kSkilt;
      P(me).civil_since = date.days();
      P(me).partner = kNone;
    }
    // The man (or the first) moves out to a home of his own in the same kommune.
    int32_t leaver = P(a).female() ? b : a;
    pop_.RemoveFromHousehold(leaver);
    pop_.households.push_back(Household{});
    pop_.AddToHousehold(static_cast<int32_t>(pop_.households.size() - 1), leaver);
    Relocate({leaver},
             RandomAddress(rng_, P(leaver).address.kommune,
                           CivilDate::FromDays(day_ - rng_.Between(0, 10))),
             false);
    Count("divorces");
    return {};
  }

  Status Correction() {
    int32_t who = sampler_.Pick([&](int32_t) { return 1.0; });
    if (who == kNone) return {};
    if (rng_.Chance(0.5)) {
      SynthAddress fixed = P(who).address;
      fixed.house = static_cast<uint16_t>(fixed.house == 1 ? 2 : fixed.house - 1);
      EntryBuilder e = Entry(who, "endringIBostedsadresseUtenFlytting");
      P(who).address_fact = e.Correct("bostedsadresse", P(who).address_fact,
                                      registry::EntityToJson(ToRegistryAddress(fixed)));
      P(who).address = fixed;
      Emit(e);
      Count("corrections_address");
    } else {
      auto n = static_cast<uint16_t>(GivenNames(P(who).female()).size());
      P(who).given = static_cast<uint16_t>((P(who).given + 1 + rng_.Below(n - 1u)) % n);
      EntryBuilder e = Entry(who, "endringINavn");
      P(who).name_fact =
          e.Correct("navn", P(who).name_fact, registry::EntityToJson(NameOf(P(who))));
      Emit(e);
      Count("corrections_name");
    }
    return {};
  }

  Status Annulment() {
    for (int tries = 0; tries < 20; ++tries) {
      const bool name = rng_.Chance(0.5);
      const std::optional<Undoable> taken =
          candidates_.Take(name ? UndoableKind::kName : UndoableKind::kAddress, rng_);
      if (!taken || !Active(taken->person)) continue;
      const Undoable& u = *taken;
      SynthPerson& p = P(u.person);
      const FactRef& current = name ? p.name_fact : p.address_fact;
      if (current.sequence != u.fact.sequence || current.n != u.fact.n) continue;  // replaced since
      EntryBuilder e = Entry(u.person, name ? "endringINavn" : "endringIBostedsadresse");
      if (name) {
        e.Annul("navn", u.fact);
        p.name_fact = u.previous_fact;
        p.given = u.previous_given;
        p.family = u.previous_family;
      } else {
        e.Annul("bostedsadresse", u.fact);
        p.address_fact = u.previous_fact;
        p.address = u.previous_address;
      }
      Emit(e);
      Count(name ? "annulments_name" : "annulments_address");
      return {};
    }
    return Correction();
  }

  Population& pop_;
  IdentityAllocator& ids_;
  const SimulationOptions& opt_;
  const std::function<void(std::string_view)>& sink_;
  int64_t next_sequence_;
  Rng rng_;
  PopulationSampler sampler_;  // draws from rng_
  int32_t day_ = 0;
  int32_t millis_ = 0;
  int32_t last_day_ = -1;
  int32_t last_millis_ = 0;
  AnnulmentCandidates candidates_;
  SimulationCounts counts_;
};

}  // namespace

Result<SimulationCounts> SimulateEvents(Population& pop, IdentityAllocator& ids,
                                        const SimulationOptions& options, int64_t first_sequence,
                                        const std::function<void(std::string_view)>& sink,
                                        const std::function<void(int64_t, int64_t)>& progress) {
  Simulator sim(pop, ids, options, first_sequence, sink);
  const std::vector<ScheduledLifeEvent> schedule = sim.Schedule();
  const int64_t total = static_cast<int64_t>(schedule.size());
  for (int64_t i = 0; i < total; ++i) {
    PROAKTIV_RETURN_IF_ERROR(sim.Run(schedule[static_cast<size_t>(i)]));
    if (progress && (i % 4096 == 0 || i + 1 == total)) progress(i + 1, total);
  }
  sim.counts().last_sequence = std::max(sim.counts().last_sequence, first_sequence - 1);
  return sim.counts();
}

}  // namespace proaktiv::synth

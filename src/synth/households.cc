#include "synth/households.h"

#include <algorithm>
#include <array>
#include <optional>
#include <vector>

#include "synth/age_pyramid.h"
#include "synth/geography.h"
#include "synth/names.h"

namespace proaktiv::synth {
namespace {

using registry::CivilStatus;
using registry::Sex;

// Persons not yet placed, bucketed by sex and age.
class AgePool {
 public:
  void Add(bool female, int age, int32_t person) { Bucket(female, age).push_back(person); }

  // Takes a person of the given sex whose age is nearest `age` (at most `max_delta` away and
  // inside [min_age, max_age]); kNone when there is none.
  int32_t Take(bool female, int age, int max_delta, int min_age, int max_age) {
    for (int d = 0; d <= max_delta; ++d) {
      for (int sign : {1, -1}) {
        int a = age + sign * d;
        if (a < min_age || a > max_age || a < 0 || a > kMaxAge) continue;
        auto& bucket = Bucket(female, a);
        if (!bucket.empty()) {
          int32_t p = bucket.back();
          bucket.pop_back();
          return p;
        }
        if (d == 0) break;
      }
    }
    return kNone;
  }
  int32_t TakeEitherSex(Rng& rng, int age) {
    bool female = rng.Chance(0.5);
    int32_t p = Take(female, age, 0, 0, kMaxAge);
    return p != kNone ? p : Take(!female, age, 0, 0, kMaxAge);
  }
  // Everyone left, in bucket order.
  std::vector<int32_t> Rest(bool female) const {
    std::vector<int32_t> out;
    for (int a = 0; a <= kMaxAge; ++a) {
      const auto& b = buckets_[static_cast<size_t>((female ? kMaxAge + 1 : 0) + a)];
      out.insert(out.end(), b.begin(), b.end());
    }
    return out;
  }

 private:
  std::vector<int32_t>& Bucket(bool female, int age) {
    return buckets_[static_cast<size_t>((female ? kMaxAge + 1 : 0) + age)];
  }
  std::array<std::vector<int32_t>, 2 * (kMaxAge + 1)> buckets_;
};

int AgeOf(const SynthPerson& p, CivilDate reference) {
  return reference.YearsSince(p.birth_date());
}

int32_t NewPerson(Population& pop, Rng& rng, bool female, CivilDate birth) {
  SynthPerson p;
  p.sex = female ? Sex::kKvinne : Sex::kMann;
  p.birth = birth.days();
  p.given = PickGiven(rng, female);
  p.family = PickFamily(rng);
  pop.persons.push_back(p);
  return static_cast<int32_t>(pop.persons.size() - 1);
}

int32_t NewHousehold(Population& pop) {
  pop.households.push_back(Household{});
  return static_cast<int32_t>(pop.households.size() - 1);
}

// Civil status of an adult living alone, by age and sex.
void SetSingleCivil(SynthPerson& p, Rng& rng, CivilDate reference) {
  int age = AgeOf(p, reference);
  double widowed = 0;
  double divorced = 0;
  if (age >= 75) {
    widowed = p.female() ? 0.62 : 0.35;
    divorced = 0.12;
  } else if (age >= 60) {
    widowed = p.female() ? 0.18 : 0.08;
    divorced = 0.30;
  } else if (age >= 35) {
    widowed = 0.02;
    divorced = 0.28;
  } else if (age >= 25) {
    divorced = 0.05;
  }
  double u = rng.Uniform();
  if (u < widowed) {
    p.civil = CivilStatus::kEnkeEllerEnkemann;
  } else if (u < widowed + divorced) {
    p.civil = CivilStatus::kSkilt;
  } else {
    p.civil = CivilStatus::kUgift;
    return;
  }
  int years_back = std::max(1, std::min(age - 22, 25));
  p.civil_since =
      reference.days() - static_cast<int32_t>(rng.Below(static_cast<uint32_t>(years_back * 365)));
}

// Makes `a` and `b` partners: married (gift, each other's spouse) or cohabiting.
void FormCouple(Population& pop, Rng& rng, int32_t a, int32_t b, CivilDate reference) {
  SynthPerson& pa = pop.persons[static_cast<size_t>(a)];
  SynthPerson& pb = pop.persons[static_cast<size_t>(b)];
  pa.partner = b;
  pb.partner = a;
  int younger = std::min(AgeOf(pa, reference), AgeOf(pb, reference));
  double married = younger < 30 ? 0.30 : (younger < 50 ? 0.60 : 0.82);
  if (rng.Chance(married)) {
    int years_back = std::max(1, std::min(younger - 19, 45));
    int32_t since =
        reference.days() - static_cast<int32_t>(rng.Below(static_cast<uint32_t>(years_back * 365)));
    for (SynthPerson* p : {&pa, &pb}) {
      p->civil = CivilStatus::kGift;
      p->civil_since = since;
    }
    pa.civil_related = b;
    pb.civil_related = a;
    if (rng.Chance(0.45)) {
      (pa.female() ? pa : pb).family = (pa.female() ? pb : pa).family;
    }
  } else {
    SetSingleCivil(pa, rng, reference);
    SetSingleCivil(pb, rng, reference);
    if (pa.civil == CivilStatus::kEnkeEllerEnkemann && younger < 60) pa.civil = CivilStatus::kUgift;
    if (pb.civil == CivilStatus::kEnkeEllerEnkemann && younger < 60) pb.civil = CivilStatus::kUgift;
  }
}

// Links `child` to its parents and sets custody and family name.
void LinkChild(Population& pop, Rng& rng, int32_t child, int32_t primary, int32_t partner) {
  SynthPerson& c = pop.persons[static_cast<size_t>(child)];
  const SynthPerson& p = pop.persons[static_cast<size_t>(primary)];
  if (p.female()) {
    c.mother = primary;
    c.father = partner;
    if (partner != kNone && pop.persons[static_cast<size_t>(partner)].female()) {
      c.Set(PersonFlag::kMedmor);
    }
  } else {
    c.father = primary;
    c.mother = partner;
  }
  c.custody =
      partner != kNone ? Custody::kFelles : (p.female() ? Custody::kMother : Custody::kFather);
  int32_t name_from =
      c.father != kNone && !c.Has(PersonFlag::kMedmor) && rng.Chance(0.7) ? c.father : primary;
  c.family = pop.persons[static_cast<size_t>(name_from)].family;
  c.civil = CivilStatus::kUgift;
}

// Gives every member of `household` one address and, rarely, address protection.
void Settle(Population& pop, Rng& rng, int32_t household, int kommune, CivilDate reference,
            std::optional<CivilDate> moved_in) {
  auto members = pop.Members(household);
  int32_t youngest = reference.days() - 20 * 365;
  for (int32_t m : members)
    youngest = std::max(youngest, pop.persons[static_cast<size_t>(m)].birth);
  CivilDate date = moved_in.value_or(CivilDate::FromDays(
      std::max(youngest, reference.days() - static_cast<int32_t>(rng.Below(15 * 365)))));
  SynthAddress address = RandomAddress(rng, kommune, date);
  auto grading = registry::AddressProtection::kUgradert;
  if (rng.Chance(0.001)) {
    grading = rng.Chance(0.2) ? registry::AddressProtection::kStrengtFortrolig
                              : registry::AddressProtection::kFortrolig;
  }
  for (int32_t m : members) {
    pop.persons[static_cast<size_t>(m)].address = address;
    pop.persons[static_cast<size_t>(m)].protection = grading;
  }
}

}  // namespace

uint16_t PickGiven(Rng& rng, bool female) {
  return static_cast<uint16_t>(rng.Below(static_cast<uint32_t>(GivenNames(female).size())));
}

uint16_t PickFamily(Rng& rng) {
  auto n = static_cast<uint32_t>(FamilyNames().size());
  return static_cast<uint16_t>(std::min(rng.Below(n), rng.Below(n)));
}

Population GenerateKommune(uint64_t seed, int kommune, int64_t persons, CivilDate reference) {
  Rng rng = Rng::Derive(seed, 1, static_cast<uint64_t>(kommune));
  Population pop;
  pop.persons.reserve(static_cast<size_t>(persons));
  pop.households.reserve(static_cast<size_t>(persons / 2 + 1));
  AgePool pool;
  for (int64_t i = 0; i < persons; ++i) {
    AgeSex as = SampleAgeSex(rng);
    int32_t p = NewPerson(pop, rng, as.female, BirthDateForAge(rng, as.age, reference));
    pool.Add(as.female, as.age, p);
  }
  auto age = [&](int32_t p) { return AgeOf(pop.persons[static_cast<size_t>(p)], reference); };

  // Families with minors, youngest child first; older siblings join.
  for (int c = 0; c < 18; ++c) {
    for (int32_t child = pool.TakeEitherSex(rng, c); child != kNone;
         child = pool.TakeEitherSex(rng, c)) {
      double u = rng.Uniform();
      bool single_father = u < 0.04;
      bool single_mother = !single_father && u < 0.20;
      int at_birth = rng.Between(21, 40);
      int32_t primary = pool.Take(!single_father, c + at_birth, 8, c + 18, c + 46);
      if (primary == kNone) primary = pool.Take(!single_father, c + 30, 40, c + 18, 90);
      int32_t household = NewHousehold(pop);
      if (primary == kNone) {  // nobody left to be a parent: a minor alone (very rare)
        pop.AddToHousehold(household, child);
        Settle(pop, rng, household, kommune, reference, std::nullopt);
        continue;
      }
      int32_t partner = kNone;
      if (!single_father && !single_mother) {
        bool medmor = rng.Chance(0.015);
        int target = age(primary) +
                     (medmor ? rng.Between(-4, 4) : static_cast<int>(2.5 + 3.0 * rng.Normal()));
        partner = pool.Take(medmor, std::max(target, 18), 6, 18, 80);
        if (partner != kNone) FormCouple(pop, rng, primary, partner, reference);
      }
      if (partner == kNone)
        SetSingleCivil(pop.persons[static_cast<size_t>(primary)], rng, reference);
      pop.AddToHousehold(household, primary);
      if (partner != kNone) pop.AddToHousehold(household, partner);
      pop.AddToHousehold(household, child);
      LinkChild(pop, rng, child, primary, partner);
      double s = rng.Uniform();
      int siblings = s < 0.35 ? 0 : (s < 0.80 ? 1 : (s < 0.96 ? 2 : 3));
      int last = c;
      for (int k = 0; k < siblings; ++k) {
        int target = last + rng.Between(1, 5);
        if (target > 17 || age(primary) - target < 19) break;
        int32_t sib = pool.Take(rng.Chance(0.5), target, 1, last + 1, 17);
        if (sib == kNone) sib = pool.Take(rng.Chance(0.5), target, 1, last + 1, 17);
        if (sib == kNone) break;
        pop.AddToHousehold(household, sib);
        LinkChild(pop, rng, sib, primary, partner);
        last = age(sib);
      }
      Settle(pop, rng, household, kommune, reference, std::nullopt);
    }
  }

  // Couples without minors, then persons living alone.
  std::vector<int32_t> women = pool.Rest(true);
  for (size_t i = women.size(); i > 1; --i) {
    std::swap(women[i - 1], women[rng.Below(static_cast<uint32_t>(i))]);
  }
  std::vector<char> placed(pop.persons.size(), 0);
  for (int32_t w : women) {
    int a = age(w);
    double couple = a < 25 ? 0.3 : (a < 35 ? 0.65 : (a < 80 ? 0.75 : 0.35));
    if (!rng.Chance(couple)) continue;
    int32_t man =
        pool.Take(false, std::max(18, a + static_cast<int>(2 + 3 * rng.Normal())), 6, 18, kMaxAge);
    if (man == kNone) continue;
    placed[static_cast<size_t>(w)] = placed[static_cast<size_t>(man)] = 1;
    int32_t household = NewHousehold(pop);
    pop.AddToHousehold(household, w);
    pop.AddToHousehold(household, man);
    FormCouple(pop, rng, w, man, reference);
    Settle(pop, rng, household, kommune, reference, std::nullopt);
  }
  std::vector<int32_t> singles;
  for (int32_t w : women) {
    if (!placed[static_cast<size_t>(w)]) singles.push_back(w);
  }
  for (int32_t m : pool.Rest(false)) singles.push_back(m);
  for (int32_t s : singles) {
    SynthPerson& p = pop.persons[static_cast<size_t>(s)];
    SetSingleCivil(p, rng, reference);
    int a = AgeOf(p, reference);
    if (a >= 20 && a <= 60 && rng.Chance(0.025)) p.Set(PersonFlag::kDNumber);
    int32_t household = NewHousehold(pop);
    pop.AddToHousehold(household, s);
    Settle(pop, rng, household, kommune, reference, std::nullopt);
  }
  return pop;
}

int32_t AppendSmallHousehold(Population& pop, Rng& rng, int kommune, CivilDate reference) {
  int32_t household = NewHousehold(pop);
  double u = rng.Uniform();
  bool female = rng.Chance(0.5);
  int adult_age = rng.Between(u < 0.55 ? 19 : 24, u < 0.55 ? 45 : 42);
  int32_t first =
      NewPerson(pop, rng, u < 0.55 ? female : true, BirthDateForAge(rng, adult_age, reference));
  pop.AddToHousehold(household, first);
  if (u < 0.55) {
    SetSingleCivil(pop.persons[static_cast<size_t>(first)], rng, reference);
  } else {
    int partner_age = std::max(19, adult_age + rng.Between(-1, 5));
    int32_t partner = NewPerson(pop, rng, false, BirthDateForAge(rng, partner_age, reference));
    pop.AddToHousehold(household, partner);
    FormCouple(pop, rng, first, partner, reference);
    if (u >= 0.80) {
      int children = rng.Between(1, 2);
      for (int k = 0; k < children; ++k) {
        int child_age = rng.Between(0, std::min(17, adult_age - 21));
        int32_t child =
            NewPerson(pop, rng, rng.Chance(0.5), BirthDateForAge(rng, child_age, reference));
        pop.AddToHousehold(household, child);
        LinkChild(pop, rng, child, first, partner);
      }
    }
  }
  Settle(pop, rng, household, kommune, reference, std::nullopt);
  return household;
}

}  // namespace proaktiv::synth

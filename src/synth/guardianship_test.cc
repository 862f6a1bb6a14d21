#include "synth/guardianship.h"

#include <gtest/gtest.h>

#include "synth/baseline.h"
#include "synth/geography.h"
#include "synth/person_builder.h"

namespace proaktiv::synth {
namespace {

const CivilDate kFrom = *CivilDate::FromYmd(2024, 1, 1);

TEST(Guardianship, EveryCountyHasAnOffice) {
  for (const auto& k : Kommuner()) EXPECT_FALSE(EmbeteForCounty(k.county).empty()) << k.county;
  EXPECT_EQ(EmbeteForCounty("Oslo"), "statsforvalterenIOsloOgViken");
  EXPECT_EQ(EmbeteForCounty("Finnmark"), "statsforvalterenITromsOgFinnmark");
  EXPECT_TRUE(EmbeteForCounty("Viken").empty());
}

TEST(Guardianship, AShareOfAdultsMoreAmongTheOld) {
  auto k = ResolveKommuner(false, {"1106", "1103"});  // Haugesund and Stavanger, Rogaland
  ASSERT_TRUE(k);
  auto base = MakeBaseline(*k, kFrom, 9, 2, {});
  ASSERT_TRUE(base);
  const Population& pop = base->pop;
  int adults = 0, under = 0, working_age = 0, working_under = 0, old = 0, old_under = 0;
  for (size_t i = 0; i < pop.persons.size(); ++i) {
    const SynthPerson& p = pop.persons[i];
    int age = kFrom.YearsSince(p.birth_date());
    bool g = p.guardianship != 0;
    if (age < 18 || p.Has(PersonFlag::kDNumber)) {
      ASSERT_FALSE(g) << "age " << age;
      continue;
    }
    ++adults;
    under += g;
    if (age < 67) {
      ++working_age;
      working_under += g;
    } else if (age >= 80) {
      ++old;
      old_under += g;
    }
    if (!g) continue;
    registry::Person doc =
        BuildPerson(pop, static_cast<int32_t>(i), static_cast<int64_t>(i + 1), 0);
    ASSERT_EQ(doc.guardianship.size(), 1u);
    const registry::Guardianship& fact = doc.guardianship[0].value;
    EXPECT_EQ(fact.type, "voksen");
    EXPECT_EQ(fact.embete, "statsforvaltarenIRogaland");
    EXPECT_EQ(fact.scope, "personligeOgOekonomiskeInteresser");
    EXPECT_TRUE(doc.UnderGuardianship());
  }
  double share = static_cast<double>(under) / adults;
  EXPECT_NEAR(share, 0.008, 0.002);
  EXPECT_NEAR(static_cast<double>(working_under) / working_age, 0.006, 0.0015);
  EXPECT_NEAR(static_cast<double>(old_under) / old, 0.025, 0.008);

  // Deterministic: the same seed marks the same persons.
  auto again = MakeBaseline(*k, kFrom, 9, 1, {});
  ASSERT_TRUE(again);
  for (size_t i = 0; i < pop.persons.size(); ++i) {
    ASSERT_EQ(pop.persons[i].guardianship, again->pop.persons[i].guardianship) << i;
  }
}

}  // namespace
}  // namespace proaktiv::synth

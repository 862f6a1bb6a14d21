#include "synth/households.h"

#include <map>
#include <set>

#include <gtest/gtest.h>

#include "common/national_id.h"
#include "synth/baseline.h"
#include "synth/geography.h"

namespace proaktiv::synth {
namespace {

using registry::CivilStatus;

const CivilDate kFrom = *CivilDate::FromYmd(2024, 1, 1);

TEST(Baseline, UnknownKommuneIsNamed) {
  auto r = ResolveKommuner(false, {"0301", "9999"});
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("'9999'"), std::string::npos);
  EXPECT_EQ(ResolveKommuner(true, {})->size(), 357u);
}

TEST(Baseline, HouseholdsAreSaneAndIdentityNumbersValid) {
  auto k = ResolveKommuner(false, {"1127", "1151"});
  ASSERT_TRUE(k);
  auto base = MakeBaseline(*k, kFrom, 7, 2, {});
  ASSERT_TRUE(base);
  const Population& pop = base->pop;
  EXPECT_EQ(static_cast<int64_t>(pop.persons.size()), 11742 + 215);
  std::set<uint64_t> ids;
  int minors = 0;
  int elderly = 0;
  int d_numbers = 0;
  int felles = 0;
  for (size_t i = 0; i < pop.persons.size(); ++i) {
    const SynthPerson& p = pop.persons[i];
    ASSERT_TRUE(ids.insert(p.id).second);
    auto parsed = NationalId::Parse(IdString(p.id));
    ASSERT_TRUE(parsed) << parsed.error().message;
    EXPECT_TRUE(parsed->facts().synthetic);
    EXPECT_EQ(parsed->facts().birth_date, p.birth_date());
    EXPECT_EQ(parsed->facts().is_female(), p.female());
    d_numbers += parsed->facts().kind == IdKind::kDNumber;
    int age = kFrom.YearsSince(p.birth_date());
    ASSERT_GE(age, 0);
    ASSERT_LE(age, 106);
    elderly += age >= 67;
    if (age < 18) {
      ++minors;
      // Minors live with a parent who holds parental responsibility.
      ASSERT_NE(p.custody, Custody::kNone);
      int32_t holder = p.custody == Custody::kFather ? p.father : p.mother;
      if (holder == kNone) holder = p.father;
      ASSERT_NE(holder, kNone);
      const SynthPerson& parent = pop.persons[static_cast<size_t>(holder)];
      EXPECT_EQ(parent.household, p.household);
      int gap = p.birth_date().YearsSince(parent.birth_date());
      EXPECT_GE(gap, 17);
      EXPECT_LE(gap, 60);
      felles += p.custody == Custody::kFelles;
    }
    if (p.civil == CivilStatus::kGift) {
      ASSERT_NE(p.civil_related, kNone);
      const SynthPerson& spouse = pop.persons[static_cast<size_t>(p.civil_related)];
      EXPECT_EQ(spouse.civil_related, static_cast<int32_t>(i));
      EXPECT_EQ(spouse.civil, CivilStatus::kGift);
      EXPECT_EQ(spouse.household, p.household);
      EXPECT_GE(kFrom.YearsSince(p.birth_date()), 18);
    }
    EXPECT_EQ(
        p.address.kommune,
        pop.persons[static_cast<size_t>(pop.households[static_cast<size_t>(p.household)].first)]
            .address.kommune);
  }
  double n = static_cast<double>(pop.persons.size());
  EXPECT_NEAR(minors / n, 0.21, 0.04);   // SSB: about 21 % are under 18
  EXPECT_NEAR(elderly / n, 0.17, 0.04);  // and about 17 % are 67 or older
  EXPECT_NEAR(d_numbers / n, 0.005, 0.004);
  EXPECT_GT(felles, minors / 2);
  double household_size = n / static_cast<double>(pop.households.size());
  EXPECT_GT(household_size, 1.6);
  EXPECT_LT(household_size, 2.6);
}

TEST(Baseline, ThreadCountDoesNotChangeThePopulation) {
  auto k = ResolveKommuner(false, {"1151", "4629", "5043"});
  auto one = MakeBaseline(*k, kFrom, 3, 1, {});
  auto two = MakeBaseline(*k, kFrom, 3, 2, {});
  ASSERT_TRUE(one && two);
  ASSERT_EQ(one->pop.persons.size(), two->pop.persons.size());
  for (size_t i = 0; i < one->pop.persons.size(); ++i) {
    EXPECT_EQ(one->pop.persons[i].id, two->pop.persons[i].id);
    EXPECT_EQ(one->pop.persons[i].household, two->pop.persons[i].household);
  }
}

}  // namespace
}  // namespace proaktiv::synth

#include "synth/population_sampler.h"

#include <gtest/gtest.h>

#include "synth/geography.h"

namespace proaktiv::synth {
namespace {

TEST(PopulationSamplerTest, PicksKommunerInsideOrOutsideTheSelection) {
  Population pop;
  std::vector<char> selected(Kommuner().size(), 0);
  const int bergen = KommuneIndex("4601");
  ASSERT_GE(bergen, 0);
  selected[static_cast<size_t>(bergen)] = 1;
  Rng rng(5);
  PopulationSampler sampler(pop, selected, rng);
  EXPECT_TRUE(sampler.IsSelected(bergen));
  EXPECT_FALSE(sampler.IsSelected(-1));
  EXPECT_GT(sampler.outside_share(), 0.9);
  EXPECT_LT(sampler.outside_share(), 1.0);
  for (int i = 0; i < 200; ++i) {
    EXPECT_EQ(sampler.PickKommune(true, false, -1), bergen);
    const int outside = sampler.PickKommune(false, true, -1);
    EXPECT_NE(outside, bergen);
    EXPECT_NE(sampler.PickKommune(false, false, outside), outside);
  }
  // Only Bergen is selected and it may not be chosen: the draw gives up and says so.
  EXPECT_EQ(sampler.PickKommune(true, false, bergen), bergen);
}

TEST(PopulationSamplerTest, PicksOnlyActivePersonsItAccepts) {
  Population pop;
  pop.persons.resize(4);
  pop.persons[1].Set(PersonFlag::kDead);
  pop.persons[2].Set(PersonFlag::kLeft);
  std::vector<char> selected;
  Rng rng(9);
  PopulationSampler sampler(pop, selected, rng);
  EXPECT_FALSE(sampler.Active(kNone));
  EXPECT_FALSE(sampler.Active(1));
  EXPECT_FALSE(sampler.Active(2));
  for (int i = 0; i < 50; ++i) {
    const int32_t picked = sampler.Pick([](int32_t) { return 1.0; });
    EXPECT_TRUE(picked == 0 || picked == 3) << picked;
    EXPECT_EQ(sampler.Pick([](int32_t person) { return person == 3 ? 1.0 : 0.0; }), 3);
  }
  EXPECT_EQ(sampler.Pick([](int32_t) { return 0.0; }), kNone);
  Population empty;
  PopulationSampler none(empty, selected, rng);
  EXPECT_EQ(none.Pick([](int32_t) { return 1.0; }), kNone);
}

}  // namespace
}  // namespace proaktiv::synth

#include "synth/annulment_candidates.h"

#include <set>

#include <gtest/gtest.h>

namespace proaktiv::synth {
namespace {

TEST(AnnulmentCandidatesTest, TakesEachCandidateOnceAndKeepsTheKindsApart) {
  AnnulmentCandidates candidates;
  Rng rng(4);
  const Rng untouched = rng;
  EXPECT_FALSE(candidates.Take(UndoableKind::kName, rng));
  // Nothing was drawn for the empty list: the stream is where it was.
  Rng copy = untouched;
  EXPECT_EQ(rng.Below(1000), copy.Below(1000));

  for (int32_t person = 0; person < 5; ++person) {
    candidates.Add(UndoableKind::kAddress, Undoable{person, {}, {}, {}, 0, 0});
  }
  candidates.Add(UndoableKind::kName, Undoable{99, {}, {}, {}, 0, 0});
  std::set<int32_t> taken;
  while (auto u = candidates.Take(UndoableKind::kAddress, rng)) taken.insert(u->person);
  EXPECT_EQ(taken, (std::set<int32_t>{0, 1, 2, 3, 4}));
  auto name = candidates.Take(UndoableKind::kName, rng);
  ASSERT_TRUE(name);
  EXPECT_EQ(name->person, 99);
  EXPECT_FALSE(candidates.Take(UndoableKind::kName, rng));
}

}  // namespace
}  // namespace proaktiv::synth

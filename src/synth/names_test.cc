#include "synth/names.h"

#include <set>

#include <gtest/gtest.h>

namespace proaktiv::synth {
namespace {

TEST(NamesTest, StreetNamesAreDistinctAndCapitalised) {
  std::set<std::string> seen;
  for (int i = 0; i < StreetNameCount(); ++i) {
    std::string name = StreetName(i);
    ASSERT_FALSE(name.empty());
    unsigned char first = static_cast<unsigned char>(name[0]);
    EXPECT_TRUE((first >= 'A' && first <= 'Z') || first >= 0xC3) << name;  // Æ, Ø, Å are UTF-8
    EXPECT_TRUE(seen.insert(name).second) << name;
  }
}

TEST(NamesTest, GivenAndFamilyNamesAreNonEmpty) {
  for (bool female : {true, false}) {
    for (auto name : GivenNames(female)) EXPECT_FALSE(name.empty());
  }
  for (auto name : FamilyNames()) EXPECT_FALSE(name.empty());
}

}  // namespace
}  // namespace proaktiv::synth

#include "synth/identity_allocator.h"

#include <set>

#include <gtest/gtest.h>

#include "common/national_id.h"
#include "synth/population.h"

namespace proaktiv::synth {
namespace {

TEST(IdentityAllocator, GivesValidUniqueSyntheticNumbersWithTheRightDateAndSex) {
  IdentityAllocator ids;
  std::set<uint64_t> seen;
  for (int year : {1880, 1925, 1960, 1999, 2005, 2024}) {
    CivilDate birth = *CivilDate::FromYmd(year, 2, 28);
    for (bool d_number : {false, true}) {
      for (bool female : {false, true}) {
        for (int i = 0; i < 100; ++i) {
          auto id = ids.Next(birth, female, d_number);
          ASSERT_TRUE(id) << id.error().message;
          EXPECT_TRUE(seen.insert(*id).second);
          auto parsed = NationalId::Parse(IdString(*id));
          ASSERT_TRUE(parsed) << parsed.error().message;
          EXPECT_TRUE(parsed->facts().synthetic);
          EXPECT_EQ(parsed->facts().birth_date, birth);
          EXPECT_EQ(parsed->facts().is_female(), female);
          EXPECT_EQ(parsed->facts().kind, d_number ? IdKind::kDNumber : IdKind::kFodselsnummer);
        }
      }
    }
  }
}

TEST(IdentityAllocator, RunsOutWithAClearError) {
  IdentityAllocator ids;
  CivilDate birth = *CivilDate::FromYmd(2010, 5, 5);
  Result<uint64_t> id;
  int issued = 0;
  while ((id = ids.Next(birth, true, false))) ++issued;
  EXPECT_GT(issued, 180);  // 250 even numbers, about 1 in 6 refused
  EXPECT_LT(issued, 250);
  EXPECT_NE(id.error().message.find("no identity numbers left"), std::string::npos);
  EXPECT_FALSE(ids.Next(*CivilDate::FromYmd(1800, 1, 1), true, false));
}

}  // namespace
}  // namespace proaktiv::synth

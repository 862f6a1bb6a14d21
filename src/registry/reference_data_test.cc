#include <numeric>

#include <gtest/gtest.h>

#include "registry/event_type.h"
#include "registry/kommune.h"

namespace proaktiv::registry {
namespace {

TEST(ReferenceDataTest, AllKommunerOf2024) {
  auto all = AllKommuner();
  EXPECT_EQ(all.size(), 357u);
  int64_t people =
      std::accumulate(all.begin(), all.end(), int64_t{0},
                      [](int64_t sum, const Kommune& k) { return sum + k.population; });
  EXPECT_EQ(people, 5550203);
  const Kommune* oslo = FindKommune("0301");
  ASSERT_NE(oslo, nullptr);
  EXPECT_EQ(oslo->name, "Oslo");
  EXPECT_EQ(FindKommune("9999"), nullptr);
}

TEST(ReferenceDataTest, EventTypesOfTheRegister) {
  EXPECT_EQ(AllEventTypes().size(), 44u);
  const EventType* death = FindEventType("personErDoed");
  ASSERT_NE(death, nullptr);
  EXPECT_EQ(death->group, "status");
  EXPECT_EQ(FindEventType("endringIHobby"), nullptr);
}

}  // namespace
}  // namespace proaktiv::registry

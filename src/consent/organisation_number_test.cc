// Organisation numbers: mod-11 check digit with weights 3 2 7 6 5 4 3 2; errors name the field.

#include "consent/organisation_number.h"

#include <gtest/gtest.h>

namespace proaktiv::consent {
namespace {

TEST(OrganisationNumber, AcceptsValidNumbers) {
  for (const char* n : {"974760673", "937846231", "123456785", "987654325", "910000004"}) {
    EXPECT_TRUE(CheckOrganisationNumber(n)) << n;
  }
}

TEST(OrganisationNumber, RefusesWrongCheckDigitsAndShapes) {
  auto wrong = CheckOrganisationNumber("987654321");
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().message, "organisation number '987654321': the check digit should be 5");
  auto impossible = CheckOrganisationNumber("911111111");
  ASSERT_FALSE(impossible);
  EXPECT_NE(impossible.error().message.find("no check digit fits"), std::string::npos);
  EXPECT_FALSE(CheckOrganisationNumber("97476067"));
  EXPECT_FALSE(CheckOrganisationNumber("9747606730"));
  EXPECT_FALSE(CheckOrganisationNumber("97476067a"));
  EXPECT_FALSE(CheckOrganisationNumber(""));
}

}  // namespace
}  // namespace proaktiv::consent

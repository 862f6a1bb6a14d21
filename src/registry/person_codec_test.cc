#include "registry/person_codec.h"

#include <gtest/gtest.h>

#include "registry/entities.h"
#include "registry/testing/feed_builder.h"

namespace proaktiv::registry {
namespace {

Person Rich() {
  Person p = *PersonFromJson(testing::PersonDoc("10915596784", "1955-11-10", "0301"));
  p.relations.push_back({"r1", 7, {"13097248022", RelationRole::kBarn, RelationRole::kMor, {}}});
  p.relations.push_back(
      {"r2",
       8,
       {"", RelationRole::kDoedfoedtBarn, std::nullopt, CivilDate::Parse("2024-03-01").value()}});
  p.responsibility.push_back({"f1", 9, {Responsibility::kFelles, "", "13097248022"}});
  p.civil_status.facts.push_back(
      {"s1", 10, {CivilStatus::kEnkeEllerEnkemann, CivilDate::Parse("2020-01-01").value(), "x"}});
  p.protection.facts.push_back({"p1", 11, {AddressProtection::kStrengtFortrolig}});
  p.death.facts.push_back({"d1", 12, {CivilDate::Parse("1969-07-20").value()}});
  return p;
}

TEST(PersonCodecTest, RoundTripsEveryEntity) {
  Person p = Rich();
  std::string bytes = EncodePerson(p);
  auto back = DecodePerson(bytes);
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(boost::json::serialize(PersonToJson(*back)), boost::json::serialize(PersonToJson(p)));
  EXPECT_LT(bytes.size(), boost::json::serialize(PersonToJson(p)).size() / 3);
}

TEST(PersonCodecTest, RejectsCorruptBytes) {
  std::string bytes = EncodePerson(Rich());
  EXPECT_EQ(DecodePerson("").error().code, ErrorCode::kDataLoss);
  EXPECT_EQ(DecodePerson("\x07").error().message, "stored person: unknown format version 7");
  for (size_t cut = 1; cut < bytes.size(); ++cut) {
    EXPECT_FALSE(DecodePerson(bytes.substr(0, cut))) << "cut at " << cut;
  }
  EXPECT_FALSE(DecodePerson(bytes + "x"));
}

}  // namespace
}  // namespace proaktiv::registry

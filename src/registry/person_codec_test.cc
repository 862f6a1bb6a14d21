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
  p.guardianship.push_back({"v1",
                            13,
                            {"voksen",
                             "statsforvalterenIOsloOgViken",
                             "13097248022",
                             {"Ola", "", "Nordmann"},
                             "personligeOgOekonomiskeInteresser",
                             true}});
  p.guardianship.push_back({"v2", 14, {"forvaltningUtenforVergemaal", "", "", {}, "", false}});
  return p;
}

TEST(PersonCodecTest, RoundTripsEveryEntity) {
  Person p = Rich();
  std::string bytes = EncodePerson(p);
  auto back = DecodePerson(bytes);
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(boost::json::serialize(PersonToJson(*back)), boost::json::serialize(PersonToJson(p)));
  EXPECT_LT(bytes.size(), boost::json::serialize(PersonToJson(p)).size() / 3);
  EXPECT_EQ(bytes[0], '\x02');
  ASSERT_EQ(back->guardianship.size(), 2u);
  EXPECT_EQ(back->guardianship[0].value.guardian_name.family, "Nordmann");
  EXPECT_TRUE(back->guardianship[0].value.scope_within_personal);
  EXPECT_TRUE(back->UnderGuardianship());
}

// A record as format version 1 wrote it (before guardianship), byte for byte: it must still
// decode, with no guardianship, and is written back as version 2.
TEST(PersonCodecTest, DecodesVersionOneRecords) {
  using namespace std::string_literals;
  std::string v1 = "\x01"s;                         // format version 1
  v1 += "\x01\x02i1\x00\x0b"s + "10915596784\x01";  // identifikasjonsnummer "i1", sequence 0
  v1 += "\x01\x02n1\x06\x04Kari\x00\x08Nordmann"s;  // navn "n1", sequence 3 (zigzag 6)
  v1 += std::string(9, '\0');                       // the nine other lists, empty
  auto p = DecodePerson(v1);
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ(p->id(), "10915596784");
  EXPECT_EQ(p->name.current()->family, "Nordmann");
  EXPECT_EQ(p->name.facts[0].sequence, 3);
  EXPECT_TRUE(p->guardianship.empty());
  EXPECT_FALSE(p->UnderGuardianship());
  std::string v2 = EncodePerson(*p);
  EXPECT_EQ(v2, "\x02"s + v1.substr(1) + "\x00"s);  // version 2 appends the guardianship list
  auto back = DecodePerson(v2);
  ASSERT_TRUE(back);
  EXPECT_EQ(boost::json::serialize(PersonToJson(*back)), boost::json::serialize(PersonToJson(*p)));
  // A version 1 record carries no guardianship section: trailing bytes are corruption.
  EXPECT_FALSE(DecodePerson(v1 + "\x00"s));
}

TEST(PersonCodecTest, RejectsCorruptBytes) {
  std::string bytes = EncodePerson(Rich());
  EXPECT_EQ(DecodePerson("").error().code, ErrorCode::kDataLoss);
  EXPECT_EQ(DecodePerson("\x07").error().message, "stored person: unknown format version 7");
  EXPECT_EQ(DecodePerson("\x03").error().message, "stored person: unknown format version 3");
  EXPECT_EQ(DecodePerson(std::string(1, '\0')).error().message,
            "stored person: unknown format version 0");
  for (size_t cut = 1; cut < bytes.size(); ++cut) {
    EXPECT_FALSE(DecodePerson(bytes.substr(0, cut))) << "cut at " << cut;
  }
  EXPECT_FALSE(DecodePerson(bytes + "x"));
}

}  // namespace
}  // namespace proaktiv::registry

#include "engine/field_extractor.h"

#include <gtest/gtest.h>

#include "engine/audience.h"
#include "engine/test_persons.h"
#include "engine/testing/library_fixture.h"

namespace proaktiv::engine {
namespace {

using registry::RelationRole;
using testing::D;
using testing::MakePerson;

feel::Value Extract(const char* field, const registry::Person& p, const testing::Family& f,
                    const char* today) {
  const FieldExtractor* e = FindFieldExtractor(field);
  EXPECT_NE(e, nullptr) << field;
  PersonLookup lookup = f.Lookup();
  return e->extract(ExtractionContext{p, lookup, D(today)});
}

TEST(FieldExtractor, EveryExtractorIsACatalogField) {
  auto c = testing::LoadRepoCatalog();
  ASSERT_TRUE(c) << c.error().ToString();
  for (const FieldExtractor& e : AllFieldExtractors()) {
    EXPECT_NE(c->FindField(e.field_id), nullptr) << e.field_id;
  }
  for (const catalog::Field& field : c->fields()) {
    EXPECT_NE(FindFieldExtractor(field.id), nullptr) << field.id;
  }
}

TEST(FieldExtractor, PersonFields) {
  testing::Family f;
  registry::Person& p = f.Add(MakePerson("01018012345", "1980-01-31", "4601", "Kari"));
  EXPECT_EQ(Extract("person.age_years", p, f, "2025-01-30").ToString(), "44");
  EXPECT_EQ(Extract("person.age_years", p, f, "2025-01-31").ToString(), "45");
  EXPECT_EQ(Extract("person.age_months", p, f, "1980-03-30").ToString(), "1");
  EXPECT_EQ(Extract("person.birth_date", p, f, "2025-01-01").ToString(), "1980-01-31");
  EXPECT_EQ(Extract("person.residence.kommunenummer", p, f, "2025-01-01").ToString(), "4601");
  EXPECT_EQ(Extract("kommune.name", p, f, "2025-01-01").ToString(), "Bergen");
  EXPECT_EQ(Extract("person.status", p, f, "2025-01-01").ToString(), "bosatt");
  EXPECT_TRUE(Extract("person.residence.previous_kommunenummer", p, f, "2025-01-01").is_null());
  testing::Move(p, "0301", "2024-06-01");
  EXPECT_EQ(Extract("person.residence.previous_kommunenummer", p, f, "2025-01-01").ToString(),
            "4601");
  EXPECT_EQ(Extract("person.residence.moved_in", p, f, "2025-01-01").ToString(), "2024-06-01");
  EXPECT_EQ(Extract("person.name", p, f, "2025-01-01").AsContext().Find("full")->ToString(),
            "Kari Nordmann");
}

TEST(FieldExtractor, ProtectedAddressIsNeverRevealed) {
  testing::Family f;
  registry::Person& p = f.Add(MakePerson("01018012345", "1980-01-31", "4601", "Kari"));
  EXPECT_FALSE(Extract("person.residence.address", p, f, "2025-01-01").is_null());
  p.protection.facts.push_back(
      testing::F(registry::ProtectionFact{registry::AddressProtection::kStrengtFortrolig}));
  EXPECT_TRUE(Extract("person.residence.address", p, f, "2025-01-01").is_null());
  EXPECT_EQ(Extract("person.address_protection", p, f, "2025-01-01").ToString(),
            "strengtFortrolig");
}

TEST(FieldExtractor, FamilyFieldsAndAudience) {
  testing::Family f;
  f.Add(MakePerson("01018012345", "1980-01-01", "0301", "Kari"));
  f.Add(MakePerson("02028012345", "1980-02-02", "0301", "Ola"));
  f.Add(MakePerson("10102312345", "2023-10-10", "0301", "Emma"));
  f.ParentOf("01018012345", "10102312345", RelationRole::kMor);
  f.ParentOf("02028012345", "10102312345", RelationRole::kFar, /*responsibility=*/false);
  const registry::Person& child = f["10102312345"];

  feel::Value resp = Extract("person.parental_responsibility", child, f, "2025-01-01");
  ASSERT_EQ(resp.AsList().size(), 1u);
  EXPECT_EQ(resp.AsList()[0].AsContext().Find("role")->ToString(), "mor");
  EXPECT_EQ(Extract("person.parents", child, f, "2025-01-01").AsList().size(), 2u);
  feel::Value kids = Extract("person.children", f["01018012345"], f, "2025-01-01");
  ASSERT_EQ(kids.AsList().size(), 1u);
  EXPECT_EQ(kids.AsList()[0].AsContext().Find("age_years")->ToString(), "1");

  auto recipients = ResolveRecipients(Audience::kParentsWithResponsibility, child, f.Lookup());
  ASSERT_EQ(recipients.size(), 1u);
  EXPECT_EQ(recipients[0]->id(), "01018012345");

  testing::Die(f["01018012345"], "2025-02-01");
  EXPECT_TRUE(ResolveRecipients(Audience::kParentsWithResponsibility, child, f.Lookup()).empty());
  feel::Value deaths = Extract("person.family_deaths", child, f, "2025-03-01");
  ASSERT_EQ(deaths.AsList().size(), 1u);
  EXPECT_EQ(deaths.AsList()[0].AsContext().Find("relation")->ToString(), "mor");
  // Next of kin of the deceased mother: her child (the father is not related to her here).
  auto kin = ResolveSubjects(Subjects::kNextOfKin, f["01018012345"], f.Lookup());
  ASSERT_EQ(kin.size(), 1u);
  EXPECT_EQ(kin[0]->id(), "10102312345");
  EXPECT_TRUE(Extract("person.children", f["02028012345"], f, "2025-03-01").AsList().size() == 1);
}

}  // namespace
}  // namespace proaktiv::engine

#include "engine/guard.h"

#include <gtest/gtest.h>

#include "engine/test_persons.h"

namespace proaktiv::engine {
namespace {

using registry::AddressProtection;
using registry::RelationRole;
using testing::D;
using testing::Die;
using testing::Family;
using testing::MakePerson;

registry::Person Protected(registry::Person p, AddressProtection grading) {
  p.protection.facts.push_back(testing::F(registry::ProtectionFact{grading}));
  return p;
}

TEST(Guard, NeverAnOfferAboutADeceasedPerson) {
  auto child = MakePerson("01012512345", "2025-01-01", "4601", "Ola");
  EXPECT_TRUE(CheckSubject(child).proceed());
  Die(child, "2025-06-01");
  GuardVerdict v = CheckSubject(child);
  EXPECT_EQ(v.action, GuardVerdict::Action::kHold);
  EXPECT_EQ(v.reason, "subject-deceased");
}

TEST(Guard, AChildsDeathGoesToACaseworker) {
  auto child = MakePerson("01012012345", "2020-01-01", "4601", "Emil");
  Die(child, "2026-01-05");
  EXPECT_EQ(CheckCause(&child, D("2026-01-19")).reason, "child-death");
  auto adult = MakePerson("01014812345", "1948-01-01", "4601", "Knut");
  Die(adult, "2026-01-05");
  EXPECT_TRUE(CheckCause(&adult, D("2026-01-19")).proceed());
  EXPECT_TRUE(CheckCause(nullptr, D("2026-01-19")).proceed());
}

TEST(Guard, ARecipientWhoLostAChildWithinAYearGoesToACaseworker) {
  Family f;
  auto& mother = f.Add(MakePerson("01019012345", "1990-01-01", "4601", "Mari"));
  mother.relations.push_back(testing::F(registry::FamilyRelation{
      "", RelationRole::kDoedfoedtBarn, RelationRole::kMor, D("2026-01-03")}));
  EXPECT_EQ(CheckRecipient(mother, D("2026-01-18"), f.Lookup()).reason, "stillbirth");
  EXPECT_TRUE(CheckRecipient(mother, D("2027-01-04"), f.Lookup()).proceed());

  auto& father = f.Add(MakePerson("01018812345", "1988-01-01", "4601", "Tor"));
  auto& son = f.Add(MakePerson("01012012346", "2020-01-01", "4601", "Emil"));
  Die(son, "2026-02-01");
  testing::Relate(father, son, RelationRole::kBarn);
  EXPECT_TRUE(CheckRecipient(father, D("2026-01-31"), f.Lookup()).proceed());
  EXPECT_EQ(CheckRecipient(father, D("2026-02-10"), f.Lookup()).reason, "child-death");
}

TEST(Guard, FindsAProtectedAddressInAText) {
  auto guro = Protected(MakePerson("01018912345", "1989-01-01", "4601", "Guro"),
                        AddressProtection::kStrengtFortrolig);
  auto open = MakePerson("01018712345", "1987-01-01", "4601", "Tor");
  std::vector<const registry::Person*> involved = {&guro, &open};
  EXPECT_TRUE(LeaksProtectedAddress("Vi kommer til Storgata 1 i morgen.", involved));
  EXPECT_TRUE(LeaksProtectedAddress("Postadresse 0155 OSLO", involved));
  EXPECT_FALSE(LeaksProtectedAddress("Hei Guro! Barnehageplass i Bergen.", involved));
  // The same text about an unprotected person is not a leak.
  std::vector<const registry::Person*> only_open = {&open};
  EXPECT_FALSE(LeaksProtectedAddress("Vi kommer til Storgata 1 i morgen.", only_open));
}

}  // namespace
}  // namespace proaktiv::engine

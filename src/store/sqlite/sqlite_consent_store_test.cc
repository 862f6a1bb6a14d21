// The consent tables: consumers are kept and replaced; a consent and its events round-trip;
// a state change is compare-and-set (a second change from the same state does nothing); a
// client assertion id is accepted once until it expires; the schema refuses unknown states and
// malformed consumers; the tables share the registry's transaction.

#include <gtest/gtest.h>

#include "store/store.h"

namespace proaktiv::store {
namespace {

class ConsentStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = OpenSqliteStore(":memory:");
    ASSERT_TRUE(s) << s.error().message;
    store_ = std::move(*s);
    ASSERT_TRUE(consent().PutConsumer(Bank()));
  }

  static ConsumerRecord Bank() {
    return ConsumerRecord{
        "937846231", "Sparebanken Test", {"credit-assessment"}, std::string(32, 'k'), 1000};
  }
  static ConsentRecord AConsent(std::string id, int64_t person, int64_t created) {
    ConsentRecord c;
    c.id = std::move(id);
    c.person_key = person;
    c.consumer = "937846231";
    c.items = {"person.name", "person.residence.address"};
    c.purpose = "credit-assessment";
    c.message_nb = "Lånesøknad";
    c.message_en = "Loan application";
    c.created_ms = created;
    c.valid_to_ms = created + 86'400'000;
    c.single_use = true;
    c.state = "created";
    c.updated_ms = created;
    return c;
  }
  static ConsentEventRecord Created(const ConsentRecord& c) {
    return {c.id, "", "created", "consumer", c.consumer, c.created_ms};
  }

  ConsentStore& consent() { return store_->consent(); }
  std::unique_ptr<RegistryStore> store_;
};

TEST_F(ConsentStoreTest, ConsumersAreKeptAndReplaced) {
  auto found = consent().FindConsumer("937846231");
  ASSERT_TRUE(found) << found.error().message;
  ASSERT_TRUE(*found);
  EXPECT_EQ((*found)->name, "Sparebanken Test");
  EXPECT_EQ((*found)->purposes, std::vector<std::string>{"credit-assessment"});
  EXPECT_EQ((*found)->public_key, std::string(32, 'k'));
  ConsumerRecord renamed = Bank();
  renamed.name = "Sparebanken Ny";
  renamed.purposes = {"credit-assessment", "welcome-information"};
  ASSERT_TRUE(consent().PutConsumer(renamed));
  auto all = consent().Consumers();
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ(all->front().name, "Sparebanken Ny");
  EXPECT_EQ(all->front().purposes.size(), 2u);
  auto unknown = consent().FindConsumer("123456785");
  ASSERT_TRUE(unknown);
  EXPECT_FALSE(*unknown);
}

TEST_F(ConsentStoreTest, SchemaRefusesMalformedConsumers) {
  ConsumerRecord short_key = Bank();
  short_key.public_key = "abc";
  EXPECT_FALSE(consent().PutConsumer(short_key));
  ConsumerRecord bad_number = Bank();
  bad_number.org_number = "12345";
  EXPECT_FALSE(consent().PutConsumer(bad_number));
}

TEST_F(ConsentStoreTest, ConsentAndEventsRoundTrip) {
  const ConsentRecord c = AConsent("c1", 7, 5000);
  ASSERT_TRUE(consent().InsertConsent(c, Created(c)));
  auto found = consent().FindConsent("c1");
  ASSERT_TRUE(found && *found);
  const ConsentRecord& f = **found;
  EXPECT_EQ(f.person_key, 7);
  EXPECT_EQ(f.items, c.items);
  EXPECT_EQ(f.message_nb, "Lånesøknad");
  EXPECT_EQ(f.message_nn, "");
  EXPECT_EQ(f.valid_to_ms, c.valid_to_ms);
  EXPECT_TRUE(f.single_use);
  EXPECT_EQ(f.state, "created");
  EXPECT_FALSE(*consent().FindConsent("c2"));

  auto events = consent().Events("c1");
  ASSERT_TRUE(events);
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].from_state, "");
  EXPECT_EQ((*events)[0].actor_kind, "consumer");
}

TEST_F(ConsentStoreTest, StateChangesAreCompareAndSet) {
  const ConsentRecord c = AConsent("c1", 7, 5000);
  ASSERT_TRUE(consent().InsertConsent(c, Created(c)));
  auto accepted = consent().ChangeState({"c1", "created", "accepted", "citizen", "7", 6000});
  ASSERT_TRUE(accepted) << accepted.error().message;
  EXPECT_TRUE(*accepted);
  // A second change from "created" finds the consent moved on.
  auto again = consent().ChangeState({"c1", "created", "rejected", "citizen", "7", 6001});
  ASSERT_TRUE(again);
  EXPECT_FALSE(*again);
  auto found = consent().FindConsent("c1");
  EXPECT_EQ((*found)->state, "accepted");
  EXPECT_EQ((*found)->updated_ms, 6000);
  auto events = consent().Events("c1");
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ((*events)[1].from_state, "created");
  EXPECT_EQ((*events)[1].to_state, "accepted");
  EXPECT_EQ((*events)[1].actor_id, "7");
  EXPECT_EQ((*events)[1].time_ms, 6000);
  // The schema refuses a state it does not know.
  EXPECT_FALSE(consent().ChangeState({"c1", "accepted", "paused", "citizen", "7", 6002}));
}

TEST_F(ConsentStoreTest, ConsentsForAPersonNewestFirst) {
  for (auto [id, person, created] : {std::tuple{"a", 7, 100}, {"b", 8, 200}, {"c", 7, 300}}) {
    const ConsentRecord c = AConsent(id, person, created);
    ASSERT_TRUE(consent().InsertConsent(c, Created(c)));
  }
  auto mine = consent().ConsentsForPerson(7);
  ASSERT_TRUE(mine);
  ASSERT_EQ(mine->size(), 2u);
  EXPECT_EQ((*mine)[0].id, "c");
  EXPECT_EQ((*mine)[1].id, "a");
  EXPECT_TRUE(consent().ConsentsForPerson(9)->empty());
}

TEST_F(ConsentStoreTest, AnAssertionIdIsAcceptedOnceUntilItExpires) {
  EXPECT_TRUE(*consent().RememberAssertion("937846231", "j1", 2000, 1000));
  EXPECT_FALSE(*consent().RememberAssertion("937846231", "j1", 2000, 1500));
  // Another client may use the same jti.
  EXPECT_TRUE(*consent().RememberAssertion("123456785", "j1", 2000, 1500));
  // Once expired it is forgotten (the assertion itself is refused by its exp by then).
  EXPECT_TRUE(*consent().RememberAssertion("937846231", "j1", 4000, 2500));
}

TEST_F(ConsentStoreTest, SharesTheRegistrysTransaction) {
  const ConsentRecord c = AConsent("c1", 7, 5000);
  ASSERT_TRUE(store_->Begin());
  ASSERT_TRUE(consent().InsertConsent(c, Created(c)));
  ASSERT_TRUE(store_->Rollback());
  EXPECT_FALSE(*consent().FindConsent("c1"));
}

}  // namespace
}  // namespace proaktiv::store

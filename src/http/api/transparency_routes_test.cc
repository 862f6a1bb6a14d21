// The transparency routes: a citizen lists only their own entries, newest first and paged;
// the proof of their entry verifies client-side exactly as docs/openapi.yaml describes
// (commitment, leaf hash, inclusion proof, signed checkpoint); another citizen's entry is 404;
// a staff principal is not a citizen; the public checkpoint and consistency routes verify.

#include "http/api/transparency_routes.h"

#include "audit/checkpoint.h"
#include "audit/merkle.h"
#include "audit/store_access_recorder.h"
#include "http/api/citizen_api_testing.h"

namespace proaktiv::http::api {
namespace {

using testing::ApiTest;

audit::Hash HashOf(const boost::json::value& v) {
  auto bytes = audit::FromBase64(std::string(v.as_string()), "hash");
  EXPECT_TRUE(bytes && bytes->size() == 32);
  audit::Hash h{};
  if (bytes && bytes->size() == 32) std::copy(bytes->begin(), bytes->end(), h.begin());
  return h;
}

std::string Bytes(const boost::json::value& v) {
  auto bytes = audit::FromBase64(std::string(v.as_string()), "bytes");
  EXPECT_TRUE(bytes);
  return bytes ? *bytes : "";
}

class TransparencyApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    MakeFamilies();
    key_ = std::make_shared<const audit::SigningKey>(
        *audit::SigningKey::FromSeed(std::string(32, 'k')));
    RegisterTransparencyRoutes(router_, *context_,
                               TransparencyOptions{key_, std::string(audit::kDefaultOrigin)});
    audit::StoreAccessRecorder recorder(*store_);
    for (int i = 0; i < 7; ++i) {
      audit::AccessRecord r;
      r.actor_kind = i % 2 ? audit::ActorKind::kConsumer : audit::ActorKind::kCaseworker;
      r.actor_id = i % 2 ? "910000001" : "saksbehandler-7";
      r.actor_name = i % 2 ? "Sparebanken Test" : "Bergen kommune";
      r.subject_key = keys_.at(i < 5 ? kari_ : siv_);
      r.items = {"person.birth_date"};
      r.purpose = "kindergarten-offer";
      r.legal_basis = "barnehageloven § 16";
      r.reference = "test:" + std::to_string(i);
      r.time_unix_ms = 1'760'000'000'000 + i;
      ASSERT_TRUE(recorder.Record(r));
    }
  }
  std::shared_ptr<const audit::SigningKey> key_;
};

TEST_F(TransparencyApiTest, CitizenListsOwnEntriesNewestFirstInPages) {
  Response first = Get("/api/v1/me/access-log?limit=3", Citizen(kari_));
  ASSERT_EQ(first.status, 200) << first.body;
  boost::json::value page = Json(first);
  const auto& entries = page.at("entries").as_array();
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].at("seq").as_int64(), 4);
  EXPECT_EQ(entries[2].at("seq").as_int64(), 2);
  EXPECT_EQ(page.at("total").as_int64(), 5);
  EXPECT_EQ(entries[0].at("actor").at("name").as_string(), "Bergen kommune");
  EXPECT_EQ(entries[0].at("legal_basis").as_string(), "barnehageloven § 16");
  EXPECT_EQ(entries[0].at("time").as_string(), "2025-10-09T08:53:20.004Z");
  const int64_t next = page.at("next_before").as_int64();
  Response second =
      Get("/api/v1/me/access-log?limit=3&before=" + std::to_string(next), Citizen(kari_));
  boost::json::value rest = Json(second);
  ASSERT_EQ(rest.at("entries").as_array().size(), 2u);
  EXPECT_TRUE(rest.at("next_before").is_null());
  // Siv sees hers only.
  EXPECT_EQ(Json(Get("/api/v1/me/access-log", Citizen(siv_))).at("total").as_int64(), 2);
  EXPECT_EQ(Get("/api/v1/me/access-log?limit=0", Citizen(kari_)).status, 422);
  EXPECT_EQ(Get("/api/v1/me/access-log?before=x", Citizen(kari_)).status, 422);
}

TEST_F(TransparencyApiTest, ProofVerifiesClientSide) {
  Response r = Get("/api/v1/me/access-log/3/proof", Citizen(kari_));
  ASSERT_EQ(r.status, 200) << r.body;
  boost::json::value proof = Json(r);
  // commitment = SHA-256(salt ‖ entry bytes); leaf = SHA-256(0x00 ‖ commitment).
  const std::string entry(proof.at("entry").as_string());
  const audit::Hash commitment = audit::Sha256(Bytes(proof.at("salt")), entry);
  EXPECT_EQ(commitment, HashOf(proof.at("commitment")));
  const audit::Hash leaf = audit::LeafHash(audit::AsBytes(commitment));
  std::vector<audit::Hash> path;
  for (const auto& h : proof.at("inclusion_proof").as_array()) path.push_back(HashOf(h));
  // The checkpoint's note is signed by the published key and names the root.
  Response published = Get("/api/v1/transparency/checkpoint", Principal{});
  ASSERT_EQ(published.status, 200) << published.body;
  const std::string public_key = Bytes(Json(published).at("public_key"));
  EXPECT_EQ(public_key, key_->public_key());
  auto checkpoint =
      audit::OpenCheckpoint(std::string(proof.at("checkpoint").at("note").as_string()), public_key);
  ASSERT_TRUE(checkpoint) << checkpoint.error().message;
  EXPECT_EQ(checkpoint->tree_size, 7);
  EXPECT_TRUE(audit::VerifyInclusion(3, checkpoint->tree_size, leaf, path, checkpoint->root));
  EXPECT_FALSE(audit::VerifyInclusion(2, checkpoint->tree_size, leaf, path, checkpoint->root));
}

TEST_F(TransparencyApiTest, AnotherCitizensEntryIsNotFound) {
  EXPECT_EQ(Get("/api/v1/me/access-log/5/proof", Citizen(siv_)).status, 200);
  Response theirs = Get("/api/v1/me/access-log/5/proof", Citizen(kari_));
  EXPECT_EQ(theirs.status, 404);
  EXPECT_EQ(Code(theirs), "not-found");
  EXPECT_EQ(Get("/api/v1/me/access-log/99/proof", Citizen(kari_)).status, 404);
  EXPECT_EQ(Get("/api/v1/me/access-log/x/proof", Citizen(kari_)).status, 422);
  // Ola (a child with no entries of his own in this test) sees none of his mother's.
  EXPECT_EQ(Json(Get("/api/v1/me/access-log", Citizen(ola_))).at("total").as_int64(), 0);
}

TEST_F(TransparencyApiTest, StaffAndAnonymousAreNotCitizens) {
  EXPECT_EQ(Get("/api/v1/me/access-log", Intake()).status, 401);
  EXPECT_EQ(Get("/api/v1/me/access-log/0/proof", Intake()).status, 401);
  EXPECT_EQ(Get("/api/v1/me/access-log", Principal{}).status, 401);
  EXPECT_EQ(last_route_->options.access, Access::kCitizen);
}

TEST_F(TransparencyApiTest, PublicCheckpointAndConsistencyVerify) {
  EXPECT_EQ(Get("/api/v1/transparency/checkpoint", Principal{}).status, 404);   // none yet
  ASSERT_EQ(Get("/api/v1/me/access-log/1/proof", Citizen(kari_)).status, 200);  // signs size 7
  audit::StoreAccessRecorder recorder(*store_);
  audit::AccessRecord more;
  more.actor_id = "proaktiv-engine";
  more.subject_key = keys_.at(kari_);
  more.purpose = "kindergarten-offer";
  more.legal_basis = "barnehageloven § 16";
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(recorder.Record(more));
  ASSERT_EQ(Get("/api/v1/me/access-log/10/proof", Citizen(kari_)).status, 200);  // size 11
  boost::json::value latest = Json(Get("/api/v1/transparency/checkpoint", Intake()));
  EXPECT_EQ(latest.at("checkpoint").at("tree_size").as_int64(), 11);
  EXPECT_EQ(last_route_->options.access, Access::kPublic);

  Response r = Get("/api/v1/transparency/consistency?from=7&to=11", Principal{});
  ASSERT_EQ(r.status, 200) << r.body;
  boost::json::value c = Json(r);
  std::vector<audit::Hash> proof;
  for (const auto& h : c.at("proof").as_array()) proof.push_back(HashOf(h));
  EXPECT_TRUE(audit::VerifyConsistency(7, 11, HashOf(c.at("from_root")),
                                       HashOf(latest.at("checkpoint").at("root_hash")), proof));
  EXPECT_EQ(Get("/api/v1/transparency/consistency?from=9&to=12", Principal{}).status, 422);
  EXPECT_EQ(Get("/api/v1/transparency/consistency?from=9", Principal{}).status, 422);
}

TEST_F(TransparencyApiTest, EngineDecisionsAreLoggedForTheSubject) {
  RunEngine();
  boost::json::value log = Json(Get("/api/v1/me/access-log", Citizen(ola_)));
  const auto& entries = log.at("entries").as_array();
  ASSERT_FALSE(entries.empty()) << log;
  auto found = std::find_if(entries.begin(), entries.end(), [](const boost::json::value& e) {
    return e.at("purpose") == "kindergarten-offer";
  });
  ASSERT_NE(found, entries.end()) << log;
  const boost::json::value& kindergarten = *found;
  EXPECT_EQ(kindergarten.at("actor").at("kind").as_string(), "engine");
  EXPECT_EQ(kindergarten.at("purpose").as_string(), "kindergarten-offer");
  EXPECT_EQ(kindergarten.at("legal_basis").as_string(), "barnehageloven § 16");
  EXPECT_EQ(kindergarten.at("reference").as_string().subview().substr(0, 28),
            "decision:kindergarten-place/");
  const auto& items = kindergarten.at("items").as_array();
  EXPECT_NE(std::find(items.begin(), items.end(), boost::json::value("person.birth_date")),
            items.end());
}

}  // namespace
}  // namespace proaktiv::http::api

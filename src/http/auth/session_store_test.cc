#include "http/auth/session_store.h"

#include <gtest/gtest.h>

namespace proaktiv::http::auth {
namespace {

using namespace std::chrono_literals;

Principal Citizen() {
  Principal p;
  p.kind = Principal::Kind::kCitizen;
  p.subject = "sub";
  return p;
}

TEST(SessionStoreTest, CreatesRandomSessionsWithCsrfTokens) {
  FakeClock clock(std::chrono::system_clock::time_point(1000000s));
  SessionStore store(clock);
  auto a = store.Create(Citizen());
  auto b = store.Create(Citizen());
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->session_id.size(), 43u);  // 256 bits
  EXPECT_NE(a->session_id, b->session_id);
  EXPECT_NE(a->csrf_token, a->session_id);
  auto found = store.Find(a->session_id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->csrf_token, a->csrf_token);
  EXPECT_EQ(found->subject, "sub");
  store.Remove(a->session_id);
  EXPECT_FALSE(store.Find(a->session_id));
  EXPECT_TRUE(store.Find(b->session_id));
}

TEST(SessionStoreTest, EndsIdleAndOldSessions) {
  FakeClock clock(std::chrono::system_clock::time_point(1000000s));
  SessionStore store(clock, SessionLimits{.idle = 30min, .absolute = 2h});
  auto s = store.Create(Citizen());
  for (int i = 0; i < 4; ++i) {
    clock.Advance(29min);
    EXPECT_TRUE(store.Find(s->session_id)) << i;  // use keeps it alive
  }
  clock.Advance(5min);  // 2h01 after creation
  EXPECT_FALSE(store.Find(s->session_id));
  auto idle = store.Create(Citizen());
  clock.Advance(31min);
  EXPECT_FALSE(store.Find(idle->session_id));
  EXPECT_EQ(store.size(), 0u);
}

TEST(SessionStoreTest, RefusesBeyondTheLimitAfterSweeping) {
  FakeClock clock(std::chrono::system_clock::time_point(1000000s));
  SessionStore store(clock, SessionLimits{.idle = 1min, .max_sessions = 2});
  ASSERT_TRUE(store.Create(Citizen()));
  ASSERT_TRUE(store.Create(Citizen()));
  EXPECT_FALSE(store.Create(Citizen()));
  clock.Advance(2min);
  EXPECT_TRUE(store.Create(Citizen()));  // the expired ones were swept
}

TEST(SessionStoreTest, PendingLoginsWorkOnceAndExpire) {
  FakeClock clock(std::chrono::system_clock::time_point(1000000s));
  SessionStore store(clock);
  ASSERT_TRUE(store.PutPending("state-1", {"verifier", "nonce", "/me"}));
  auto taken = store.TakePending("state-1");
  ASSERT_TRUE(taken);
  EXPECT_EQ(taken->return_to, "/me");
  EXPECT_FALSE(store.TakePending("state-1"));
  ASSERT_TRUE(store.PutPending("state-2", {"v", "n", "/"}));
  clock.Advance(10min);
  EXPECT_FALSE(store.TakePending("state-2"));
}

}  // namespace
}  // namespace proaktiv::http::auth

// The consent life cycle: what the citizen may do from each state, what the system may do, and
// that final states stay final.

#include "consent/consent_state.h"

#include <gtest/gtest.h>

namespace proaktiv::consent {
namespace {

using S = ConsentState;
using A = CitizenAction;

TEST(ConsentState, NamesRoundTrip) {
  for (S s :
       {S::kCreated, S::kOpened, S::kAccepted, S::kRejected, S::kRevoked, S::kExpired, S::kUsed}) {
    EXPECT_EQ(*ParseConsentState(Name(s)), s);
  }
  EXPECT_FALSE(ParseConsentState("paused"));
  EXPECT_EQ(*ParseCitizenAction("revoke"), A::kRevoke);
  auto bad = ParseCitizenAction("delete");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message, "action 'delete' is not one of open, accept, reject, revoke");
}

TEST(ConsentState, CitizenActions) {
  EXPECT_EQ(**ApplyAction(S::kCreated, A::kOpen), S::kOpened);
  EXPECT_EQ(*ApplyAction(S::kOpened, A::kOpen), std::nullopt);
  EXPECT_EQ(*ApplyAction(S::kAccepted, A::kOpen), std::nullopt);
  EXPECT_EQ(**ApplyAction(S::kCreated, A::kAccept), S::kAccepted);
  EXPECT_EQ(**ApplyAction(S::kOpened, A::kAccept), S::kAccepted);
  EXPECT_EQ(**ApplyAction(S::kOpened, A::kReject), S::kRejected);
  EXPECT_EQ(**ApplyAction(S::kAccepted, A::kRevoke), S::kRevoked);
  auto revoked = ApplyAction(S::kRevoked, A::kAccept);
  ASSERT_FALSE(revoked);
  EXPECT_EQ(revoked.error().message, "a consent that is revoked cannot be accepted");
  EXPECT_FALSE(ApplyAction(S::kOpened, A::kRevoke));
  EXPECT_FALSE(ApplyAction(S::kAccepted, A::kReject));
  EXPECT_FALSE(ApplyAction(S::kUsed, A::kRevoke));
}

TEST(ConsentState, SystemTransitionsAndFinalStates) {
  EXPECT_TRUE(CanTransition(S::kAccepted, S::kUsed));
  EXPECT_TRUE(CanTransition(S::kAccepted, S::kExpired));
  EXPECT_TRUE(CanTransition(S::kCreated, S::kExpired));
  EXPECT_FALSE(CanTransition(S::kOpened, S::kUsed));
  for (S final : {S::kRejected, S::kRevoked, S::kExpired, S::kUsed}) {
    EXPECT_TRUE(IsFinal(final));
    for (S to : {S::kCreated, S::kOpened, S::kAccepted, S::kRevoked, S::kExpired, S::kUsed}) {
      EXPECT_FALSE(CanTransition(final, to)) << Name(final) << " → " << Name(to);
    }
  }
  EXPECT_TRUE(IsPending(S::kOpened));
  EXPECT_FALSE(IsPending(S::kAccepted));
}

}  // namespace
}  // namespace proaktiv::consent

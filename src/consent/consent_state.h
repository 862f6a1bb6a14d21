#pragma once

// The life of a consent:
//
//   created ──open──▶ opened ──accept──▶ accepted ──revoke──▶ revoked
//      │                 │                   ├──── use ─────▶ used      (single use, one fetch)
//      ├──accept─────────┼──────────▶        └──── expire ──▶ expired   (valid-to passed)
//      ├──reject / expire┴──▶ rejected / expired
//
// The citizen opens, accepts, rejects and revokes; proaktiv (the "system") marks a consent
// expired when its valid-to time has passed and used after a single-use consent's one fetch.
// Rejected, revoked, expired and used are final. Every transition is recorded with who and
// when (store::ConsentEventRecord). Pure functions; thread-safe.

#include <optional>
#include <string_view>

#include "common/result.h"

namespace proaktiv::consent {

enum class ConsentState { kCreated, kOpened, kAccepted, kRejected, kRevoked, kExpired, kUsed };

// "created", "opened", "accepted", "rejected", "revoked", "expired", "used".
std::string_view Name(ConsentState state);
Result<ConsentState> ParseConsentState(std::string_view name);

// What a citizen may do to a consent.
enum class CitizenAction { kOpen, kAccept, kReject, kRevoke };
std::string_view Name(CitizenAction action);  // "open", "accept", "reject", "revoke"
Result<CitizenAction> ParseCitizenAction(std::string_view name);

bool IsFinal(ConsentState state);
// True while the consent still waits for the citizen's answer (created, opened).
bool IsPending(ConsentState state);
bool CanTransition(ConsentState from, ConsentState to);

// The state `action` leads to from `from`; FailedPrecondition naming both when it may not
// ("a consent that is revoked cannot be accepted"). Opening an opened consent is allowed and
// leads nowhere new (the caller records nothing): the result is nullopt.
Result<std::optional<ConsentState>> ApplyAction(ConsentState from, CitizenAction action);

}  // namespace proaktiv::consent

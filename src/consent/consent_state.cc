#include "consent/consent_state.h"

#include <array>
#include <utility>

#include <fmt/format.h>

namespace proaktiv::consent {
namespace {

constexpr std::array<std::pair<ConsentState, std::string_view>, 7> kStates = {{
    {ConsentState::kCreated, "created"},
    {ConsentState::kOpened, "opened"},
    {ConsentState::kAccepted, "accepted"},
    {ConsentState::kRejected, "rejected"},
    {ConsentState::kRevoked, "revoked"},
    {ConsentState::kExpired, "expired"},
    {ConsentState::kUsed, "used"},
}};

constexpr std::array<std::pair<CitizenAction, std::string_view>, 4> kActions = {{
    {CitizenAction::kOpen, "open"},
    {CitizenAction::kAccept, "accept"},
    {CitizenAction::kReject, "reject"},
    {CitizenAction::kRevoke, "revoke"},
}};

}  // namespace

std::string_view Name(ConsentState state) {
  for (const auto& [s, name] : kStates) {
    if (s == state) return name;
  }
  return "unknown";
}

Result<ConsentState> ParseConsentState(std::string_view name) {
  for (const auto& [s, n] : kStates) {
    if (n == name) return s;
  }
  return InvalidArgument(fmt::format("consent state '{}' is not known", name.substr(0, 20)));
}

std::string_view Name(CitizenAction action) {
  for (const auto& [a, name] : kActions) {
    if (a == action) return name;
  }
  return "unknown";
}

Result<CitizenAction> ParseCitizenAction(std::string_view name) {
  for (const auto& [a, n] : kActions) {
    if (n == name) return a;
  }
  return InvalidArgument(
      fmt::format("action '{}' is not one of open, accept, reject, revoke", name.substr(0, 20)));
}

bool IsFinal(ConsentState s) {
  return s == ConsentState::kRejected || s == ConsentState::kRevoked ||
         s == ConsentState::kExpired || s == ConsentState::kUsed;
}

bool IsPending(ConsentState s) { return s == ConsentState::kCreated || s == ConsentState::kOpened; }

bool CanTransition(ConsentState from, ConsentState to) {
  using S = ConsentState;
  switch (from) {
    case S::kCreated:
      return to == S::kOpened || to == S::kAccepted || to == S::kRejected || to == S::kExpired;
    case S::kOpened:
      return to == S::kAccepted || to == S::kRejected || to == S::kExpired;
    case S::kAccepted:
      return to == S::kRevoked || to == S::kExpired || to == S::kUsed;
    default:
      return false;
  }
}

Result<std::optional<ConsentState>> ApplyAction(ConsentState from, CitizenAction action) {
  using S = ConsentState;
  S to = S::kOpened;
  switch (action) {
    case CitizenAction::kOpen:
      if (from != S::kCreated) return std::optional<S>();  // opening again changes nothing
      to = S::kOpened;
      break;
    case CitizenAction::kAccept:
      to = S::kAccepted;
      break;
    case CitizenAction::kReject:
      to = S::kRejected;
      break;
    case CitizenAction::kRevoke:
      to = S::kRevoked;
      break;
  }
  if (!CanTransition(from, to)) {
    return FailedPrecondition(fmt::format("a consent that is {} cannot be {}", Name(from),
                                          action == CitizenAction::kOpen     ? "opened"
                                          : action == CitizenAction::kAccept ? "accepted"
                                          : action == CitizenAction::kReject ? "rejected"
                                                                             : "revoked"));
  }
  return std::optional<S>(to);
}

}  // namespace proaktiv::consent

#include "store/engine_store.h"

#include <array>

#include <fmt/format.h>

namespace proaktiv::store {

namespace {

constexpr std::array<std::string_view, 2> kKindNames = {"offer", "notice"};
constexpr std::array<std::string_view, 7> kStateNames = {
    "proposed", "sent", "opened", "accepted", "declined", "expired", "withdrawn"};

}  // namespace

std::string_view Name(OfferKind kind) { return kKindNames[static_cast<size_t>(kind)]; }
std::string_view Name(OfferState state) { return kStateNames[static_cast<size_t>(state)]; }

Result<OfferKind> ParseOfferKind(std::string_view s) {
  for (size_t i = 0; i < kKindNames.size(); ++i) {
    if (kKindNames[i] == s) return static_cast<OfferKind>(i);
  }
  return InvalidArgument(fmt::format("offer kind '{}' is not offer or notice", s));
}

Result<OfferState> ParseOfferState(std::string_view s) {
  for (size_t i = 0; i < kStateNames.size(); ++i) {
    if (kStateNames[i] == s) return static_cast<OfferState>(i);
  }
  return InvalidArgument(
      fmt::format("offer state '{}' is not one of proposed, sent, opened, "
                  "accepted, declined, expired, withdrawn",
                  s));
}

bool IsOpen(OfferState state) {
  return state == OfferState::kProposed || state == OfferState::kSent ||
         state == OfferState::kOpened;
}

bool CanTransition(OfferState from, OfferState to) {
  using S = OfferState;
  switch (to) {
    case S::kProposed:
      return from == S::kWithdrawn;
    case S::kSent:
      return from == S::kProposed;
    case S::kOpened:
      return from == S::kSent;
    case S::kAccepted:
    case S::kDeclined:
      return from == S::kSent || from == S::kOpened;
    case S::kExpired:
    case S::kWithdrawn:
      return IsOpen(from);
  }
  return false;
}

}  // namespace proaktiv::store

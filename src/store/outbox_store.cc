#include "store/outbox_store.h"

#include <array>

#include <fmt/format.h>

namespace proaktiv::store {
namespace {

constexpr std::array<std::string_view, 3> kKindNames = {"offer", "reminder", "change"};
constexpr std::array<std::string_view, 7> kStatusNames = {
    "queued", "sending", "sent", "delivered", "failed", "dead", "cancelled"};

}  // namespace

std::string_view Name(MessageKind kind) { return kKindNames[static_cast<size_t>(kind)]; }
std::string_view Name(MessageStatus status) { return kStatusNames[static_cast<size_t>(status)]; }

Result<MessageKind> ParseMessageKind(std::string_view s) {
  for (size_t i = 0; i < kKindNames.size(); ++i) {
    if (kKindNames[i] == s) return static_cast<MessageKind>(i);
  }
  return InvalidArgument(fmt::format("message kind '{}' is not offer, reminder or change", s));
}

Result<MessageStatus> ParseMessageStatus(std::string_view s) {
  for (size_t i = 0; i < kStatusNames.size(); ++i) {
    if (kStatusNames[i] == s) return static_cast<MessageStatus>(i);
  }
  return InvalidArgument(fmt::format(
      "message status '{}' is not one of queued, sending, sent, delivered, failed, dead, "
      "cancelled",
      s));
}

bool Reached(MessageStatus status) {
  return status == MessageStatus::kSent || status == MessageStatus::kDelivered;
}

bool IsFinal(MessageStatus status) {
  return status == MessageStatus::kDelivered || status == MessageStatus::kFailed ||
         status == MessageStatus::kDead || status == MessageStatus::kCancelled;
}

}  // namespace proaktiv::store

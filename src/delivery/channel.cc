#include "delivery/channel.h"

#include <array>

#include <fmt/format.h>

namespace proaktiv::delivery {
namespace {

constexpr std::array<std::string_view, 4> kNames = {"mailbox", "sms", "email", "letter"};

}  // namespace

std::string_view Name(ChannelKind kind) { return kNames[static_cast<size_t>(kind)]; }

Result<ChannelKind> ParseChannelKind(std::string_view name) {
  for (size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<ChannelKind>(i);
  }
  return InvalidArgument(
      fmt::format("channel '{}' is not one of mailbox, sms, email, letter", name));
}

}  // namespace proaktiv::delivery

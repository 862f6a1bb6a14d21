#include "delivery/channel_factory.h"

#include <fmt/format.h>

#include "delivery/file_channel.h"

namespace proaktiv::delivery {

Result<std::unique_ptr<Channel>> MakeChannel(ChannelKind kind, const ChannelConfig& config) {
  constexpr std::string_view kFile = "file:";
  if (config.endpoint.starts_with(kFile)) {
    PROAKTIV_ASSIGN_OR_RETURN(auto c,
                              FileChannel::Open(kind, config.endpoint.substr(kFile.size())));
    return std::unique_ptr<Channel>(std::move(c));
  }
  return Unavailable(fmt::format("channel {} not configured", Name(kind)));
}

ChannelMap MakeChannels(const DeliveryConfig& config, std::vector<std::string>* problems) {
  ChannelMap out;
  for (const auto& [kind, c] : config.channels) {
    if (!c.enabled) continue;
    auto channel = MakeChannel(kind, c);
    if (channel) {
      out.emplace(kind, std::move(*channel));
    } else if (problems != nullptr) {
      problems->push_back(channel.error().message);
    }
  }
  return out;
}

}  // namespace proaktiv::delivery

#pragma once

// Builds the channels the delivery configuration asks for. The real adapters (SMTP, SMS
// gateway, digital mailbox, print-ready letters) register here; until then, an endpoint
// "file:<path>" gives the development channel (file_channel.h) and anything else "channel X
// not configured". Stateless; thread-safe.

#include <string>
#include <vector>

#include "common/result.h"
#include "delivery/channel.h"
#include "delivery/delivery_config.h"
#include "delivery/dispatcher.h"

namespace proaktiv::delivery {

Result<std::unique_ptr<Channel>> MakeChannel(ChannelKind kind, const ChannelConfig& config);

// Every enabled channel that can be built; the others are left out with their error in
// `problems` (the dispatcher keeps their messages queued).
ChannelMap MakeChannels(const DeliveryConfig& config, std::vector<std::string>* problems);

}  // namespace proaktiv::delivery

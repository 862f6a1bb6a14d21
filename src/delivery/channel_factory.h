#pragma once

// Builds the channels the delivery configuration asks for, chosen by each channel's endpoint:
//
//   file:<path>                 any channel: the development channel (file_channel.h)
//   smtp://host:port, smtps://  email: SMTP (smtp_channel.h)
//   http://…, https://…         sms, mailbox: an HTTP JSON message gateway (gateway_channel.h)
//   print:<directory>           letter: PDF letters in a daily print batch (letter_channel.h)
//   ""                          not configured: the channel's messages stay queued
//
// Adapter settings come from the channel's `options` (an unknown option is an error):
//   email:        from (required), from_name, message_id_domain, starttls (required|optional),
//                 username, password_file, ca_file
//   sms, mailbox: sender, callback_url, auth (none|bearer|api-key), api_key_header,
//                 credential_file, ca_file
//   letter:       logo (a PNG), font
// Secrets are never in the configuration itself: *_file options name a file holding them (its
// first line). Relative paths are relative to the working directory. Stateless; thread-safe.

#include <memory>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "delivery/channel.h"
#include "delivery/delivery_config.h"
#include "delivery/dispatcher.h"

namespace proaktiv::delivery {

// kInvalidArgument naming the channel and the endpoint or option that is wrong; kUnavailable
// for a channel without an endpoint. `clock` must outlive the channel.
Result<std::unique_ptr<Channel>> MakeChannel(ChannelKind kind, const ChannelConfig& config,
                                             const Clock& clock);

// Every enabled channel. One without an endpoint is left out with a note in `unconfigured`
// (the dispatcher keeps its messages queued); a configuration error in any channel is an error.
Result<ChannelMap> MakeChannels(const DeliveryConfig& config, const Clock& clock,
                                std::vector<std::string>* unconfigured);

}  // namespace proaktiv::delivery

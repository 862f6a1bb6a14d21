#pragma once

// The delivery configuration (config/delivery.yaml):
//   portal_base_url: "http://127.0.0.1:8080"     # links in messages: <base>/offers/<id>
//   templates: ../services/_delivery/templates.yaml  # relative to this file
//   reminder_after_days: 7                       # a formal message unopened this long → reminder
//   retry: {max_tries: 6, base_delay_seconds: 60, max_delay_seconds: 21600}
//   channels:                                    # mailbox, sms, email, letter
//     sms: {enabled: true, endpoint: "http://127.0.0.1:9090/sms", rate_per_second: 10,
//           burst: 20, options: {sender: "Kommunen"}}
//   services:                                    # routing.h ServiceDeliverySettings
//     default: {formal: true, notice_when_reserved: true, sms: true, email: true}
//     welcome-new-resident: {formal: false}      # unset keys: as default
// Every key is optional; an unknown key or a bad value is an error naming the file, line and
// key. Plain data; immutable after loading.

#include <chrono>
#include <map>
#include <string>
#include <string_view>

#include "common/result.h"
#include "delivery/backoff.h"
#include "delivery/channel.h"
#include "delivery/rate_limiter.h"
#include "delivery/routing.h"

namespace proaktiv::delivery {

struct ChannelConfig {
  bool enabled = true;
  std::string
      endpoint;  // the adapter's address (SMTP URL, gateway URL, print folder); may be empty
  RateLimit rate;
  std::map<std::string, std::string> options;  // adapter-specific settings
};

struct DeliveryConfig {
  std::string portal_base_url = "http://127.0.0.1:8080";
  std::string templates_path = "services/_delivery/templates.yaml";
  std::chrono::seconds reminder_after{7 * 86400};
  RetryPolicy retry;
  std::map<ChannelKind, ChannelConfig> channels;  // every kind present after loading
  ServiceDeliverySettings default_service;
  std::map<std::string, ServiceDeliverySettings, std::less<>> services;

  // The defaults: every channel enabled without an endpoint, default limits and settings.
  static DeliveryConfig Defaults();
  static Result<DeliveryConfig> LoadFile(const std::string& path);
  // `source` names the text in messages and anchors a relative templates path.
  static Result<DeliveryConfig> LoadString(std::string_view yaml, const std::string& source);

  const ServiceDeliverySettings& ForService(std::string_view service) const;
  // <portal_base_url>/offers/<offer_id>
  std::string OfferLink(int64_t offer_id) const;
};

}  // namespace proaktiv::delivery

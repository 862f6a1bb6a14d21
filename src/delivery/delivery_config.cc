#include "delivery/delivery_config.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "catalog/yaml_util.h"

namespace proaktiv::delivery {
namespace {

using catalog::YamlError;

template <typename T>
Result<T> Scalar(const std::string& file, const YAML::Node& map, std::string_view key,
                 std::string_view path, T fallback) {
  const YAML::Node node = map[std::string(key)];
  if (!node.IsDefined() || node.IsNull()) return fallback;
  if (!node.IsScalar()) return YamlError(file, node, fmt::format("{} is not a scalar", path));
  try {
    return node.as<T>();
  } catch (const YAML::Exception&) {
    return YamlError(file, node,
                     fmt::format("{} = '{}' is not a {}", path, node.Scalar(),
                                 std::is_same_v<T, bool> ? "boolean" : "number"));
  }
}

Result<int64_t> Positive(const std::string& file, const YAML::Node& map, std::string_view key,
                         std::string_view path, int64_t fallback) {
  PROAKTIV_ASSIGN_OR_RETURN(int64_t v, Scalar<int64_t>(file, map, key, path, fallback));
  if (v <= 0) {
    return YamlError(file, map[std::string(key)], fmt::format("{} = {} is not positive", path, v));
  }
  return v;
}

Result<ServiceDeliverySettings> ParseService(const std::string& file, const YAML::Node& node,
                                             const std::string& path,
                                             ServiceDeliverySettings base) {
  if (!node.IsMap()) return YamlError(file, node, fmt::format("{} is not a map", path));
  PROAKTIV_RETURN_IF_ERROR(
      catalog::CheckKeys(file, node, {"formal", "notice_when_reserved", "sms", "email"}, path));
  PROAKTIV_ASSIGN_OR_RETURN(base.formal,
                            Scalar<bool>(file, node, "formal", path + ".formal", base.formal));
  PROAKTIV_ASSIGN_OR_RETURN(
      base.notice_when_reserved,
      Scalar<bool>(file, node, "notice_when_reserved", path + ".notice_when_reserved",
                   base.notice_when_reserved));
  PROAKTIV_ASSIGN_OR_RETURN(base.sms, Scalar<bool>(file, node, "sms", path + ".sms", base.sms));
  PROAKTIV_ASSIGN_OR_RETURN(base.email,
                            Scalar<bool>(file, node, "email", path + ".email", base.email));
  return base;
}

Status ParseChannel(const std::string& file, const YAML::Node& node, const std::string& path,
                    ChannelConfig& c) {
  if (!node.IsMap()) return YamlError(file, node, fmt::format("{} is not a map", path));
  PROAKTIV_RETURN_IF_ERROR(catalog::CheckKeys(
      file, node, {"enabled", "endpoint", "rate_per_second", "burst", "options"}, path));
  PROAKTIV_ASSIGN_OR_RETURN(c.enabled,
                            Scalar<bool>(file, node, "enabled", path + ".enabled", c.enabled));
  PROAKTIV_ASSIGN_OR_RETURN(c.endpoint, catalog::OptionalString(file, node, "endpoint"));
  PROAKTIV_ASSIGN_OR_RETURN(
      c.rate.per_second,
      Scalar<double>(file, node, "rate_per_second", path + ".rate_per_second", c.rate.per_second));
  PROAKTIV_ASSIGN_OR_RETURN(c.rate.burst,
                            Scalar<double>(file, node, "burst", path + ".burst", c.rate.burst));
  if (c.rate.per_second < 0 || c.rate.burst < 1) {
    return YamlError(
        file, node, fmt::format("{}: rate_per_second must be 0 or more and burst 1 or more", path));
  }
  const YAML::Node options = node["options"];
  if (options.IsDefined()) {
    if (!options.IsMap()) return YamlError(file, options, path + ".options is not a map");
    for (const auto& kv : options) {
      if (!kv.second.IsScalar()) {
        return YamlError(file, kv.second,
                         fmt::format("{}.options.{} is not a scalar", path, kv.first.Scalar()));
      }
      c.options[kv.first.Scalar()] = kv.second.Scalar();
    }
  }
  return {};
}

}  // namespace

DeliveryConfig DeliveryConfig::Defaults() {
  DeliveryConfig c;
  for (ChannelKind k : {ChannelKind::kDigitalMailbox, ChannelKind::kSms, ChannelKind::kEmail,
                        ChannelKind::kLetter}) {
    c.channels[k] = ChannelConfig{};
  }
  return c;
}

Result<DeliveryConfig> DeliveryConfig::LoadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(fmt::format("{}: cannot open the delivery configuration", path));
  std::ostringstream text;
  text << in.rdbuf();
  return LoadString(text.str(), path);
}

Result<DeliveryConfig> DeliveryConfig::LoadString(std::string_view yaml,
                                                  const std::string& source) {
  PROAKTIV_ASSIGN_OR_RETURN(YAML::Node root, catalog::LoadYamlString(yaml, source));
  DeliveryConfig c = Defaults();
  if (root.IsNull()) return c;
  if (!root.IsMap()) return YamlError(source, root, "the delivery configuration is not a map");
  PROAKTIV_RETURN_IF_ERROR(catalog::CheckKeys(
      source, root,
      {"portal_base_url", "templates", "reminder_after_days", "retry", "channels", "services"},
      "delivery configuration"));
  PROAKTIV_ASSIGN_OR_RETURN(
      c.portal_base_url,
      catalog::OptionalString(source, root, "portal_base_url", c.portal_base_url));
  while (!c.portal_base_url.empty() && c.portal_base_url.back() == '/')
    c.portal_base_url.pop_back();
  if (root["templates"].IsDefined()) {
    PROAKTIV_ASSIGN_OR_RETURN(std::string t, catalog::RequiredString(source, root, "templates"));
    std::filesystem::path p(t);
    if (p.is_relative()) p = std::filesystem::path(source).parent_path() / p;
    c.templates_path = p.lexically_normal().string();
  }
  PROAKTIV_ASSIGN_OR_RETURN(
      int64_t days, Positive(source, root, "reminder_after_days", "reminder_after_days", 7));
  c.reminder_after = std::chrono::seconds(days * 86400);
  if (const YAML::Node retry = root["retry"]; retry.IsDefined()) {
    if (!retry.IsMap()) return YamlError(source, retry, "retry is not a map");
    PROAKTIV_RETURN_IF_ERROR(catalog::CheckKeys(
        source, retry, {"max_tries", "base_delay_seconds", "max_delay_seconds"}, "retry"));
    PROAKTIV_ASSIGN_OR_RETURN(
        int64_t tries, Positive(source, retry, "max_tries", "retry.max_tries", c.retry.max_tries));
    PROAKTIV_ASSIGN_OR_RETURN(
        int64_t base, Positive(source, retry, "base_delay_seconds", "retry.base_delay_seconds",
                               c.retry.base_delay.count()));
    PROAKTIV_ASSIGN_OR_RETURN(
        int64_t cap, Positive(source, retry, "max_delay_seconds", "retry.max_delay_seconds",
                              c.retry.max_delay.count()));
    if (cap < base) {
      return YamlError(source, retry,
                       "retry.max_delay_seconds is less than retry.base_delay_seconds");
    }
    c.retry =
        RetryPolicy{static_cast<int>(tries), std::chrono::seconds(base), std::chrono::seconds(cap)};
  }
  if (const YAML::Node channels = root["channels"]; channels.IsDefined()) {
    if (!channels.IsMap()) return YamlError(source, channels, "channels is not a map");
    for (const auto& kv : channels) {
      auto kind = ParseChannelKind(kv.first.Scalar());
      if (!kind) return YamlError(source, kv.first, "channels: " + kind.error().message);
      PROAKTIV_RETURN_IF_ERROR(
          ParseChannel(source, kv.second, "channels." + kv.first.Scalar(), c.channels[*kind]));
    }
  }
  if (const YAML::Node services = root["services"]; services.IsDefined()) {
    if (!services.IsMap()) return YamlError(source, services, "services is not a map");
    if (services["default"].IsDefined()) {
      PROAKTIV_ASSIGN_OR_RETURN(c.default_service,
                                ParseService(source, services["default"], "services.default", {}));
    }
    for (const auto& kv : services) {
      const std::string id = kv.first.Scalar();
      if (id == "default") continue;
      PROAKTIV_ASSIGN_OR_RETURN(
          c.services[id], ParseService(source, kv.second, "services." + id, c.default_service));
    }
  }
  return c;
}

const ServiceDeliverySettings& DeliveryConfig::ForService(std::string_view service) const {
  auto it = services.find(service);
  return it == services.end() ? default_service : it->second;
}

std::string DeliveryConfig::OfferLink(int64_t offer_id) const {
  return fmt::format("{}/offers/{}", portal_base_url, offer_id);
}

}  // namespace proaktiv::delivery

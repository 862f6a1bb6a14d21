#include "delivery/channel_factory.h"

#include <fstream>
#include <initializer_list>
#include <string_view>

#include <fmt/format.h>

#include "delivery/file_channel.h"
#include "delivery/gateway_channel.h"
#include "delivery/letter_channel.h"
#include "delivery/smtp_channel.h"

namespace proaktiv::delivery {
namespace {

// A channel's options, read with the knowledge of which ones the adapter takes.
class Options {
 public:
  Options(ChannelKind kind, const std::map<std::string, std::string>& options)
      : kind_(kind), options_(options) {}

  Status OnlyThese(std::initializer_list<std::string_view> known) const {
    for (const auto& [key, value] : options_) {
      bool ok = false;
      for (std::string_view k : known) ok = ok || key == k;
      if (!ok) {
        std::string list;
        for (std::string_view k : known) list += fmt::format("{}{}", list.empty() ? "" : ", ", k);
        return InvalidArgument(fmt::format("channels.{}.options.{}: unknown option (known: {})",
                                           Name(kind_), key, list));
      }
    }
    return {};
  }

  std::string Get(const std::string& key, std::string fallback = "") const {
    auto it = options_.find(key);
    return it == options_.end() ? fallback : it->second;
  }

  // The first line of the file the option names ("" when the option is absent).
  Result<std::string> Secret(const std::string& key) const {
    const std::string path = Get(key);
    if (path.empty()) return std::string();
    std::ifstream in(path);
    std::string line;
    if (!in || !std::getline(in, line)) {
      return InvalidArgument(
          fmt::format("channels.{}.options.{}: cannot read '{}'", Name(kind_), key, path));
    }
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.empty()) {
      return InvalidArgument(
          fmt::format("channels.{}.options.{}: '{}' is empty", Name(kind_), key, path));
    }
    return line;
  }

  Error Bad(const std::string& key, std::string_view why) const {
    return Error{ErrorCode::kInvalidArgument,
                 fmt::format("channels.{}.options.{}: {}", Name(kind_), key, why)};
  }

 private:
  ChannelKind kind_;
  const std::map<std::string, std::string>& options_;
};

template <typename Adapter>
Result<std::unique_ptr<Channel>> Upcast(Result<std::unique_ptr<Adapter>> made, ChannelKind kind) {
  if (!made) {
    return tl::unexpected(
        Error{made.error().code, fmt::format("channels.{}: {}", Name(kind), made.error().message)});
  }
  return std::unique_ptr<Channel>(std::move(*made));
}

Result<std::unique_ptr<Channel>> MakeSmtp(const ChannelConfig& config, const Clock& clock) {
  const Options options(ChannelKind::kEmail, config.options);
  PROAKTIV_RETURN_IF_ERROR(options.OnlyThese({"from", "from_name", "message_id_domain", "starttls",
                                              "username", "password_file", "ca_file"}));
  SmtpConfig smtp;
  smtp.url = config.endpoint;
  smtp.from_address = options.Get("from");
  if (smtp.from_address.empty()) {
    return tl::unexpected(options.Bad("from", "the sender address is required"));
  }
  smtp.from_name = options.Get("from_name");
  smtp.message_id_domain = options.Get("message_id_domain");
  const std::string starttls = options.Get("starttls", "optional");
  if (starttls != "required" && starttls != "optional") {
    return tl::unexpected(options.Bad("starttls", "must be 'required' or 'optional'"));
  }
  smtp.require_starttls = starttls == "required";
  smtp.username = options.Get("username");
  PROAKTIV_ASSIGN_OR_RETURN(smtp.password, options.Secret("password_file"));
  smtp.ca_file = options.Get("ca_file");
  return Upcast(SmtpChannel::Create(std::move(smtp), clock), ChannelKind::kEmail);
}

Result<std::unique_ptr<Channel>> MakeGateway(ChannelKind kind, const ChannelConfig& config) {
  const Options options(kind, config.options);
  PROAKTIV_RETURN_IF_ERROR(options.OnlyThese(
      {"sender", "callback_url", "auth", "api_key_header", "credential_file", "ca_file"}));
  GatewayConfig gateway;
  gateway.kind = kind;
  gateway.base_url = config.endpoint;
  gateway.sender = options.Get("sender");
  gateway.callback_url = options.Get("callback_url");
  const std::string auth = options.Get("auth", "none");
  if (auth == "none") {
    gateway.auth = GatewayAuth::kNone;
  } else if (auth == "bearer") {
    gateway.auth = GatewayAuth::kBearer;
  } else if (auth == "api-key") {
    gateway.auth = GatewayAuth::kApiKey;
  } else {
    return tl::unexpected(options.Bad("auth", "must be 'none', 'bearer' or 'api-key'"));
  }
  gateway.api_key_header = options.Get("api_key_header", gateway.api_key_header);
  PROAKTIV_ASSIGN_OR_RETURN(gateway.credential, options.Secret("credential_file"));
  gateway.ca_file = options.Get("ca_file");
  return Upcast(GatewayChannel::Create(std::move(gateway)), kind);
}

Result<std::unique_ptr<Channel>> MakeLetter(std::string_view directory, const ChannelConfig& config,
                                            const Clock& clock) {
  const Options options(ChannelKind::kLetter, config.options);
  PROAKTIV_RETURN_IF_ERROR(options.OnlyThese({"logo", "font"}));
  if (directory.empty()) {
    return InvalidArgument("channels.letter.endpoint: 'print:' needs a directory");
  }
  LetterChannelConfig letter;
  letter.batch_root = std::string(directory);
  letter.logo_png_path = options.Get("logo");
  letter.font_family = options.Get("font", letter.font_family);
  return Upcast(LetterChannel::Create(std::move(letter), clock), ChannelKind::kLetter);
}

}  // namespace

Result<std::unique_ptr<Channel>> MakeChannel(ChannelKind kind, const ChannelConfig& config,
                                             const Clock& clock) {
  const std::string_view endpoint = config.endpoint;
  if (endpoint.empty()) {
    return Unavailable(fmt::format("channel {} has no endpoint", Name(kind)));
  }
  constexpr std::string_view kFile = "file:";
  constexpr std::string_view kPrint = "print:";
  if (endpoint.starts_with(kFile)) {
    PROAKTIV_ASSIGN_OR_RETURN(auto c,
                              FileChannel::Open(kind, std::string(endpoint.substr(kFile.size()))));
    return std::unique_ptr<Channel>(std::move(c));
  }
  const bool smtp = endpoint.starts_with("smtp://") || endpoint.starts_with("smtps://");
  const bool http = endpoint.starts_with("http://") || endpoint.starts_with("https://");
  if (kind == ChannelKind::kEmail && smtp) return MakeSmtp(config, clock);
  if ((kind == ChannelKind::kSms || kind == ChannelKind::kDigitalMailbox) && http) {
    return MakeGateway(kind, config);
  }
  if (kind == ChannelKind::kLetter && endpoint.starts_with(kPrint)) {
    return MakeLetter(endpoint.substr(kPrint.size()), config, clock);
  }
  std::string_view expected;
  switch (kind) {
    case ChannelKind::kEmail:
      expected = "smtp://, smtps:// or file:";
      break;
    case ChannelKind::kSms:
    case ChannelKind::kDigitalMailbox:
      expected = "http://, https:// or file:";
      break;
    case ChannelKind::kLetter:
      expected = "print:<directory> or file:";
      break;
  }
  return InvalidArgument(
      fmt::format("channels.{}.endpoint '{}': expected {}", Name(kind), endpoint, expected));
}

Result<ChannelMap> MakeChannels(const DeliveryConfig& config, const Clock& clock,
                                std::vector<std::string>* unconfigured) {
  ChannelMap out;
  for (const auto& [kind, c] : config.channels) {
    if (!c.enabled) continue;
    auto channel = MakeChannel(kind, c, clock);
    if (channel) {
      out.emplace(kind, std::move(*channel));
    } else if (channel.error().code == ErrorCode::kUnavailable && c.endpoint.empty()) {
      if (unconfigured != nullptr) unconfigured->push_back(channel.error().message);
    } else {
      return tl::unexpected(channel.error());
    }
  }
  return out;
}

}  // namespace proaktiv::delivery

#include "http/api/delivery_receipt_routes.h"

#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <boost/json.hpp>

#include "delivery/delivery_receipt.h"
#include "http/api/api_error.h"

namespace proaktiv::http::api {
namespace {

Response PostReceipt(const DeliveryReceiptContext& context, const Request& request,
                     std::string_view channel_name) {
  Result<delivery::ChannelKind> channel = delivery::ReceiptChannel(channel_name);
  if (!channel) return ToResponse(FromError(channel.error()));
  auto secret = context.secrets.find(*channel);
  if (secret == context.secrets.end() ||
      !delivery::VerifyReceiptSignature(secret->second, request.body,
                                        request.Header(delivery::kReceiptSignatureHeader))) {
    return Response::Problem(
        401, "bad-signature",
        fmt::format("the receipt for channel '{}' is not signed with its shared secret "
                    "(X-Receipt-Signature: sha256=<hex HMAC-SHA256 of the body>)",
                    channel_name));
  }
  Result<delivery::DeliveryReceipt> receipt = delivery::ParseDeliveryReceipt(request.body);
  if (!receipt) return ToResponse(FromError(receipt.error()));
  if (!context.on_receipt) {
    return ToResponse(FromError(Error{ErrorCode::kUnavailable, "delivery not configured"}));
  }
  Status recorded = context.on_receipt(*channel, std::move(receipt->provider_id),
                                       receipt->delivered, std::move(receipt->detail));
  if (!recorded) return ToResponse(FromError(recorded.error()));
  return Response::Json(200, boost::json::object{{"recorded", true}});
}

}  // namespace

void RegisterDeliveryReceiptRoutes(Router& router, const DeliveryReceiptContext& context) {
  router.Add(
      Method::kPost, "/api/v1/delivery/receipts/{channel}",
      [&context](const Request& request, const RouteContext& route) {
        return PostReceipt(context, request, route.Param("channel"));
      },
      RouteOptions{.access = Access::kPublic, .blocking = true, .name = "postDeliveryReceipt"});
}

Result<std::string> ReadReceiptSecretFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return InvalidArgument(fmt::format("receipt secret file '{}' cannot be read", path));
  std::ostringstream text;
  text << in.rdbuf();
  std::string secret = text.str();
  while (!secret.empty() && std::isspace(static_cast<unsigned char>(secret.back()))) {
    secret.pop_back();
  }
  if (secret.size() < 16) {
    return InvalidArgument(
        fmt::format("receipt secret file '{}' must hold at least 16 characters", path));
  }
  return secret;
}

}  // namespace proaktiv::http::api

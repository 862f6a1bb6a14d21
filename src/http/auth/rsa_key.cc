#include "http/auth/rsa_key.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <boost/json.hpp>

#include "common/base64.h"
#include "http/auth/crypto.h"

namespace proaktiv::http::auth {

struct RsaKey::Handle {
  explicit Handle(EVP_PKEY* k) : pkey(k) {}
  ~Handle() { EVP_PKEY_free(pkey); }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  EVP_PKEY* pkey;
};

namespace {

constexpr int kMinBits = 2048;

struct BnFree {
  void operator()(BIGNUM* b) const { BN_free(b); }
};
using BnPtr = std::unique_ptr<BIGNUM, BnFree>;
struct BioFree {
  void operator()(BIO* b) const { BIO_free(b); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;
struct CtxFree {
  void operator()(EVP_PKEY_CTX* c) const { EVP_PKEY_CTX_free(c); }
};
using CtxPtr = std::unique_ptr<EVP_PKEY_CTX, CtxFree>;
struct MdCtxFree {
  void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;

Result<std::string> JwkMember(const boost::json::object& jwk, std::string_view name) {
  const boost::json::value* v = jwk.if_contains(name);
  if (v == nullptr || !v->is_string()) {
    return InvalidArgument(fmt::format("the JWK has no string member \"{}\"", name));
  }
  return std::string(v->as_string());
}

std::string BnParam(EVP_PKEY* pkey, const char* name) {
  BIGNUM* bn = nullptr;
  if (EVP_PKEY_get_bn_param(pkey, name, &bn) != 1) return {};
  BnPtr owner(bn);
  std::string out(BN_num_bytes(bn), '\0');
  BN_bn2bin(bn, reinterpret_cast<unsigned char*>(out.data()));
  return out;
}

// RFC 7638: SHA-256 over {"e":…,"kty":"RSA","n":…} with members in this order, no spaces.
std::string Thumbprint(EVP_PKEY* pkey) {
  const std::string canonical = fmt::format(R"({{"e":"{}","kty":"RSA","n":"{}"}})",
                                            Base64UrlEncode(BnParam(pkey, OSSL_PKEY_PARAM_RSA_E)),
                                            Base64UrlEncode(BnParam(pkey, OSSL_PKEY_PARAM_RSA_N)));
  return Base64UrlEncode(Sha256(canonical));
}

}  // namespace

RsaKey::RsaKey(std::shared_ptr<Handle> handle, std::string kid, bool has_private)
    : handle_(std::move(handle)), kid_(std::move(kid)), has_private_(has_private) {}

Result<RsaKey> RsaKey::Wrap(void* evp_pkey, bool has_private, std::string kid) {
  auto handle = std::make_shared<Handle>(static_cast<EVP_PKEY*>(evp_pkey));
  if (EVP_PKEY_is_a(handle->pkey, "RSA") != 1) {
    return InvalidArgument("the key is not an RSA key");
  }
  const int bits = EVP_PKEY_get_bits(handle->pkey);
  if (bits < kMinBits) {
    return InvalidArgument(
        fmt::format("the RSA key has {} bits; at least {} are required", bits, kMinBits));
  }
  if (kid.empty()) kid = Thumbprint(handle->pkey);
  return RsaKey(std::move(handle), std::move(kid), has_private);
}

Result<RsaKey> RsaKey::FromJwk(const boost::json::object& jwk) {
  PROAKTIV_ASSIGN_OR_RETURN(std::string kty, JwkMember(jwk, "kty"));
  if (kty != "RSA") return InvalidArgument(fmt::format("the JWK's kty is \"{}\", not RSA", kty));
  if (const auto* alg = jwk.if_contains("alg"); alg != nullptr) {
    if (!alg->is_string() || alg->as_string() != "RS256") {
      return InvalidArgument("the JWK's alg is not RS256");
    }
  }
  std::string kid;
  if (const auto* k = jwk.if_contains("kid"); k != nullptr && k->is_string()) {
    kid = std::string(k->as_string());
  }
  PROAKTIV_ASSIGN_OR_RETURN(std::string n_text, JwkMember(jwk, "n"));
  PROAKTIV_ASSIGN_OR_RETURN(std::string e_text, JwkMember(jwk, "e"));
  auto n_bytes = Base64UrlDecode(n_text);
  if (!n_bytes) return InvalidArgument("the JWK's modulus n is not base64url");
  auto e_bytes = Base64UrlDecode(e_text);
  if (!e_bytes || e_bytes->empty()) return InvalidArgument("the JWK's exponent e is not base64url");

  BnPtr n(BN_bin2bn(reinterpret_cast<const unsigned char*>(n_bytes->data()),
                    static_cast<int>(n_bytes->size()), nullptr));
  BnPtr e(BN_bin2bn(reinterpret_cast<const unsigned char*>(e_bytes->data()),
                    static_cast<int>(e_bytes->size()), nullptr));
  OSSL_PARAM_BLD* bld = OSSL_PARAM_BLD_new();
  OSSL_PARAM* params = nullptr;
  if (bld == nullptr || n == nullptr || e == nullptr ||
      OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, n.get()) != 1 ||
      OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, e.get()) != 1 ||
      (params = OSSL_PARAM_BLD_to_param(bld)) == nullptr) {
    OSSL_PARAM_BLD_free(bld);
    return Internal("cannot build RSA key parameters");
  }
  OSSL_PARAM_BLD_free(bld);
  CtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
  EVP_PKEY* pkey = nullptr;
  const bool ok = ctx != nullptr && EVP_PKEY_fromdata_init(ctx.get()) == 1 &&
                  EVP_PKEY_fromdata(ctx.get(), &pkey, EVP_PKEY_PUBLIC_KEY, params) == 1;
  OSSL_PARAM_free(params);
  if (!ok) ERR_clear_error();
  if (!ok) return InvalidArgument("the JWK's n and e do not form an RSA public key");
  return Wrap(pkey, false, std::move(kid));
}

Result<RsaKey> RsaKey::Generate(int bits) {
  CtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
  EVP_PKEY* pkey = nullptr;
  if (ctx == nullptr || EVP_PKEY_keygen_init(ctx.get()) != 1 ||
      EVP_PKEY_CTX_set_rsa_keygen_bits(ctx.get(), bits) != 1 ||
      EVP_PKEY_generate(ctx.get(), &pkey) != 1) {
    return Internal(fmt::format("cannot generate an RSA key of {} bits", bits));
  }
  return Wrap(pkey, true, "");
}

Result<RsaKey> RsaKey::FromPrivatePem(std::string_view pem) {
  BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (bio == nullptr) return Internal("cannot allocate a memory BIO");
  EVP_PKEY* pkey = PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr);
  if (pkey == nullptr) return InvalidArgument("the text is not a PEM private key");
  return Wrap(pkey, true, "");
}

Result<RsaKey> RsaKey::LoadOrCreate(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (in) {
    std::stringstream text;
    text << in.rdbuf();
    auto key = FromPrivatePem(text.str());
    if (!key) return tl::unexpected(key.error().WithContext(fmt::format("key file {}", path)));
    return key;
  }
  PROAKTIV_ASSIGN_OR_RETURN(RsaKey key, Generate(2048));
  PROAKTIV_ASSIGN_OR_RETURN(std::string pem, key.ToPrivatePem());
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return LoadOrCreate(path);  // another process just made it
    return Unavailable(fmt::format("cannot create key file {}: {}", path, std::strerror(errno)));
  }
  const ssize_t written = ::write(fd, pem.data(), pem.size());
  const bool closed = ::close(fd) == 0;
  if (written != static_cast<ssize_t>(pem.size()) || !closed) {
    return Unavailable(fmt::format("cannot write key file {}", path));
  }
  return key;
}

int RsaKey::bits() const { return EVP_PKEY_get_bits(handle_->pkey); }

boost::json::object RsaKey::ToPublicJwk() const {
  boost::json::object jwk;
  jwk["kty"] = "RSA";
  jwk["use"] = "sig";
  jwk["alg"] = "RS256";
  jwk["kid"] = kid_;
  jwk["n"] = Base64UrlEncode(BnParam(handle_->pkey, OSSL_PKEY_PARAM_RSA_N));
  jwk["e"] = Base64UrlEncode(BnParam(handle_->pkey, OSSL_PKEY_PARAM_RSA_E));
  return jwk;
}

Result<std::string> RsaKey::ToPrivatePem() const {
  if (!has_private_) return FailedPrecondition("the key has no private part");
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (bio == nullptr || PEM_write_bio_PrivateKey(bio.get(), handle_->pkey, nullptr, nullptr, 0,
                                                 nullptr, nullptr) != 1) {
    return Internal("cannot write the key as PEM");
  }
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<size_t>(size));
}

Result<std::string> RsaKey::SignSha256(std::string_view data) const {
  if (!has_private_) return FailedPrecondition("the key has no private part");
  MdCtxPtr ctx(EVP_MD_CTX_new());
  size_t size = 0;
  if (ctx == nullptr ||
      EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, handle_->pkey) != 1 ||
      EVP_DigestSign(ctx.get(), nullptr, &size, reinterpret_cast<const unsigned char*>(data.data()),
                     data.size()) != 1) {
    return Internal("cannot start an RS256 signature");
  }
  std::string signature(size, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &size,
                     reinterpret_cast<const unsigned char*>(data.data()), data.size()) != 1) {
    return Internal("cannot make an RS256 signature");
  }
  signature.resize(size);
  return signature;
}

bool RsaKey::VerifySha256(std::string_view data, std::string_view signature) const {
  MdCtxPtr ctx(EVP_MD_CTX_new());
  if (ctx == nullptr ||
      EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, handle_->pkey) != 1) {
    return false;
  }
  const bool ok =
      EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()),
                       signature.size(), reinterpret_cast<const unsigned char*>(data.data()),
                       data.size()) == 1;
  if (!ok) ERR_clear_error();  // keep this thread's error queue empty for the next caller
  return ok;
}

}  // namespace proaktiv::http::auth

#include "consent/key_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <boost/json.hpp>

namespace proaktiv::consent {
namespace {

// DER prefixes of the Ed25519 SubjectPublicKeyInfo and PKCS#8 structures (RFC 8410 §4, §7):
// the key's 32 bytes follow.
constexpr std::string_view kSpkiPrefix("\x30\x2a\x30\x05\x06\x03\x2b\x65\x70\x03\x21\x00", 12);
constexpr std::string_view kPkcs8Prefix(
    "\x30\x2e\x02\x01\x00\x30\x05\x06\x03\x2b\x65\x70\x04\x22\x04\x20", 16);

// The DER bytes of the PEM block labelled `label`; nullopt when there is none.
Result<std::optional<std::string>> PemBlock(std::string_view text, std::string_view label) {
  const std::string begin = fmt::format("-----BEGIN {}-----", label);
  const std::string end = fmt::format("-----END {}-----", label);
  const size_t b = text.find(begin);
  if (b == std::string_view::npos) return std::optional<std::string>();
  const size_t e = text.find(end, b);
  if (e == std::string_view::npos) return InvalidArgument(fmt::format("'{}' has no end", begin));
  std::string body;
  for (char c : text.substr(b + begin.size(), e - b - begin.size())) {
    if (c != '\n' && c != '\r' && c != ' ' && c != '\t') body.push_back(c);
  }
  auto der = Base64Decode(body);
  if (!der) return tl::unexpected(der.error().WithContext(fmt::format("the {} block", label)));
  return std::optional<std::string>(std::move(*der));
}

std::string Pem(std::string_view label, std::string_view der) {
  const std::string b64 = Base64Encode(der);
  std::string out = fmt::format("-----BEGIN {}-----\n", label);
  for (size_t i = 0; i < b64.size(); i += 64) out += b64.substr(i, 64) + "\n";
  out += fmt::format("-----END {}-----\n", label);
  return out;
}

Result<std::string> Member(const boost::json::object& jwk, std::string_view name) {
  const boost::json::value* v = jwk.if_contains(name);
  if (v == nullptr || !v->is_string()) {
    return InvalidArgument(fmt::format("the JWK has no \"{}\"", name));
  }
  return std::string(v->as_string());
}

Result<boost::json::object> ParseJwk(std::string_view text) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(text, ec);
  if (ec || !v.is_object()) {
    return InvalidArgument("the key is neither PEM nor a JSON Web Key (JWK) object");
  }
  boost::json::object jwk = std::move(v.as_object());
  PROAKTIV_ASSIGN_OR_RETURN(std::string kty, Member(jwk, "kty"));
  PROAKTIV_ASSIGN_OR_RETURN(std::string crv, Member(jwk, "crv"));
  if (kty != "OKP" || crv != "Ed25519") {
    return InvalidArgument(fmt::format(
        "the JWK is kty \"{}\", crv \"{}\"; an Ed25519 key is kty \"OKP\", crv \"Ed25519\"",
        kty.substr(0, 10), crv.substr(0, 10)));
  }
  return jwk;
}

Result<std::string> JwkBytes(const boost::json::object& jwk, std::string_view name) {
  PROAKTIV_ASSIGN_OR_RETURN(std::string text, Member(jwk, name));
  auto bytes = Base64UrlDecode(text);
  if (!bytes) return tl::unexpected(bytes.error().WithContext(fmt::format("JWK \"{}\"", name)));
  if (bytes->size() != 32) {
    return InvalidArgument(
        fmt::format("JWK \"{}\" has {} bytes; Ed25519 keys have 32", name, bytes->size()));
  }
  return bytes;
}

Result<std::string> AfterPrefix(const std::string& der, std::string_view prefix,
                                std::string_view what) {
  if (der.size() != prefix.size() + 32 || der.compare(0, prefix.size(), prefix) != 0) {
    return InvalidArgument(fmt::format("the {} is not an Ed25519 key", what));
  }
  return der.substr(prefix.size());
}

}  // namespace

Result<std::string> ParsePublicKey(std::string_view text) {
  PROAKTIV_ASSIGN_OR_RETURN(auto spki, PemBlock(text, "PUBLIC KEY"));
  if (spki) return AfterPrefix(*spki, kSpkiPrefix, "PEM public key");
  PROAKTIV_ASSIGN_OR_RETURN(auto pkcs8, PemBlock(text, "PRIVATE KEY"));
  if (pkcs8) {
    PROAKTIV_ASSIGN_OR_RETURN(KeyPair key, ParsePrivateKey(text));
    return key.public_key();
  }
  PROAKTIV_ASSIGN_OR_RETURN(boost::json::object jwk, ParseJwk(text));
  return JwkBytes(jwk, "x");
}

Result<KeyPair> ParsePrivateKey(std::string_view text) {
  PROAKTIV_ASSIGN_OR_RETURN(auto pkcs8, PemBlock(text, "PRIVATE KEY"));
  if (pkcs8) {
    PROAKTIV_ASSIGN_OR_RETURN(std::string seed,
                              AfterPrefix(*pkcs8, kPkcs8Prefix, "PEM private key"));
    return KeyPair::FromSeed(seed);
  }
  PROAKTIV_ASSIGN_OR_RETURN(boost::json::object jwk, ParseJwk(text));
  if (!jwk.contains("d"))
    return InvalidArgument("the JWK is a public key; a private key has \"d\"");
  PROAKTIV_ASSIGN_OR_RETURN(std::string seed, JwkBytes(jwk, "d"));
  PROAKTIV_ASSIGN_OR_RETURN(KeyPair key, KeyPair::FromSeed(seed));
  if (jwk.contains("x")) {
    PROAKTIV_ASSIGN_OR_RETURN(std::string x, JwkBytes(jwk, "x"));
    if (x != key.public_key())
      return InvalidArgument("the JWK's \"x\" does not belong to its \"d\"");
  }
  return key;
}

std::string PublicKeyPem(std::string_view public_key) {
  return Pem("PUBLIC KEY", std::string(kSpkiPrefix) + std::string(public_key));
}

std::string PrivateKeyPem(const KeyPair& key) {
  return Pem("PRIVATE KEY", std::string(kPkcs8Prefix) + key.seed());
}

boost::json::object PublicJwk(std::string_view public_key) {
  return boost::json::object{{"kty", "OKP"},
                             {"crv", "Ed25519"},
                             {"x", Base64UrlEncode(public_key)},
                             {"kid", KeyId(public_key)},
                             {"alg", "EdDSA"},
                             {"use", "sig"}};
}

boost::json::object PrivateJwk(const KeyPair& key) {
  boost::json::object jwk = PublicJwk(key.public_key());
  jwk["d"] = Base64UrlEncode(key.seed());
  return jwk;
}

Result<std::string> ReadKeyFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(fmt::format("cannot read the key file {}", path));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Status WriteNewFile(const std::string& path, std::string_view contents, unsigned mode) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0) {
    return MakeError(errno == EEXIST ? ErrorCode::kAlreadyExists : ErrorCode::kUnavailable,
                     fmt::format("cannot create {}: {}", path, std::strerror(errno)));
  }
  ::fchmod(fd, mode);  // the umask may have taken bits away; never adds any beyond `mode`
  size_t done = 0;
  while (done < contents.size()) {
    const ssize_t n = ::write(fd, contents.data() + done, contents.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string reason = std::strerror(errno);
      ::close(fd);
      return Unavailable(fmt::format("cannot write {}: {}", path, reason));
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    return Unavailable(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
  }
  return {};
}

Result<KeyPair> LoadOrCreateKeyFile(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    // Written to a private name, then linked into place: link() fails when another process
    // made the file meanwhile, and nobody ever reads a half-written key.
    const KeyPair fresh = KeyPair::Generate();
    const std::string temporary = path + ".new-" + RandomHex(8);
    PROAKTIV_RETURN_IF_ERROR(WriteNewFile(temporary, PrivateKeyPem(fresh), 0600));
    const int linked = ::link(temporary.c_str(), path.c_str());
    const int link_errno = errno;
    ::unlink(temporary.c_str());
    if (linked == 0) return fresh;
    if (link_errno != EEXIST) {
      return Unavailable(fmt::format("cannot create {}: {}", path, std::strerror(link_errno)));
    }
    if (::stat(path.c_str(), &st) != 0) {
      return Unavailable(fmt::format("cannot read {}: {}", path, std::strerror(errno)));
    }
  }
  if ((st.st_mode & 077) != 0) {
    return FailedPrecondition(
        fmt::format("the key file {} may be read by others (mode {:o}); chmod 600 it", path,
                    st.st_mode & 0777));
  }
  PROAKTIV_ASSIGN_OR_RETURN(std::string text, ReadKeyFile(path));
  auto key = ParsePrivateKey(text);
  if (!key) return tl::unexpected(key.error().WithContext(path));
  return key;
}

}  // namespace proaktiv::consent

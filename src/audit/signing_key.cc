#include "audit/signing_key.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "audit/hash.h"

namespace proaktiv::audit {

std::string DefaultKeyPath(const std::string& database_path) {
  return database_path + ".audit-key";
}

Result<SigningKey> SigningKey::FromSeed(std::string_view seed) {
  EnsureSodium();
  if (seed.size() != crypto_sign_SEEDBYTES) {
    return InvalidArgument(fmt::format("audit key seed is {} bytes, not 32", seed.size()));
  }
  SigningKey key;
  key.secret_key_.resize(crypto_sign_SECRETKEYBYTES);
  key.public_key_.resize(crypto_sign_PUBLICKEYBYTES);
  crypto_sign_seed_keypair(reinterpret_cast<unsigned char*>(key.public_key_.data()),
                           reinterpret_cast<unsigned char*>(key.secret_key_.data()),
                           reinterpret_cast<const unsigned char*>(seed.data()));
  return key;
}

Result<SigningKey> SigningKey::Load(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    return NotFound(fmt::format("audit key '{}' does not exist", path));
  }
  if ((st.st_mode & 077) != 0) {
    return FailedPrecondition(
        fmt::format("audit key '{}' has mode {:o}: group and others must not read it (chmod 600)",
                    path, st.st_mode & 0777));
  }
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  if (!in) return Unavailable(fmt::format("cannot read audit key '{}'", path));
  std::string line = text.str();
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  PROAKTIV_ASSIGN_OR_RETURN(std::string seed, FromBase64(line, "audit key " + path));
  auto key = FromSeed(seed);
  if (!key) return tl::unexpected(key.error().WithContext(path));
  return key;
}

Result<SigningKey> SigningKey::LoadOrCreate(const std::string& path) {
  auto loaded = Load(path);
  if (loaded || loaded.error().code != ErrorCode::kNotFound) return loaded;
  const std::string seed = RandomBytes(crypto_sign_SEEDBYTES);
  const std::string text = Base64(seed) + "\n";
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return Load(path);  // made by another process meanwhile
    return Unavailable(fmt::format("cannot create audit key '{}': {}", path, std::strerror(errno)));
  }
  const bool written = ::write(fd, text.data(), text.size()) == ssize_t(text.size());
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (!written || !synced) {
    ::unlink(path.c_str());
    return Unavailable(fmt::format("cannot write audit key '{}'", path));
  }
  return FromSeed(seed);
}

std::string SigningKey::Sign(std::string_view message) const {
  std::string signature(crypto_sign_BYTES, '\0');
  crypto_sign_detached(reinterpret_cast<unsigned char*>(signature.data()), nullptr,
                       reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       reinterpret_cast<const unsigned char*>(secret_key_.data()));
  return signature;
}

bool VerifySignature(std::string_view public_key, std::string_view message,
                     std::string_view signature) {
  EnsureSodium();
  if (public_key.size() != crypto_sign_PUBLICKEYBYTES || signature.size() != crypto_sign_BYTES) {
    return false;
  }
  return crypto_sign_verify_detached(
             reinterpret_cast<const unsigned char*>(signature.data()),
             reinterpret_cast<const unsigned char*>(message.data()), message.size(),
             reinterpret_cast<const unsigned char*>(public_key.data())) == 0;
}

}  // namespace proaktiv::audit

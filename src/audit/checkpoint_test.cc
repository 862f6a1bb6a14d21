// Signing keys and signed checkpoints: the key file is made with mode 0600 and refused when
// others may read it; a note verifies under its key and fails after any change, under another
// key or another name.

#include "audit/checkpoint.h"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace proaktiv::audit {
namespace {

class KeyFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("proaktiv-audit-key-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

TEST_F(KeyFileTest, KeyIsCreatedPrivateAndLoadedAgain) {
  const std::string path = DefaultKeyPath((dir_ / "registry.db").string());
  EXPECT_EQ(path, (dir_ / "registry.db.audit-key").string());
  EXPECT_EQ(SigningKey::Load(path).error().code, ErrorCode::kNotFound);
  auto made = SigningKey::LoadOrCreate(path);
  ASSERT_TRUE(made) << made.error().message;
  struct stat st;
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  auto again = SigningKey::LoadOrCreate(path);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->public_key(), made->public_key());
  EXPECT_EQ(made->public_key().size(), 32u);

  ::chmod(path.c_str(), 0644);
  auto refused = SigningKey::Load(path);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("644"), std::string::npos);
}

TEST_F(KeyFileTest, DamagedKeyFileIsAnError) {
  const std::string path = (dir_ / "bad-key").string();
  std::ofstream(path) << "not a key\n";
  ::chmod(path.c_str(), 0600);
  EXPECT_FALSE(SigningKey::Load(path));
}

SigningKey TestKey(char fill) { return *SigningKey::FromSeed(std::string(32, fill)); }

TEST(CheckpointTest, NoteHasTheCheckpointShapeAndVerifies) {
  const SigningKey key = TestKey('k');
  Checkpoint c{"proaktiv/test-log", 12, Sha256("root"), 1760000000123};
  const std::string note = SignCheckpoint(c, key);
  const std::string body = CheckpointBody(c);
  EXPECT_EQ(body, "proaktiv/test-log\n12\n" + Base64(c.root) + "\ntime 1760000000123\n");
  EXPECT_EQ(note.substr(0, body.size() + 1), body + "\n");
  EXPECT_EQ(note.substr(body.size() + 1, 4), "\xE2\x80\x94 ");
  auto opened = OpenCheckpoint(note, key.public_key());
  ASSERT_TRUE(opened) << opened.error().message;
  EXPECT_EQ(*opened, c);
  auto signature = NoteSignature(note);
  ASSERT_TRUE(signature);
  EXPECT_TRUE(VerifySignature(key.public_key(), body, *signature));
}

TEST(CheckpointTest, AnyChangeOrAnotherKeyIsRefused) {
  const SigningKey key = TestKey('k');
  const std::string note = SignCheckpoint({"proaktiv/test-log", 12, Sha256("root"), 5}, key);
  EXPECT_FALSE(OpenCheckpoint(note, TestKey('o').public_key()));
  for (size_t i = 0; i < note.size(); ++i) {
    std::string changed = note;
    changed[i] = char(changed[i] ^ 0x01);
    EXPECT_FALSE(OpenCheckpoint(changed, key.public_key())) << "byte " << i;
  }
  // Signed under another name than the origin.
  std::string renamed = note;
  renamed.replace(renamed.rfind("proaktiv/test-log"), 17, "proaktiv/test-loh");
  EXPECT_FALSE(OpenCheckpoint(renamed, key.public_key()));
}

TEST(CheckpointTest, OriginMustBeOneWord) {
  EXPECT_TRUE(CheckOrigin(kDefaultOrigin));
  EXPECT_FALSE(CheckOrigin(""));
  EXPECT_FALSE(CheckOrigin("two words"));
  EXPECT_FALSE(CheckOrigin("a+b"));
}

}  // namespace
}  // namespace proaktiv::audit

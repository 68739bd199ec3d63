// The vector file: one append-only, memory-mapped file of L2-normalised failure vectors per model,
// beside the store (the store stays the source of truth; this is a cache that is rebuilt from it).
//
// Consistency rests on the store's failure-vector generation (1 per new vector, 2^32 per replaced or
// removed one) and on the order of writes. An append happens only when the store's generation is the
// file's plus exactly the rows being appended, under an exclusive lock: rows are written after the
// last counted row and synced, then the header (count, generation, checksum) is rewritten and synced.
// A crash before the header write leaves uncounted bytes past the counted rows, which readers ignore
// and the next append overwrites; a torn header fails its checksum. A reader maps only the counted
// rows, and only when the header is intact and its generation equals the store's; anything else is
// rebuilt from the store into `<file>.tmp`, synced and renamed over the file, so a reader that still
// maps the old inode keeps a consistent (older) snapshot.
#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <devos/adapters/vector_file.hpp>
#include <devos/contracts/embedding.hpp>
#include <devos/foundation/hash.hpp>
#include <fcntl.h>
#include <filesystem>
#include <map>
#include <optional>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>
#include <vector>

namespace devos::adapters {
namespace {

static_assert(std::endian::native == std::endian::little, "the vector file is little-endian");

using contracts::ErrorKind;
using contracts::Expected;

constexpr char kMagic[8] = {'D', 'E', 'V', 'O', 'S', 'V', 'E', 'C'};
constexpr std::uint32_t kFormat = 1;
constexpr std::size_t kMaxModelBytes = 200;
constexpr std::size_t kRecordAlign = 32;
constexpr std::size_t kIdSlotBytes = 2 + kVectorFileIdBytes; // kind, length, id
constexpr std::size_t kWriteChunkBytes = std::size_t{4} << 20;
constexpr std::uint8_t kTestKind = 1;
constexpr std::uint8_t kLintKind = 2;

struct Header {
    char magic[8];
    std::uint32_t format;
    std::uint32_t storage; // 1 fp16, 2 fp32
    std::uint32_t dims;
    std::uint32_t recordBytes;
    std::uint64_t count;
    std::uint64_t generation;
    std::uint32_t modelLength;
    char model[kMaxModelBytes];
    std::uint32_t reserved;
    std::uint64_t checksum; // FNV-1a 64 of every byte above
};
static_assert(sizeof(Header) == 256 && sizeof(Header) <= kVectorFileHeaderBytes);

std::uint64_t checksumOf(const Header& h) {
    return foundation::fnv1a64(
        std::string_view(reinterpret_cast<const char*>(&h), offsetof(Header, checksum)));
}

std::uint32_t storageCode(contracts::VectorStorage storage) {
    return storage == contracts::VectorStorage::Fp16 ? 1 : 2;
}

std::size_t elementBytes(contracts::VectorStorage storage) {
    return storage == contracts::VectorStorage::Fp16 ? sizeof(_Float16) : sizeof(float);
}

std::size_t recordBytesFor(std::size_t dims, contracts::VectorStorage storage) {
    const std::size_t raw = kIdSlotBytes + dims * elementBytes(storage);
    return (raw + kRecordAlign - 1) / kRecordAlign * kRecordAlign;
}

bool isFailureKind(std::string_view kind) {
    return kind == contracts::kTestFailureOwner || kind == contracts::kLintFailureOwner;
}

std::unexpected<contracts::Error> ioError(const std::string& what, const std::string& path) {
    return contracts::fail(ErrorKind::Io, what + " failed: " + std::strerror(errno), path, 0,
                           "check that the folder is writable; the file is a cache that devos rebuilds");
}

// A file descriptor that closes itself.
class Fd {
public:
    explicit Fd(int fd = -1) : fd_(fd) {}
    Fd(Fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
    Fd& operator=(Fd&&) = delete;
    ~Fd() {
        if (fd_ >= 0) {
            ::close(fd_);
        }
    }
    [[nodiscard]] int get() const { return fd_; }
    [[nodiscard]] bool valid() const { return fd_ >= 0; }

private:
    int fd_;
};

bool writeAll(int fd, const std::byte* data, std::size_t size, off_t offset) {
    while (size > 0) {
        const ssize_t n = ::pwrite(fd, data, size, offset);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return false;
        }
        data += n;
        size -= static_cast<std::size_t>(n);
        offset += n;
    }
    return true;
}

// The header of `fd` when it is intact (magic, format, checksum, the model's name, a sane shape) and
// the file holds every counted record; nullopt otherwise.
std::optional<Header> intactHeader(int fd, const std::string& model) {
    struct stat st{};
    Header h{};
    if (::fstat(fd, &st) != 0 || static_cast<std::size_t>(st.st_size) < kVectorFileHeaderBytes ||
        ::pread(fd, &h, sizeof h, 0) != static_cast<ssize_t>(sizeof h)) {
        return std::nullopt;
    }
    const bool shape = std::memcmp(h.magic, kMagic, sizeof kMagic) == 0 && h.format == kFormat &&
                       h.checksum == checksumOf(h) && h.modelLength == model.size() &&
                       std::string_view(h.model, h.modelLength) == model &&
                       (h.storage == 1 || h.storage == 2);
    if (!shape) {
        return std::nullopt;
    }
    const auto storage = h.storage == 1 ? contracts::VectorStorage::Fp16 : contracts::VectorStorage::Fp32;
    if (h.count != 0 && (h.dims == 0 || h.recordBytes != recordBytesFor(h.dims, storage))) {
        return std::nullopt;
    }
    const std::size_t needed = kVectorFileHeaderBytes + h.count * h.recordBytes;
    if (static_cast<std::size_t>(st.st_size) < needed) {
        return std::nullopt;
    }
    return h;
}

Header newHeader(const std::string& model, contracts::VectorStorage storage, std::size_t dims) {
    Header h{};
    std::memcpy(h.magic, kMagic, sizeof kMagic);
    h.format = kFormat;
    h.storage = storageCode(storage);
    h.dims = static_cast<std::uint32_t>(dims);
    h.recordBytes = static_cast<std::uint32_t>(dims == 0 ? 0 : recordBytesFor(dims, storage));
    h.modelLength = static_cast<std::uint32_t>(model.size());
    std::memcpy(h.model, model.data(), model.size());
    return h;
}

bool writeHeader(int fd, Header h) {
    h.checksum = checksumOf(h);
    return writeAll(fd, reinterpret_cast<const std::byte*>(&h), sizeof h, 0);
}

// Appends the record of `e` (a failure vector of `dims` floats) to `out`.
Expected<void> encodeRecord(const contracts::StoredEmbedding& e, std::size_t dims,
                            contracts::VectorStorage storage, std::vector<std::byte>& out) {
    if (e.ownerId.size() > kVectorFileIdBytes) {
        return contracts::fail(ErrorKind::Invalid,
                               "failure id '" + e.ownerId + "' is longer than the vector file's " +
                                   std::to_string(kVectorFileIdBytes) + " bytes",
                               {}, 0, "failure ids are ULIDs (26 characters); store vectors under them");
    }
    if (e.vector.size() != dims) {
        return contracts::fail(ErrorKind::Storage,
                               "stored vectors of model " + e.model + " differ in length (" +
                                   std::to_string(dims) + " and " + std::to_string(e.vector.size()) + ")",
                               {}, 0, "re-ingest with one embedder per model name");
    }
    std::vector<float> row(e.vector);
    if (auto ok = contracts::normaliseInPlace(row); !ok) {
        ok.error().message = e.ownerKind + " " + e.ownerId + ": " + ok.error().message;
        return ok;
    }
    const std::size_t at = out.size();
    out.resize(at + recordBytesFor(dims, storage));
    std::byte* record = out.data() + at;
    record[0] = std::byte{e.ownerKind == contracts::kLintFailureOwner ? kLintKind : kTestKind};
    record[1] = std::byte{static_cast<unsigned char>(e.ownerId.size())};
    std::memcpy(record + 2, e.ownerId.data(), e.ownerId.size());
    if (storage == contracts::VectorStorage::Fp16) {
        std::vector<_Float16> halves(row.begin(), row.end());
        std::memcpy(record + kIdSlotBytes, halves.data(), halves.size() * sizeof(_Float16));
    } else {
        std::memcpy(record + kIdSlotBytes, row.data(), row.size() * sizeof(float));
    }
    return {};
}

// The counted records of a vector file, mapped read-only; unmapped with the last reference.
class MappedVectors final : public ports::FailureVectors {
public:
    MappedVectors(void* base, std::size_t length, contracts::VectorRows rows, std::uint64_t generation,
                  std::string source)
        : base_(base), length_(length), rows_(std::move(rows)), generation_(generation),
          source_(std::move(source)) {}
    ~MappedVectors() override { ::munmap(base_, length_); }
    MappedVectors(const MappedVectors&) = delete;
    MappedVectors& operator=(const MappedVectors&) = delete;

    const contracts::VectorRows& rows() const override { return rows_; }
    contracts::FailureVectorOwner owner(std::size_t row) const override {
        const auto* record =
            static_cast<const unsigned char*>(base_) + kVectorFileHeaderBytes + row * rows_.strideBytes;
        return {record[0] == kLintKind ? contracts::kLintFailureOwner : contracts::kTestFailureOwner,
                std::string_view(reinterpret_cast<const char*>(record + 2), record[1])};
    }
    std::uint64_t generation() const override { return generation_; }
    const std::string& source() const override { return source_; }

private:
    void* base_;
    std::size_t length_;
    contracts::VectorRows rows_;
    std::uint64_t generation_;
    std::string source_;
};

// An flock on `<file>.lock`, released when it goes.
class FileLock {
public:
    static Expected<FileLock> take(const std::string& path, int operation) {
        Fd fd(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644));
        if (!fd.valid()) {
            return ioError("open the lock file", path);
        }
        while (::flock(fd.get(), operation) != 0) {
            if (errno != EINTR) {
                return ioError("lock", path);
            }
        }
        return FileLock(std::move(fd));
    }

private:
    explicit FileLock(Fd fd) : fd_(std::move(fd)) {}
    Fd fd_; // closing it releases the lock
};

class VectorFileCache final : public ports::FailureVectorCache {
public:
    VectorFileCache(std::string dir, ports::TelemetryStore& store, contracts::VectorStorage storage)
        : dir_(std::move(dir)), store_(store), storage_(storage) {}

    Expected<std::shared_ptr<const ports::FailureVectors>> open(const std::string& model) override {
        std::error_code ec;
        std::filesystem::create_directories(dir_, ec);
        if (ec) {
            return contracts::fail(ErrorKind::Io, "cannot create folder " + dir_ + ": " + ec.message(), dir_,
                                   0, "check that the folder is writable");
        }
        const std::string path = vectorFilePath(dir_, model);
        {
            auto shared = FileLock::take(path + ".lock", LOCK_SH);
            if (!shared) {
                return std::unexpected(std::move(shared.error()));
            }
            auto mapped = mapIfStoreMatches(path, model);
            if (!mapped || *mapped) {
                return mapped;
            }
        }
        auto exclusive = FileLock::take(path + ".lock", LOCK_EX);
        if (!exclusive) {
            return std::unexpected(std::move(exclusive.error()));
        }
        auto mapped = mapIfStoreMatches(path, model); // another process may have rebuilt it meanwhile
        if (!mapped || *mapped) {
            return mapped;
        }
        if (auto rebuilt = rebuild(path, model); !rebuilt) {
            return std::unexpected(std::move(rebuilt.error()));
        }
        auto fresh = mapIfCurrent(path, model, std::nullopt);
        if (fresh && !*fresh) {
            return contracts::fail(ErrorKind::Storage, "the vector file just rebuilt cannot be read back",
                                   path, 0, "delete the file; devos rebuilds it from the store");
        }
        return fresh;
    }

    Expected<void> appendCommitted(std::span<const contracts::StoredEmbedding> vectors) override {
        std::map<std::string, std::vector<const contracts::StoredEmbedding*>> byModel;
        for (const auto& v : vectors) {
            if (isFailureKind(v.ownerKind)) {
                byModel[v.model].push_back(&v);
            }
        }
        for (const auto& [model, rows] : byModel) {
            if (auto ok = append(model, rows); !ok) {
                return ok;
            }
        }
        return {};
    }

private:
    // mapIfCurrent at the store's generation now.
    Expected<std::shared_ptr<const ports::FailureVectors>> mapIfStoreMatches(const std::string& path,
                                                                             const std::string& model) const {
        auto generation = store_.failureVectorGeneration(model);
        if (!generation) {
            return std::unexpected(std::move(generation.error()));
        }
        return mapIfCurrent(path, model, *generation);
    }

    // The file's counted records mapped, when its header is intact and its generation is `generation`
    // (any, when nullopt); nullptr when it is missing, damaged or stale.
    Expected<std::shared_ptr<const ports::FailureVectors>>
    mapIfCurrent(const std::string& path, const std::string& model,
                 std::optional<std::uint64_t> generation) const {
        Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
        if (!fd.valid()) {
            if (errno == ENOENT) {
                return nullptr;
            }
            return ioError("open the vector file", path);
        }
        const auto header = intactHeader(fd.get(), model);
        if (!header || (generation && header->generation != *generation) ||
            header->storage != storageCode(storage_)) {
            return nullptr;
        }
        const std::size_t length = kVectorFileHeaderBytes + header->count * header->recordBytes;
        void* base = ::mmap(nullptr, length, PROT_READ, MAP_SHARED, fd.get(), 0);
        if (base == MAP_FAILED) {
            return ioError("map the vector file", path);
        }
        contracts::VectorRows rows{model,
                                   header->dims,
                                   header->count,
                                   storage_,
                                   static_cast<const std::byte*>(base) + kVectorFileHeaderBytes +
                                       kIdSlotBytes,
                                   header->recordBytes};
        return std::make_shared<const MappedVectors>(base, length, std::move(rows), header->generation, path);
    }

    // Writes every failure vector of `model` from one store snapshot into `<path>.tmp`, syncs it and
    // renames it over `path`. The caller holds the exclusive lock.
    Expected<void> rebuild(const std::string& path, const std::string& model) const {
        if (model.size() > kMaxModelBytes) {
            return contracts::fail(ErrorKind::Invalid, "model name longer than 200 bytes: " + model, {}, 0,
                                   "use a shorter embedder model name");
        }
        const std::string tmp = path + ".tmp";
        Fd fd(::open(tmp.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
        if (!fd.valid()) {
            return ioError("create the vector file", tmp);
        }
        std::size_t dims = 0;
        std::uint64_t count = 0;
        off_t offset = kVectorFileHeaderBytes;
        std::vector<std::byte> buffer;
        auto flush = [&]() -> Expected<void> {
            if (!writeAll(fd.get(), buffer.data(), buffer.size(), offset)) {
                return ioError("write the vector file", tmp);
            }
            offset += static_cast<off_t>(buffer.size());
            buffer.clear();
            return {};
        };
        auto generation =
            store_.visitFailureVectors(model, [&](const contracts::StoredEmbedding& e) -> Expected<void> {
                if (count == 0) {
                    dims = e.vector.size();
                }
                if (auto ok = encodeRecord(e, dims, storage_, buffer); !ok) {
                    return ok;
                }
                ++count;
                return buffer.size() >= kWriteChunkBytes ? flush() : Expected<void>{};
            });
        if (!generation) {
            ::unlink(tmp.c_str());
            return std::unexpected(std::move(generation.error()));
        }
        Header h = newHeader(model, storage_, dims);
        h.count = count;
        h.generation = *generation;
        if (auto ok = flush(); !ok) {
            return ok;
        }
        if (::ftruncate(fd.get(), offset) != 0 || !writeHeader(fd.get(), h) || ::fdatasync(fd.get()) != 0) {
            return ioError("write the vector file", tmp); // (ftruncate: a header page even with no rows)
        }
        if (::rename(tmp.c_str(), path.c_str()) != 0) {
            return ioError("rename " + tmp + " to", path);
        }
        return {};
    }

    Expected<void> append(const std::string& model,
                          const std::vector<const contracts::StoredEmbedding*>& rows) {
        const std::string path = vectorFilePath(dir_, model);
        std::error_code ec;
        if (!std::filesystem::exists(path, ec)) {
            return {}; // nothing cached yet: the first open() builds the file
        }
        auto lock = FileLock::take(path + ".lock", LOCK_EX);
        if (!lock) {
            return std::unexpected(std::move(lock.error()));
        }
        Fd fd(::open(path.c_str(), O_RDWR | O_CLOEXEC));
        if (!fd.valid()) {
            return errno == ENOENT ? Expected<void>{} : ioError("open the vector file", path);
        }
        auto header = intactHeader(fd.get(), model);
        auto generation = store_.failureVectorGeneration(model);
        if (!generation) {
            return std::unexpected(std::move(generation.error()));
        }
        if (!header || header->storage != storageCode(storage_) ||
            header->generation + rows.size() != *generation) {
            return {}; // damaged, or the store changed in other ways too: open() rebuilds it
        }
        const std::size_t dims = header->count == 0 ? rows.front()->vector.size() : header->dims;
        std::vector<std::byte> buffer;
        for (const auto* row : rows) {
            if (auto ok = encodeRecord(*row, dims, storage_, buffer); !ok) {
                return ok;
            }
        }
        Header next = *header;
        if (header->count == 0) {
            next = newHeader(model, storage_, dims);
        }
        const auto offset = static_cast<off_t>(kVectorFileHeaderBytes + header->count * next.recordBytes);
        if (!writeAll(fd.get(), buffer.data(), buffer.size(), offset) || ::fdatasync(fd.get()) != 0) {
            return ioError("append to the vector file", path);
        }
        next.count = header->count + rows.size();
        next.generation = *generation;
        if (!writeHeader(fd.get(), next) || ::fdatasync(fd.get()) != 0) {
            return ioError("update the vector file's header", path);
        }
        return {};
    }

    std::string dir_;
    ports::TelemetryStore& store_;
    contracts::VectorStorage storage_;
};

} // namespace

std::string vectorFilePath(const std::string& dir, const std::string& model) {
    std::string name = model;
    bool replaced = name.empty();
    for (char& c : name) {
        const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                          c == '.' || c == '_' || c == '-';
        if (!safe || (c == '.' && &c == &name.front())) {
            c = '_';
            replaced = true;
        }
    }
    if (replaced) {
        name += "-" + foundation::hex64(foundation::fnv1a64(model)).substr(0, 8);
    }
    return (std::filesystem::path(dir) / (name + ".vectors")).string();
}

std::unique_ptr<ports::FailureVectorCache> makeVectorFileCache(std::string dir, ports::TelemetryStore& store,
                                                               contracts::VectorStorage storage) {
    return std::make_unique<VectorFileCache>(std::move(dir), store, storage);
}

} // namespace devos::adapters

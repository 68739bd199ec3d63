// writeFileAtomically is the temporary-file-and-rename of ccache's AtomicFile, with every system
// call checked: a partial write (a full disk), a failed fsync or close (NFS reports write errors
// there) or a failed rename removes the temporary file and leaves the old content in place.
#include <atomic>
#include <cerrno>
#include <cstring>
#include <devos/foundation/files.hpp>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace devos::foundation {
namespace {

namespace fs = std::filesystem;

const char* kWriteHint = "check that the folder exists and is writable and that the disk has space; "
                         "the previous content, if any, is unchanged";

std::string causeOf(int error) {
    return std::strerror(error);
}

std::unexpected<Error> readError(const std::string& path, std::string_view what, int error) {
    ErrorKind kind = error == ENOENT || error == ENOTDIR ? ErrorKind::NotFound : ErrorKind::Io;
    return fail(kind, "cannot read " + std::string(what) + ": " + causeOf(error), path);
}

std::unexpected<Error> writeError(const std::string& path, std::string_view what, const char* stage,
                                  int error) {
    return fail(ErrorKind::Io, "cannot write " + std::string(what) + " (" + stage + "): " + causeOf(error),
                path, 0, kWriteHint);
}

// Writes all of `text` to `fd`, retrying short writes and EINTR; 0 or the errno of the failure.
int writeAll(int fd, std::string_view text) {
    while (!text.empty()) {
        ssize_t n = ::write(fd, text.data(), text.size());
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        if (n == 0)
            return EIO;
        text.remove_prefix(static_cast<std::size_t>(n));
    }
    return 0;
}

// Creates a new file beside `target` with a name no other writer uses: the process id and a counter
// tell this process's writers apart, O_EXCL and a retry the ones of other processes.
int createTemporary(const fs::path& target, std::string& name) {
    static std::atomic<unsigned> counter{0};
    for (int attempt = 0; attempt < 100; ++attempt) {
        fs::path temp = target;
        temp.replace_filename("." + target.filename().string() + ".tmp." + std::to_string(::getpid()) + "." +
                              std::to_string(counter++));
        name = temp.string();
        int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    errno = EEXIST;
    return -1;
}

} // namespace

Expected<std::string> readTextFile(const std::string& path, std::string_view what) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return readError(path, what, errno);
    std::string text;
    struct stat info{};
    if (::fstat(fd, &info) == 0 && info.st_size > 0)
        text.reserve(static_cast<std::size_t>(info.st_size));
    char buffer[65536];
    for (;;) {
        ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int error = errno;
            ::close(fd);
            return readError(path, what, error);
        }
        if (n == 0)
            break;
        text.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return text;
}

Expected<void> writeFileAtomically(const std::string& path, std::string_view text, WriteOptions options) {
    fs::path target(path);
    if (target.filename().empty())
        return fail(ErrorKind::Invalid,
                    "cannot write " + std::string(options.what) + ": the path names a folder", path);
    if (options.folders == MissingFolders::Create && target.has_parent_path()) {
        std::error_code ec;
        fs::create_directories(target.parent_path(), ec);
        if (ec)
            return fail(ErrorKind::Io,
                        "cannot write " + std::string(options.what) + " (creating the folder " +
                            target.parent_path().string() + "): " + ec.message(),
                        path, 0, kWriteHint);
    }
    struct stat existing{};
    if (::stat(path.c_str(), &existing) == 0 && !S_ISREG(existing.st_mode))
        return fail(ErrorKind::Invalid,
                    "cannot write " + std::string(options.what) +
                        ": the path exists and is not a regular file",
                    path, 0, "give the path of a file");
    std::string temp;
    int fd = createTemporary(target, temp);
    if (fd < 0)
        return writeError(path, options.what, "creating a temporary file beside it", errno);
    int error = writeAll(fd, text);
    const char* stage = "writing";
    if (error == 0 && ::fsync(fd) != 0) {
        error = errno;
        stage = "flushing to the disk";
    }
    if (::close(fd) != 0 && error == 0) {
        error = errno;
        stage = "closing";
    }
    if (error == 0 && ::rename(temp.c_str(), path.c_str()) != 0) {
        error = errno;
        stage = "renaming the temporary file over it";
    }
    if (error != 0) {
        ::unlink(temp.c_str());
        return writeError(path, options.what, stage, error);
    }
    return {};
}

} // namespace devos::foundation

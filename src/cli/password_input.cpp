#include "cli/password_input.h"

#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace md::cli {
namespace {

std::optional<std::string> prompt_on_tty(const std::string& prompt) {
    const int fd = open("/dev/tty", O_RDWR | O_NOCTTY);
    if (fd < 0) return std::nullopt;
    (void)!write(fd, prompt.data(), prompt.size());
    termios saved{};
    const bool is_tty = tcgetattr(fd, &saved) == 0;
    if (is_tty) {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(fd, TCSAFLUSH, &quiet);
    }
    std::string line;
    char c;
    while (read(fd, &c, 1) == 1 && c != '\n') line += c;
    if (is_tty) tcsetattr(fd, TCSAFLUSH, &saved);
    (void)!write(fd, "\n", 1);
    close(fd);
    return line;
}

}  // namespace

std::optional<std::string> read_password(const char* env_var, const std::string& prompt, bool confirm) {
    if (const char* value = std::getenv(env_var)) return std::string(value);
    auto first = prompt_on_tty(prompt);
    if (!first || !confirm) return first;
    auto again = prompt_on_tty("Again: ");
    if (!again || *again != *first) return std::nullopt;
    return first;
}

}  // namespace md::cli

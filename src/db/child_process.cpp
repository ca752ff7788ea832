#include "db/child_process.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace md {

ChildResult run_child(const std::vector<std::string>& argv, const std::vector<std::string>& extra_env,
                      const KeepGoing& keep_going) {
    ChildResult result;
    int pipe_fds[2];
    if (pipe2(pipe_fds, O_CLOEXEC) != 0) {
        result.output = std::strerror(errno);
        return result;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDERR_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);

    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    std::vector<std::string> env_store;
    for (char** e = environ; *e; ++e) env_store.emplace_back(*e);
    for (const std::string& e : extra_env) env_store.push_back(e);
    std::vector<char*> env;
    for (std::string& e : env_store) env.push_back(e.data());
    env.push_back(nullptr);

    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), env.data());
    posix_spawn_file_actions_destroy(&actions);
    close(pipe_fds[1]);
    if (spawned != 0) {
        close(pipe_fds[0]);
        result.output = argv[0] + ": " + std::strerror(spawned);
        return result;
    }
    char buffer[4096];
    for (;;) {
        if (keep_going) {
            // Wait for output at most 200 ms, so the caller can show it is alive and stop it.
            pollfd ready{pipe_fds[0], POLLIN, 0};
            const int polled = poll(&ready, 1, 200);
            if (polled < 0 && errno != EINTR) break;
            if (!result.stopped && !keep_going()) {
                kill(pid, SIGTERM);
                result.stopped = true;
            }
            if (polled <= 0) continue;
        }
        const ssize_t n = read(pipe_fds[0], buffer, sizeof buffer);
        if (n > 0) result.output.append(buffer, static_cast<std::size_t>(n));
        else if (n == 0 || errno != EINTR) break;
    }
    close(pipe_fds[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

}  // namespace md

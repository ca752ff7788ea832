// The replay driver: in the normal build each fuzz target is linked with this main() instead of
// libFuzzer's, and feeds it every file of its corpus folder (tests/fuzz/corpus/<target>/), so each
// test run replays the seeds and the inputs the long runs found. The target catches the errors
// its input may rightly cause; anything escaping it is a failure, named with its file.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace fs = std::filesystem;

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: " << argv[0] << " CORPUS_FOLDER_OR_FILE...\n";
        return 2;
    }
    std::vector<fs::path> inputs;
    for (int i = 1; i < argc; ++i) {
        const fs::path given(argv[i]);
        if (fs::is_directory(given)) {
            for (const auto& entry : fs::directory_iterator(given))
                if (entry.is_regular_file()) inputs.push_back(entry.path());
        } else {
            inputs.push_back(given);
        }
    }
    // A fixed order, so a failure reproduces the same way on every machine.
    std::sort(inputs.begin(), inputs.end());
    if (inputs.empty()) {
        std::cerr << "no inputs found: the corpus folder is missing or empty\n";
        return 2;
    }
    for (const fs::path& input : inputs) {
        std::ifstream file(input, std::ios::binary);
        if (!file) {
            std::cerr << "cannot read " << input << '\n';
            return 2;
        }
        const std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
        try {
            LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
        } catch (const std::exception& e) {
            std::cerr << input.filename().string() << ": unexpected exception: " << e.what() << '\n';
            return 1;
        } catch (...) {
            std::cerr << input.filename().string() << ": unexpected exception of an unknown type\n";
            return 1;
        }
    }
    std::cout << "replayed " << inputs.size() << " inputs\n";
    return 0;
}

# The fuzz build (-DMEMBERDESK_FUZZ=ON, tests/fuzz/run.sh): the core libraries and the libFuzzer
# targets only, all compiled by clang with coverage for libFuzzer, AddressSanitizer and UBSan.
# Depends on clang and its libclang_rt.fuzzer (Debian clang-14, libclang-rt-14-dev); no GUI.
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "MEMBERDESK_FUZZ needs clang (libFuzzer): configure with CXX=clang++")
endif()

# Every library the targets link is instrumented, so libFuzzer sees coverage inside the product
# code and the sanitizers check it. UBSan findings abort (no recovery): a finding is a crash.
# -O1 and line tables: quick to build, fast enough to run, stack traces with lines.
add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
                    -fno-omit-frame-pointer -O1 -gline-tables-only)
add_link_options(-fsanitize=address,undefined)

add_subdirectory(src/models)
add_subdirectory(src/db)
add_subdirectory(src/services)
# UBSan's vptr check needs the typeinfo of SOCI's classes, which Debian's libsoci does not export
# (the link fails): it is off in the code that runs SOCI statements (md_db, and md_services,
# which runs some of its own). Every other check is on everywhere.
target_compile_options(md_db PRIVATE -fno-sanitize=vptr)
target_compile_options(md_services PRIVATE -fno-sanitize=vptr)
add_subdirectory(src/reports)
add_subdirectory(src/cli)
add_subdirectory(tests/fuzz)

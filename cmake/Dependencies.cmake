# Imported targets for the Debian packages MemberDesk builds on.
# SOCI 4.0 and wxWidgets 3.2 ship no CMake config on Debian 12, so they are wrapped here.
find_package(Boost 1.74 REQUIRED COMPONENTS date_time)
find_package(SQLite3 REQUIRED)
find_package(PostgreSQL REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
find_package(nlohmann_json 3 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(ICU REQUIRED COMPONENTS i18n uc data)
find_library(PHONENUMBER_LIB phonenumber REQUIRED)
find_path(PHONENUMBER_INCLUDE_DIR phonenumbers/phonenumberutil.h REQUIRED)
add_library(phonenumber INTERFACE IMPORTED)
target_link_libraries(phonenumber INTERFACE ${PHONENUMBER_LIB})
target_include_directories(phonenumber INTERFACE ${PHONENUMBER_INCLUDE_DIR})

find_path(SOCI_INCLUDE_DIR soci/soci.h REQUIRED)
find_library(SOCI_CORE_LIB soci_core REQUIRED)
find_library(SOCI_SQLITE3_LIB soci_sqlite3 REQUIRED)
find_library(SOCI_PG_LIB soci_postgresql REQUIRED)
add_library(soci::core INTERFACE IMPORTED)
target_include_directories(soci::core INTERFACE ${SOCI_INCLUDE_DIR})
target_link_libraries(soci::core INTERFACE ${SOCI_CORE_LIB} Boost::date_time ${CMAKE_DL_LIBS})
target_compile_definitions(soci::core INTERFACE SOCI_USE_BOOST)
add_library(soci::sqlite3 INTERFACE IMPORTED)
target_link_libraries(soci::sqlite3 INTERFACE ${SOCI_SQLITE3_LIB} soci::core SQLite::SQLite3)
add_library(soci::postgresql INTERFACE IMPORTED)
target_link_libraries(soci::postgresql INTERFACE ${SOCI_PG_LIB} soci::core PostgreSQL::PostgreSQL)

find_package(wxWidgets 3.2 REQUIRED COMPONENTS html core base)
add_library(wx::wx INTERFACE IMPORTED)
target_include_directories(wx::wx SYSTEM INTERFACE ${wxWidgets_INCLUDE_DIRS})
target_compile_definitions(wx::wx INTERFACE ${wxWidgets_DEFINITIONS})
target_compile_options(wx::wx INTERFACE ${wxWidgets_CXX_FLAGS})
target_link_libraries(wx::wx INTERFACE ${wxWidgets_LIBRARIES})

find_program(MSGFMT_EXECUTABLE msgfmt REQUIRED)

# libxlsxwriter (XLSX exports): pkg-config only on Debian.
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)

# cairo + pango (PDF: card sheets, and later every report), with a CJK font from fontconfig.
pkg_check_modules(PANGOCAIRO REQUIRED IMPORTED_TARGET pangocairo cairo-pdf)

# The module tests' one recipe (libs/<m>/test, platform/<p>/<m>/test): a
# CMocka program per test, built with the project's warnings and, with
# UK_SANITIZE, ASan and UBSan, registered with ctest.

# UK_SANITIZE_FLAGS may be a list or one string of flags: make it a list.
separate_arguments(UK_TEST_SANITIZE UNIX_COMMAND "${UK_SANITIZE_FLAGS}")
set(UK_TEST_C_FLAGS -std=c11 -Wall -Wextra -Werror ${UK_TEST_SANITIZE})

# uk_module_test(<test name> <program> SOURCES <file>...
#                [INCLUDES <dir>...] [LIBS <library>...] [DEFINES <macro>...])
# builds <program> from SOURCES against CMocka, with INCLUDES, DEFINES and
# LIBS (libraries built here, whose public flags come along), and runs it
# as the ctest test <test name>.
function(uk_module_test name program)
	cmake_parse_arguments(PARSE_ARGV 2 arg "" "" "SOURCES;INCLUDES;LIBS;DEFINES")
	if(arg_UNPARSED_ARGUMENTS OR NOT arg_SOURCES)
		message(FATAL_ERROR "uk_module_test(${name} ${program}): give SOURCES, and only "
			"INCLUDES, LIBS and DEFINES besides (unknown: ${arg_UNPARSED_ARGUMENTS})")
	endif()
	add_executable(${program} ${arg_SOURCES})
	target_include_directories(${program} PRIVATE ${arg_INCLUDES} ${CMOCKA_INCLUDE_DIRS})
	target_compile_options(${program} PRIVATE ${UK_TEST_C_FLAGS})
	target_compile_definitions(${program} PRIVATE ${arg_DEFINES})
	target_link_options(${program} PRIVATE ${UK_TEST_SANITIZE})
	target_link_libraries(${program} PRIVATE ${arg_LIBS} ${CMOCKA_LIBRARIES})
	add_test(NAME ${name} COMMAND ${program})
endfunction()

# Shared by the network modules' test/CMakeLists.txt: the whole stack built
# for the host against test/net's small configuration and harness, CMocka
# tests over it, and libFuzzer targets (built with clang, whatever compiler
# builds the rest).
get_filename_component(UK_ROOT ${CMAKE_CURRENT_LIST_DIR}/../.. ABSOLUTE)
set(UK_NET_MODULES rng sched netdev ethernet arp ipv4 icmp udp)
set(UK_NET_SOURCES "")
set(UK_NET_INCLUDES ${UK_ROOT}/test/net ${UK_ROOT}/platform/include)
foreach(m ${UK_NET_MODULES})
	file(GLOB s CONFIGURE_DEPENDS ${UK_ROOT}/libs/${m}/src/*.c)
	list(APPEND UK_NET_SOURCES ${s})
	list(APPEND UK_NET_INCLUDES ${UK_ROOT}/libs/${m}/include)
endforeach()
list(SORT UK_NET_SOURCES)

if(NOT TARGET uktest_netstack)
	add_library(uktest_netstack STATIC ${UK_NET_SOURCES} ${UK_ROOT}/test/net/harness.c)
	target_include_directories(uktest_netstack PUBLIC ${UK_NET_INCLUDES})
	target_compile_options(uktest_netstack PUBLIC ${UK_TEST_C_FLAGS})
	target_link_options(uktest_netstack PUBLIC ${UK_TEST_SANITIZE})

	# libFuzzer comes with clang's runtime (Debian: libclang-rt-14-dev).
	find_program(UK_FUZZ_CLANG NAMES clang clang-14)
	set(UK_FUZZ_OK FALSE)
	if(UK_FUZZ_CLANG)
		set(probe ${CMAKE_BINARY_DIR}/fuzz-probe)
		file(WRITE ${probe}.c "#include <stddef.h>\n#include <stdint.h>\n"
			"int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)"
			"{ (void)d; (void)n; return 0; }\n")
		execute_process(COMMAND ${UK_FUZZ_CLANG} -fsanitize=fuzzer,address,undefined
			${probe}.c -o ${probe} RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
		if(rc EQUAL 0)
			set(UK_FUZZ_OK TRUE)
		endif()
	endif()
	set(UK_FUZZ_OK ${UK_FUZZ_OK} CACHE INTERNAL "")
	if(NOT UK_FUZZ_OK)
		message(FATAL_ERROR "clang with libFuzzer not found: the network fuzz targets "
			"need it (scripts/setup-debian.sh installs clang and libclang-rt-14-dev)")
	endif()
endif()

# uk_net_test(<module> <test source> [SOURCES <file>...] [INCLUDES <dir>...]):
# lib/<module>/unit over the stack, with the module's own SOURCES and
# INCLUDES when the stack does not hold it.
function(uk_net_test module src)
	cmake_parse_arguments(PARSE_ARGV 2 arg "" "" "SOURCES;INCLUDES")
	if(arg_UNPARSED_ARGUMENTS)
		message(FATAL_ERROR "uk_net_test(${module}): unknown ${arg_UNPARSED_ARGUMENTS}")
	endif()
	uk_module_test(lib/${module}/unit test_net_${module} SOURCES ${src} ${arg_SOURCES}
		INCLUDES ${arg_INCLUDES} LIBS uktest_netstack)
endfunction()

# uk_net_fuzz(<module> <fuzz source> <corpus dir> [SOURCES <file>...]
#             [INCLUDES <dir>...] [DEPENDS <header>...]): a libFuzzer binary
# of the stack (plus SOURCES, INCLUDES; DEPENDS rebuild it too), ASan and
# UBSan on, and lib/<module>/fuzz, which runs it for UK_FUZZ_SECONDS (10)
# from the committed corpus. New inputs go to a scratch directory in the
# build tree, never into the committed corpus.
set(UK_FUZZ_SECONDS 10 CACHE STRING "Seconds each network fuzz test runs")
function(uk_net_fuzz module src corpus)
	if(NOT UK_FUZZ_OK)
		return()
	endif()
	cmake_parse_arguments(PARSE_ARGV 3 arg "" "" "SOURCES;INCLUDES;DEPENDS")
	if(arg_UNPARSED_ARGUMENTS)
		message(FATAL_ERROR "uk_net_fuzz(${module}): unknown ${arg_UNPARSED_ARGUMENTS}")
	endif()
	get_filename_component(src ${src} ABSOLUTE)
	get_filename_component(corpus ${corpus} ABSOLUTE)
	set(out ${CMAKE_CURRENT_BINARY_DIR}/fuzz-${module}.bin)
	set(flags -g -O1 -std=c11 -Wall -Wextra -Werror -fsanitize=fuzzer,address,undefined
		-fno-sanitize-recover=undefined -fno-omit-frame-pointer)
	foreach(d ${UK_NET_INCLUDES} ${arg_INCLUDES})
		list(APPEND flags -I${d})
	endforeach()
	set(srcs ${src} ${UK_ROOT}/test/net/fuzz_main.c ${UK_ROOT}/test/net/harness.c
		${UK_NET_SOURCES})
	foreach(f ${arg_SOURCES})
		get_filename_component(f ${f} ABSOLUTE)
		list(APPEND srcs ${f})
	endforeach()
	add_custom_command(OUTPUT ${out}
		COMMAND ${UK_FUZZ_CLANG} ${flags} ${srcs} -o ${out}
		DEPENDS ${srcs} ${UK_ROOT}/test/net/harness.h ${UK_ROOT}/test/net/fuzz.h
			${arg_DEPENDS}
		COMMENT "Building the libFuzzer target fuzz_${module}" VERBATIM)
	add_custom_target(uk_fuzz_${module} ALL DEPENDS ${out})
	add_test(NAME lib/${module}/fuzz
		COMMAND bash ${UK_ROOT}/test/net/run-fuzz.sh ${out} ${corpus}
			${CMAKE_CURRENT_BINARY_DIR}/fuzz-${module}-new ${UK_FUZZ_SECONDS})
	set_tests_properties(lib/${module}/fuzz PROPERTIES TIMEOUT 300)
endfunction()

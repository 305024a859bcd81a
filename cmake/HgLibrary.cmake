# hg_add_library(<folder> SOURCES <files...> DEPS <targets...> [PRIVATE_DEPS <targets...>])
# One static library per lib/ folder: target hg_<folder>, alias hg::<folder>.
# DEPS is the folder's row in the layer table (STYLE.md); nothing else may be linked.
function(hg_add_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  if(NOT ARG_SOURCES)  # a capability folder whose first file has not been written yet
    add_library(hg_${name} INTERFACE)
    add_library(hg::${name} ALIAS hg_${name})
    target_include_directories(hg_${name} INTERFACE ${PROJECT_SOURCE_DIR}/lib)
    target_link_libraries(hg_${name} INTERFACE ${ARG_DEPS})
    return()
  endif()
  add_library(hg_${name} STATIC ${ARG_SOURCES})
  add_library(hg::${name} ALIAS hg_${name})
  target_include_directories(hg_${name} PUBLIC ${PROJECT_SOURCE_DIR}/lib)
  target_link_libraries(hg_${name} PUBLIC ${ARG_DEPS} PRIVATE hg_warnings ${ARG_PRIVATE_DEPS})
endfunction()

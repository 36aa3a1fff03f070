# install.cmake: what `make install` (cmake --install) puts where, under
# CMAKE_INSTALL_PREFIX (and DESTDIR): the programs in bin/, their man pages
# and the bash completion, generated at build time from the programs' own
# --help and the model table (cmake/man.sh, cmake/completion.sh), and the
# bundled scenarios in share/transim/scenarios/ and the observed series in
# share/transim/history/. Included by the top-level
# CMakeLists.txt after the programs are defined.
include(GNUInstallDirs)

set(TRANSIM_GEN ${PROJECT_BINARY_DIR}/share)
set(TRANSIM_MAN ${TRANSIM_GEN}/man/man1/transim.1)
set(TRANSIM_COMPLETION ${TRANSIM_GEN}/bash-completion/completions/transim)
set(TRANSIM_GUI_EXE "")
set(TRANSIM_MAN_DEPENDS transim)
set(TRANSIM_MAN_OUTPUTS ${TRANSIM_MAN})
if(TARGET transim-gui)
  set(TRANSIM_GUI_EXE $<TARGET_FILE:transim-gui>)
  list(APPEND TRANSIM_MAN_DEPENDS transim-gui)
  list(APPEND TRANSIM_MAN_OUTPUTS ${TRANSIM_GEN}/man/man1/transim-gui.1)
endif()
add_custom_command(
  OUTPUT ${TRANSIM_MAN_OUTPUTS} ${TRANSIM_COMPLETION}
  COMMAND bash ${PROJECT_SOURCE_DIR}/cmake/man.sh ${TRANSIM_GEN}/man/man1
          $<TARGET_FILE:transim> ${TRANSIM_GUI_EXE}
  COMMAND bash ${PROJECT_SOURCE_DIR}/cmake/completion.sh $<TARGET_FILE:transim>
          ${TRANSIM_COMPLETION}
  DEPENDS ${TRANSIM_MAN_DEPENDS} ${PROJECT_SOURCE_DIR}/cmake/man.sh
          ${PROJECT_SOURCE_DIR}/cmake/completion.sh
  COMMENT "Man pages and bash completion from the programs' --help"
  VERBATIM)
add_custom_target(transim_man ALL DEPENDS ${TRANSIM_MAN_OUTPUTS} ${TRANSIM_COMPLETION})

install(TARGETS transim RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(TARGET transim-gui)
  install(TARGETS transim-gui RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
install(FILES ${TRANSIM_MAN_OUTPUTS} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${TRANSIM_COMPLETION} DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/scenarios/ DESTINATION ${CMAKE_INSTALL_DATADIR}/transim/scenarios
        FILES_MATCHING PATTERN "*.ini" PATTERN "*.md")
# The observed series the window's graphs show as points (render/history_points.h
# finds them next to the scenarios).
install(FILES ${PROJECT_SOURCE_DIR}/assets/history/fit.ini ${PROJECT_SOURCE_DIR}/assets/history/observed.csv
        DESTINATION ${CMAKE_INSTALL_DATADIR}/transim/history)

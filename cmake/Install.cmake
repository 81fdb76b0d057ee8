# `cmake --install`: the binary, its man page and shell completions (generated at build time by xxgk-docgen from the
# help text and the rule descriptors), and the rule documentation. CPack turns the same into a Debian package
# (scripts/package-deb.sh), which depends on Debian's libraries instead of carrying them: build it with
# -DXXGK_STATIC_EXECUTABLE=OFF.
include(GNUInstallDirs)

set(XXGK_INSTALL_FILES_DIR ${PROJECT_BINARY_DIR}/install-files)
add_custom_command(
  OUTPUT ${XXGK_INSTALL_FILES_DIR}/xxgk-lint.1 ${XXGK_INSTALL_FILES_DIR}/xxgk-lint.bash
         ${XXGK_INSTALL_FILES_DIR}/_xxgk-lint
  COMMAND xxgk-docgen --install-files ${XXGK_INSTALL_FILES_DIR}
  DEPENDS xxgk-docgen
  COMMENT "Generating the man page and shell completions"
  VERBATIM)
add_custom_target(xxgk_install_files ALL
  DEPENDS ${XXGK_INSTALL_FILES_DIR}/xxgk-lint.1 ${XXGK_INSTALL_FILES_DIR}/xxgk-lint.bash
          ${XXGK_INSTALL_FILES_DIR}/_xxgk-lint)

install(TARGETS xxgk-lint RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${XXGK_INSTALL_FILES_DIR}/xxgk-lint.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${XXGK_INSTALL_FILES_DIR}/xxgk-lint.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME xxgk-lint)
install(FILES ${XXGK_INSTALL_FILES_DIR}/_xxgk-lint DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/rules DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${PROJECT_SOURCE_DIR}/docs/config.schema.json DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_PACKAGE_NAME xxgk-lint)
set(CPACK_PACKAGE_VENDOR "xxgk-lint")
set(CPACK_PACKAGE_CONTACT "xxgk-lint maintainers <xxgk-lint@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Linter for government information-disclosure annual reports (政府信息公开工作年度报告)")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
    "Checks annual reports against the 2021 format: sections, statistics tables and their sums, wording; fixes what "
    "can be fixed safely. Command line, pre-commit hook and language server in one binary.")
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # xxgk-lint_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)   # Depends: from the libraries the binary links (libicu72, libstdc++6, libc6)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "pre-commit")
include(CPack)

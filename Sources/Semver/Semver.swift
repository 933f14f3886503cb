// Module Semver: see ../shared/ARCHITECTURE.md for what it owns.

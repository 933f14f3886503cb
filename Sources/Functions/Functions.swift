// Module Functions: see ../shared/ARCHITECTURE.md for what it owns.

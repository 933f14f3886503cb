// Module Engine: see ../shared/ARCHITECTURE.md for what it owns.

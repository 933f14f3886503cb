// Module Chart: see ../shared/ARCHITECTURE.md for what it owns.

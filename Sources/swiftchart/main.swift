// Entry point; commands are added as the modules land.
print("swiftchart")

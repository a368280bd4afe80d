"""Guards shared by the commands that write files: which output folders are safe to use."""

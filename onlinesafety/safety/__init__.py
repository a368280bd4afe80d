"""Guards that keep commands from destroying what they must not touch."""

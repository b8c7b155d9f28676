"""Reading a letter aloud in the window: the reader bar and its actions."""

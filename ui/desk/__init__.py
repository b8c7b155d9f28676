"""The writing desk: the letter editor, its page view, spelling, history and the letter window."""

"""`python -m ui` runs the same command line as the installed `beautifulletters` script."""

from ui.cli import main

main()

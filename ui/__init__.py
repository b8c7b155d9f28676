"""The Qt interface and the command line; everything here calls the core in `beautifulletters`."""

"""Small widgets and helpers every room of the window uses: plain-text labels and messages, the wheel
guard, sizes that fit the screen."""

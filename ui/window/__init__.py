"""The main window: start-up, the window itself, its panels, models and theme."""

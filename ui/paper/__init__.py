"""The one page-layout engine: a letter on its paper, shared by the desk, preview, printing and PDF."""

"""Printing and file export that need Qt's layout engine: PDF, ODT, printer, preview, envelopes, batches."""

"""Run every benchmark module in this package (`python -m benchmarks`)."""

from __future__ import annotations

import importlib
import pkgutil
import sys

import benchmarks

status = 0
for module_info in sorted(pkgutil.iter_modules(benchmarks.__path__), key=lambda m: m.name):
    if module_info.name.startswith("_"):
        continue
    module = importlib.import_module(f"benchmarks.{module_info.name}")
    if hasattr(module, "main"):
        print(f"== {module_info.name}")
        status |= module.main([]) if module.main.__code__.co_argcount else module.main()
sys.exit(status)

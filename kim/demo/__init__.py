"""The demo dataset "Soest 2018" (product.md §8): fictitious, generated, deterministic.

Each module declares its part as a ``DemoLoader`` in its ``module.py``; ``kim demo`` and
``kim load_demo`` run them in order (kim.core.demo.load_demo). Each part is idempotent (it
does nothing when its data already exist), so the demo can be loaded again.
"""

"""The demo dataset "Soest 2018" (product.md §8): fictitious, generated, deterministic.

Each part is a function ``load(ctx)`` listed in ``PARTS``; later modules add theirs.
"""

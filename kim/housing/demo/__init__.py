"""The accommodation part of the demo dataset: facilities (``layout.py``), the plan of who
lives where when (``plan.py``, ``history.py``), the move simulation (``sim.py``) and the
loader (``data.py``) – reproducing [Soest] Tab. 3, 5.5.1.2 and Tab. 7."""

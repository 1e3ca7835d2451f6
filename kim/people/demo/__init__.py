"""The people module's part of the demo dataset "Soest 2018" (``data.py``) and the
fictitious names every part of the demo uses (``names.py``)."""

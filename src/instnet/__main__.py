"""``python -m instnet``: the same as the ``instnet`` command."""

from .cli import main

main()

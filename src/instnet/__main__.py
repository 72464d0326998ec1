"""``python -m instnet``: the same as the ``instnet`` command."""

from .cli import cli

cli(prog_name="instnet")

"""Domain errors raised by the library; the CLI turns them into messages."""

__all__ = ["InstnetError", "NetworkNotFound", "SelectionError", "InvalidId", "InvalidNetwork", "OutputError"]


class InstnetError(Exception):
    """Base class of every error instnet raises on purpose."""


class NetworkNotFound(InstnetError):
    """No bundled network has this id and no folder has this path."""


class SelectionError(InstnetError):
    """A set of networks is empty, or names one network twice, or two networks share an id."""


class InvalidId(InstnetError):
    """An id that breaks the id rule, given on the command line (a usage mistake: exit 2)."""


class InvalidNetwork(InstnetError):
    """A network folder failed validation; ``problems`` lists every issue."""

    def __init__(self, path, problems):
        self.path = path
        self.problems = list(problems)
        errors = [p for p in self.problems if p.severity == "error"]
        lines = "\n".join(str(p) for p in errors)
        super().__init__(f"{path}: {len(errors)} error(s)\n{lines}")


class OutputError(InstnetError):
    """An output could not be written (bad path, outside the output folder)."""

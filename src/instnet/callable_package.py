"""A package that is also the function of the same name: ``instnet.classify`` and ``instnet.diff``."""

from __future__ import annotations

import sys
import types
from collections.abc import Callable

__all__ = ["make_callable"]


class _CallablePackage(types.ModuleType):
    """A package whose call is its main function's call (set by :func:`make_callable`)."""

    _main: Callable

    def __call__(self, *args, **kwargs):
        return type(self)._main(*args, **kwargs)


def make_callable(name: str, main: Callable) -> None:
    """Make the package ``name`` callable as ``main``.

    ``instnet.classify`` is both a package and the function the public API
    exports under that name: once a submodule (``instnet.classify.…``) is
    imported, Python binds the package to the attribute ``instnet.classify``,
    so ``from instnet import classify`` can return either. Calling the package
    calls the function, so both work.

    Parameters
    ----------
    name : str
        The package's ``__name__`` (it must already be in ``sys.modules``).
    main : callable
        The function a call of the package runs.
    """
    cls = type(f"{name.rpartition('.')[2]}_package", (_CallablePackage,), {"_main": staticmethod(main)})
    sys.modules[name].__class__ = cls

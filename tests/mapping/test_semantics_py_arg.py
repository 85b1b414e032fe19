"""Differential tests: our labellings against python-argumentation (py_arg) on random frameworks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mapping.semantics.dung import Label, labellings
from mapping.semantics.framework import Framework

py_arg = pytest.importorskip("py_arg", reason="python-argumentation (dev dependency) is absent")
from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (  # noqa: E402
    AbstractArgumentationFramework,
)
from py_arg.abstract_argumentation_classes.argument import Argument  # noqa: E402
from py_arg.abstract_argumentation_classes.defeat import Defeat  # noqa: E402
from py_arg.algorithms.semantics.get_complete_extensions import (  # noqa: E402
    get_complete_extensions,
)
from py_arg.algorithms.semantics.get_grounded_extension import (  # noqa: E402
    get_grounded_extension,
)
from py_arg.algorithms.semantics.get_preferred_extensions import (  # noqa: E402
    get_preferred_extensions,
)
from py_arg.algorithms.semantics.get_stable_extensions import get_stable_extensions  # noqa: E402


def to_py_arg(af: Framework) -> AbstractArgumentationFramework:
    arguments = {name: Argument(name) for name in af.names}
    defeats = [Defeat(arguments[a], arguments[b]) for a, b in af.attack_names()]
    return AbstractArgumentationFramework("af", list(arguments.values()), defeats)


def names_of(extensions) -> set[frozenset[str]]:
    return {frozenset(argument.name for argument in extension) for extension in extensions}


def ours(af: Framework, semantics: str) -> set[frozenset[str]]:
    return {frozenset(lab.extension()) for lab in labellings(af, semantics)}


@st.composite
def frameworks(draw: st.DrawFn) -> Framework:
    n = draw(st.integers(1, 8))
    density = draw(st.sampled_from([0.1, 0.2, 0.35, 0.5]))
    flips = draw(st.lists(st.floats(0, 1), min_size=n * n, max_size=n * n))
    attacks = [(i // n, i % n) for i, r in enumerate(flips) if r < density]
    return Framework([f"a{i}" for i in range(n)], attacks)


@settings(max_examples=3000, deadline=None)
@given(frameworks())
def test_grounded_preferred_stable_complete_agree_with_py_arg(af: Framework) -> None:
    reference = to_py_arg(af)
    assert ours(af, "grounded") == {frozenset(a.name for a in get_grounded_extension(reference))}
    assert ours(af, "stable") == names_of(get_stable_extensions(reference))
    assert ours(af, "complete") == names_of(get_complete_extensions(reference))
    assert ours(af, "preferred") == names_of(get_preferred_extensions(reference))


def test_the_conversion_keeps_every_attack() -> None:
    af = Framework.from_names("abc", [("a", "b"), ("b", "c"), ("c", "c")])
    assert len(to_py_arg(af).defeats) == 3
    assert Label.IN in set(labellings(af, "grounded")[0].as_dict().values())

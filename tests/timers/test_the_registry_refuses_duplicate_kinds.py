import pytest

from concord.timers import registry
from concord.timers.models import Timer


def _one(timer: Timer) -> None:
    pass


def _two(timer: Timer) -> None:
    pass


def test_it_refuses_a_second_handler_for_a_kind() -> None:
    with registry.registered("test.dup", _one):
        with pytest.raises(registry.DuplicateHandler, match=r"'test\.dup' already has a handler"):

            @registry.handler("test.dup")
            def _other(timer: Timer) -> None:
                pass

        assert registry.get("test.dup") is _one
    assert registry.get("test.dup") is None


def test_it_accepts_the_same_function_registered_again() -> None:
    """Re-importing a module (autoreload) must not break start-up."""
    with registry.registered("test.dup", _one):
        registry.register("test.dup", _one)
        assert registry.get("test.dup") is _one


def test_the_decorator_returns_the_function() -> None:
    try:
        assert registry.handler("test.deco")(_two) is _two
        assert "test.deco" in registry.kinds()
    finally:
        registry.unregister("test.deco")

"""A school's own templates are untrusted input: rendered in Jinja2's immutable sandbox, with limits.

The bounds, for each document rendered from a school's template:

- time: TEMPLATE_CPU_SECONDS of CPU time (a CPU-time timer, so a busy shared machine does not make a
  good template fail; the whole run stops at the first template that goes over);
- output: MAX_OUTPUT_CHARS characters, counted while the template renders, before it is joined;
- size of any one value the template makes: ranges (Jinja2's own limit, MAX_RANGE), powers, string
  and list repetition, padding widths and filter arguments (MAX_VALUE_CHARS, MAX_INT_BITS);
- recursion: Python's recursion limit (a macro that calls itself, a template that extends or
  includes itself);
- memory, on the command line with --templates: 1 GiB more than the run uses when it starts.

Each stops the render with TemplateLimit (or the error Python raised), which the renderer reports
with the template's file and line.
"""

from __future__ import annotations

import contextlib
import functools
import math
import operator
import re
import signal
import threading
from collections.abc import Callable, Iterator
from typing import Any

from jinja2.compiler import CodeGenerator
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

TEMPLATE_CPU_SECONDS = 2.0
MAX_OUTPUT_CHARS = 1024 * 1024
MAX_VALUE_CHARS = 1024 * 1024
MAX_INT_BITS = 4096  # about 1,200 decimal digits
MEMORY_HEADROOM_BYTES = 1024 ** 3  # with --templates, on the command line: see limit_memory
_BIG_WIDTH = re.compile(r"\d{7,}")  # a width or precision of a million or more in a format string
_PADDING = {"ljust", "rjust", "center", "zfill", "expandtabs", "format", "format_map", "replace", "join"}


class TemplateLimit(SecurityError):
    """A school's template went over one of the limits (the message says which)."""


class TemplateTimeout(TemplateLimit):
    pass


def _too_long(size: int) -> TemplateLimit:
    return TemplateLimit(f"the template made a value of {size:,} characters or items; the limit is "
                         f"{MAX_VALUE_CHARS:,}")


def _check_int(value: Any) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > MAX_INT_BITS:
        raise TemplateLimit(f"the template made a number of more than {MAX_INT_BITS} bits (about 1,200 digits)")


def _check_result(value: Any) -> Any:
    _check_int(value)
    if isinstance(value, (str, list, tuple)) and len(value) > MAX_VALUE_CHARS:
        raise _too_long(len(value))
    return value


class _CheckedConcat(CodeGenerator):
    """Jinja2's code generator, with every `~` result checked (a loop doubling a string stops at the limit)."""

    def visit_Concat(self, node: Any, frame: Any) -> None:
        self.write("environment.check_value(")
        super().visit_Concat(node, frame)
        self.write(")")


class SchoolSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox, with limits on powers, repetition, joining, padding and filter arguments."""

    intercepted_binops = frozenset({"**", "*", "%", "+"})
    code_generator_class = _CheckedConcat

    @staticmethod
    def check_value(value: Any) -> Any:
        return _check_result(value)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.filters = {name: limited(function) for name, function in self.filters.items()}

    def call_binop(self, context: Any, operator_: str, left: Any, right: Any) -> Any:
        if operator_ == "**":
            return _power(left, right)
        if operator_ == "*":
            return _times(left, right)
        if operator_ == "%" and isinstance(left, str) and _BIG_WIDTH.search(left):
            raise _too_long(int(_BIG_WIDTH.search(left).group(0)))
        return _check_result(super().call_binop(context, operator_, left, right))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 (Jinja's names)
        # Jinja's sandbox hands str.format out wrapped (functools.update_wrapper): look at the method inside,
        # so a huge width is refused before the string is built, not by the CPU limit after.
        method = getattr(__obj, "__wrapped__", __obj)
        if isinstance(getattr(method, "__self__", None), str) and getattr(method, "__name__", "") in _PADDING:
            if _BIG_WIDTH.search(method.__self__):
                raise _too_long(int(_BIG_WIDTH.search(method.__self__).group(0)))
            if __obj.__name__ == "join" and args and hasattr(args[0], "__len__"):
                _check_join(__obj.__self__, args[0])
            if __obj.__name__ == "replace" and len(args) >= 2 and isinstance(args[1], str):
                count = (len(__obj.__self__) + 1) if args[0] == "" else __obj.__self__.count(str(args[0]))
                if count * len(args[1]) > MAX_VALUE_CHARS:
                    raise _too_long(count * len(args[1]))
            for value in (*args, *kwargs.values()):
                if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_VALUE_CHARS:
                    raise _too_long(abs(value))
        return _check_result(super().call(__context, __obj, *args, **kwargs))


def _check_join(separator: str, items: Any) -> None:
    if len(separator) * len(items) > MAX_VALUE_CHARS:
        raise _too_long(len(separator) * len(items))


def _power(left: Any, right: Any) -> Any:
    if isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1:
        if right * math.log2(abs(left)) > MAX_INT_BITS:
            raise TemplateLimit(f"the power {left} ** {right} is too large (more than {MAX_INT_BITS} bits)")
    return _check_result(operator.pow(left, right))


def _times(left: Any, right: Any) -> Any:
    for sequence, count in ((left, right), (right, left)):
        if isinstance(sequence, (str, list, tuple)) and isinstance(count, int) and count > 0:
            if len(sequence) * count > MAX_VALUE_CHARS:
                raise _too_long(len(sequence) * count)
    if isinstance(left, int) and isinstance(right, int) and left.bit_length() + right.bit_length() > MAX_INT_BITS:
        raise TemplateLimit(f"the template made a number of more than {MAX_INT_BITS} bits (about 1,200 digits)")
    return _check_result(operator.mul(left, right))


def limited(function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that refuses huge number arguments (widths, counts) and huge results."""

    @functools.wraps(function)  # keeps Jinja2's pass_context/pass_environment marks
    def filter_(*args: Any, **kwargs: Any) -> Any:
        if function.__name__ in ("do_join", "sync_do_join"):  # (eval_ctx, value, separator)
            separator = args[2] if len(args) > 2 else kwargs.get("d", "")
            if isinstance(separator, str) and len(args) > 1 and hasattr(args[1], "__len__"):
                _check_join(separator, args[1])
        for value in (*args[1:], *kwargs.values()):
            if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_VALUE_CHARS:
                raise _too_long(abs(value))
        return _check_result(function(*args, **kwargs))

    return filter_


@contextlib.contextmanager
def cpu_limit(seconds: float = TEMPLATE_CPU_SECONDS) -> Iterator[None]:
    """Raise TemplateTimeout in the block after `seconds` of CPU time (main thread only; elsewhere no limit)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum: int, frame: Any) -> None:
        raise TemplateTimeout(f"the template ran for more than {seconds:g} seconds of computer time")

    previous = signal.signal(signal.SIGPROF, expired)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def render_limited(template: Any, context: dict[str, Any]) -> str:
    """Render a school's template within the time and output limits."""
    parts: list[str] = []
    size = 0
    with cpu_limit():
        for part in template.generate(context):
            size += len(part)
            if size > MAX_OUTPUT_CHARS:
                raise TemplateLimit(f"the template's output is over {MAX_OUTPUT_CHARS:,} characters")
            parts.append(part)
    return "".join(parts)


def limit_memory(headroom_bytes: int = MEMORY_HEADROOM_BYTES) -> None:
    """Cap this process's address space at what it uses now plus `headroom_bytes`, so a school's template
    that builds something huge gets a MemoryError (reported with its file and line) instead of taking the
    machine's memory. For the command-line run only: a test or library caller keeps its own limits."""
    import resource

    try:
        with open("/proc/self/statm", encoding="ascii") as stream:
            used = int(stream.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = used + headroom_bytes
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    if soft == resource.RLIM_INFINITY or wanted < soft:
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))

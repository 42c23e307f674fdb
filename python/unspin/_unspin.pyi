import os
import pathlib
from typing import Any, Iterable, Literal, Optional, Sequence, Union

Kind = Literal["text", "html", "markdown"]
PathLike = Union[str, "os.PathLike[str]"]

__version__: str

class Edit:
    """One repair. ``start``/``end`` are character offsets (Python string indices) in the
    text given; ``byte_start``/``byte_end`` are UTF-8 byte offsets, as in the command's JSON."""

    start: int
    end: int
    byte_start: int
    byte_end: int
    from_: str
    to: str
    rule: str
    dictionary: str
    class_: Literal["fingerprint", "suspect"]
    why: str
    source: str
    note: Optional[str]
    def to_dict(self) -> dict[str, Any]: ...

class Spin:
    read: bool
    positions: int
    strong: int
    table: int
    words: int
    examples: list[tuple[str, str, float]]
    @property
    def percent(self) -> float: ...
    @property
    def table_per_thousand(self) -> float: ...
    def to_dict(self) -> dict[str, Any]: ...

class Result:
    @property
    def text(self) -> str: ...
    @property
    def edits(self) -> list[Edit]: ...
    @property
    def spun(self) -> bool: ...
    @property
    def score(self) -> float: ...
    @property
    def fingerprints(self) -> int: ...
    @property
    def words(self) -> int: ...
    @property
    def spin(self) -> Optional[Spin]: ...
    def to_dict(self) -> dict[str, Any]: ...

class Score:
    spun: bool
    fingerprints: int
    words: int
    edits: int
    spin: Optional[Spin]
    @property
    def score(self) -> float: ...
    def to_dict(self) -> dict[str, Any]: ...

class Engine:
    def __init__(
        self,
        dicts: Union[None, PathLike, Sequence[PathLike]] = None,
        builtin: bool = True,
        *,
        context: Literal["auto", "never"] = "auto",
        suspects: Literal["auto", "always", "never"] = "auto",
        spun_threshold: float = 2.0,
        min_fingerprints: int = 2,
        margin: float = 0.5,
        veto: float = 4.0,
        rival: float = 2.5,
        spin_threshold: float = 6.0,
        table_threshold: float = 15.0,
        table_floor: float = 10.0,
        full_detection: bool = False,
    ) -> None: ...
    def repair(self, text: str, kind: Kind = "text") -> Result: ...
    def repair_html(self, text: str) -> Result: ...
    def repair_batch(
        self,
        texts: Iterable[Optional[str]],
        threads: Optional[int] = None,
        kind: Kind = "text",
        errors: Literal["raise", "ignore"] = "raise",
    ) -> list[Optional[Result]]: ...
    def score(self, text: str, kind: Kind = "text") -> Score: ...
    def score_batch(
        self,
        texts: Iterable[Optional[str]],
        threads: Optional[int] = None,
        kind: Kind = "text",
        errors: Literal["raise", "ignore"] = "raise",
    ) -> list[Optional[Score]]: ...
    @property
    def options(self) -> dict[str, Any]: ...
    @property
    def builtin(self) -> bool: ...
    @property
    def dicts(self) -> list[pathlib.Path]: ...
    @property
    def rules(self) -> int: ...

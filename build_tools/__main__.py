"""`.venv/bin/python -m build_tools`: the project's environment (`make site` makes .venv)."""

import sys
from pathlib import Path

try:
    from .cli import main
except ModuleNotFoundError as err:  # a Python without the project's packages (not .venv's)
    if (err.name or "").partition(".")[0] == __package__:
        raise
    venv = Path(__file__).resolve().parent.parent / ".venv" / "bin" / "python"
    first = "" if venv.is_file() else "make site (it creates .venv), then "
    command = " ".join([".venv/bin/python -m build_tools", *sys.argv[1:]])
    sys.exit(
        f"error: {sys.executable} lacks the package {err.name!r}: this is not the project's Python\n"
        f"  hint: run it with the project's environment: {first}{command}"
    )

sys.exit(main())

# SPDX-License-Identifier: GPL-3.0-or-later
"""TAP output for the check-*.py tests: results are (ok, name, detail) tuples."""


def report(results):
    """Prints the TAP plan and lines, with the detail of each failure as comments.

    Returns the exit status: 0 when every result is ok."""
    print("1..%d" % len(results))
    for i, (ok, name, detail) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
        if not ok and detail:
            lines = detail if isinstance(detail, (list, tuple)) else str(detail).splitlines()
            for line in lines:
                print("# %s" % line)
    return 0 if all(r[0] for r in results) else 1

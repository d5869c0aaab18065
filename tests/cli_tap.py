# cli_tap.py — what the zhibiao-cli tests share: TAP lines and running the CLI
#
# SPDX-License-Identifier: GPL-3.0-or-later
import subprocess
import sys


class Tap:
    """Numbered ok / not ok lines, then the plan and the exit status."""

    def __init__(self):
        self.n = 0
        self.failed = False

    def ok(self, cond, what):
        self.n += 1
        print(("ok %d - %s" if cond else "not ok %d - %s") % (self.n, what))
        if not cond:
            self.failed = True

    def done(self):
        print("1..%d" % self.n)
        sys.exit(1 if self.failed else 0)


def cli_runner(cli, timeout=60):
    """run(ws, *args) → (status, stdout, stderr) of `cli --workspace ws args…`."""
    def run(ws, *args):
        p = subprocess.run([cli, "--workspace", ws] + list(args), capture_output=True, text=True,
                           timeout=timeout)
        return p.returncode, p.stdout, p.stderr
    return run


def one_line_failure(res, rc=2):
    """Exit status @rc with a single 'zhibiao-cli: …' line on standard error."""
    status, _, err = res
    return status == rc and err.startswith("zhibiao-cli: ") and err.count("\n") == 1

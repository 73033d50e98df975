"""What both benchmark scripts share: the machine line and their own section of
docs/performance.md (between their markers; the rest of the file is kept)."""
import os
import platform

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPORT = os.path.join(ROOT, "docs", "performance.md")


def cpu_model():
    with open("/proc/cpuinfo") as info:
        for line in info:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return "unknown"


def machine_line():
    """CPU, cores and kernel, without the load (each script says when it read it)."""
    return f"{cpu_model()}, {os.cpu_count()} CPUs available, Linux {platform.release()}"


def write_section(begin, end, text):
    """Replaces the text between the markers `begin` and `end` (appends them when absent)."""
    old = open(REPORT).read() if os.path.exists(REPORT) else "# Performance\n"
    section = f"{begin}\n{text.rstrip()}\n{end}"
    if begin in old and end in old:
        new = old[:old.index(begin)] + section + old[old.index(end) + len(end):]
    else:
        new = old.rstrip() + "\n\n" + section + "\n"
    with open(REPORT, "w") as out:
        out.write(new)

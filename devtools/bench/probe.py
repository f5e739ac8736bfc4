"""The cold-start child: import a skill's handler module, answer requests, report timings.

Run as a script in a fresh interpreter, never imported by the benchmark::

    python devtools/bench/probe.py CODE_ROOT MODULE EVENTS_JSON [--restored]

``--restored`` emulates a Lambda SnapStart restore: the module is imported and its
``before_snapshot`` hook run before the clock starts (that work is in the snapshot), so
only the answers are timed and ``import_s`` is 0. The restore itself is Lambda's and is
not part of the figure.

The events are decoded before the clock starts, as Lambda's runtime decodes the
event before calling the function (its bootstrap has json loaded already). The
clock then covers importing ``MODULE`` from ``CODE_ROOT`` (Lambda's init phase)
and each answer of ``MODULE.lambda_handler`` in turn. It prints one JSON object:
the time of the import and the cumulative time at each answer (seconds from
before the import), each answer's SSML, and the process's peak RSS in KiB (see `peak_rss_kib`).
"""

import json
import resource
import sys
import time


def peak_rss_kib() -> int:
    """This process's peak resident set size in KiB.

    Linux keeps ``ru_maxrss`` across exec, so a child started by a large parent
    reports the parent's peak (the benchmark's, with moto loaded) instead of its
    own. ``VmHWM`` belongs to the address space exec created, so it is read
    where /proc exists; ``ru_maxrss`` (KiB on Linux) elsewhere.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


#: The standard modules awslambdaric's bootstrap imports before loading the handler.
LAMBDA_RUNTIME_MODULES = ("importlib", "json", "logging", "os", "sys", "time", "traceback")


def main() -> None:
    """Run the probe on the command-line arguments and print the report on stdout."""
    code_root, module_name, events_path = sys.argv[1:4]
    restored = "--restored" in sys.argv[4:]
    with open(events_path, encoding="utf-8") as stream:
        events = json.load(stream)
    # The probe's own folder must not shadow anything the skill imports: Lambda's path
    # starts with the code root.
    sys.path[0] = code_root
    # What the Lambda Python runtime has imported before it imports the handler module
    # (awslambdaric/bootstrap.py imports these, and sets up logging, first): they are
    # part of every function's start-up, not of the handler's init.
    for preloaded in LAMBDA_RUNTIME_MODULES:
        __import__(preloaded)
    if restored:
        module = __import__(module_name)
        module.before_snapshot()
    start = time.perf_counter()
    if not restored:
        # The import statement's own path (not importlib.import_module), so that
        # ``-X importtime`` reports the module and nests what it imports under it.
        module = __import__(module_name)
    imported = 0.0 if restored else time.perf_counter() - start
    answers = []
    for event in events:
        response = module.lambda_handler(event, None)
        elapsed = time.perf_counter() - start
        speech = (response.get("response") or {}).get("outputSpeech") or {}
        answers.append({"at_s": elapsed, "ssml": speech.get("ssml") or speech.get("text") or ""})
    report = {"import_s": imported, "answers": answers, "maxrss_kib": peak_rss_kib()}
    json.dump(report, sys.stdout)


if __name__ == "__main__":
    main()

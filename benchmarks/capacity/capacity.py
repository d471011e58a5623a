#!/usr/bin/python3
"""How many cameras one box serves: N simulated 720p15 H.264 cameras through the real service.

Run through benchmarks/capacity/run.sh (it documents the options). For each N it starts, on
127.0.0.1 and free ports only: the agency broker (deploy/agency-broker/mosquitto.conf, mutual
TLS, as the demo does), the camera simulator with N mounts of the demo clip, the agency receiver
(`edgeingest receive`) and the service (`edgeingest run`) with the demo hotlist. It measures a
fixed window of capture time, lets the last hits drain, stops everything and compares:

- hits expected: each camera loops the demo clip (40 s, three hotlist plates at known times,
  `make-demo-video.sh --list`), so the hotlist passes whose car crosses the frame inside the
  window are known from when the simulator says each mount's clip started (with --stagger, each
  mount plays from its own point of the clip);
- hits stored by the receiver (hits.jsonl), matched to those passes by camera, plate and time;
- latency: received_at minus first_read_at (capture of the track's first readable frame) where
  the hit carries it, else occurred_at (capture of the pass's best frame, which is later, so
  that latency is the smaller one);
- CPU seconds of every process over the window (/proc/PID/stat), split into the decoding ffmpegs,
  the clip recorders, the service process itself, and the simulator, broker and receiver that
  stand in for the cameras and the agency but share the same cores here;
- the service's own per-camera counters (heartbeat: frames in, analysed, skipped still, dropped).
"""

import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CLIP_SECONDS = 40.0
DEVICE = "capacity-box"
HOTLIST_CSV = """plate,category,reason,priority
7ABC123,stolen_vehicle,Stolen vehicle,critical
8GHJ552,wanted_person,Wanted in connection with a burglary,high
TRK5150,bolo,Expired registration,low
"""
TICKS = os.sysconf("SC_CLK_TCK")
# A hit's capture time may lie a little outside the plate's crossing (a plate read as it enters
# or leaves); a hit further away than this from every expected pass is counted as unexpected.
MATCH_SLACK_S = 3.0


def log(message):
    print(f"capacity: {message}", file=sys.stderr, flush=True)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, timeout, what, proc):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{what} exited with {proc.returncode} before listening on {port}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{what} did not listen on 127.0.0.1:{port} within {timeout} s")


# --- Processes: every child in its own session, so stopping one stops all it started. ----------

class Children:
    def __init__(self):
        self.procs = []  # (name, Popen), in start order

    def start(self, name, args, logfile, env=None, stdout_pipe=False):
        out = open(logfile, "wb")
        proc = subprocess.Popen(
            args, cwd=ROOT, stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE if stdout_pipe else out, stderr=subprocess.STDOUT if stdout_pipe else out,
            start_new_session=True, env=env)
        proc.logfile = out
        self.procs.append((name, proc))
        return proc

    def stop(self, proc, grace=15.0):
        """SIGTERM (an orderly stop: the service flushes and says offline), then SIGKILL of its group."""
        if proc.poll() is None:
            try:
                os.killpg(proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                proc.wait(grace)
            except subprocess.TimeoutExpired:
                pass
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # whatever of its group is left
        except ProcessLookupError:
            pass
        proc.wait()
        proc.logfile.close()

    def stop_all(self):
        for _, proc in reversed(self.procs):
            self.stop(proc, grace=10.0)
        self.procs.clear()


# --- CPU accounting from /proc. -----------------------------------------------------------------

def proc_cpu_seconds(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime
    except (OSError, IndexError, ValueError):
        return None


def proc_children(pid):
    kids = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                kids.extend(int(k) for k in f.read().split())
    except OSError:
        pass
    return kids


def proc_cmdline(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def classify(cmdline):
    if "ffprobe" in cmdline:
        return "ffprobe"
    if "ffmpeg" in cmdline:
        if "rawvideo" in cmdline:
            return "decode"
        if "segment" in cmdline:
            return "record"
        return "ffmpeg_other"
    return "other_child"


def machine_busy():
    with open("/proc/stat") as f:
        parts = [int(x) for x in f.readline().split()[1:]]
    idle = parts[3] + parts[4]
    return sum(parts) - idle, sum(parts)


class CpuSampler(threading.Thread):
    """Samples every process of interest twice a second, so a child that exits (a restart, a clip
    cut) still counts up to its last sample. Between begin() and end() it keeps, per pid, the
    CPU time at the start (0 for a process born later) and the latest value."""

    def __init__(self, roots):
        super().__init__(daemon=True)
        self.roots = roots  # name -> pid of a process we started (its descendants are walked)
        self.lock = threading.Lock()
        self.measuring = False
        self.first = {}
        self.last = {}
        self.kind = {}
        self.stopping = threading.Event()

    def pids(self):
        found = {}
        for name, pid in self.roots.items():
            stack = [(pid, name)]
            while stack:
                p, kind = stack.pop()
                found[p] = kind
                for child in proc_children(p):
                    stack.append((child, None))
        return found

    def sample(self):
        for pid, root_kind in self.pids().items():
            cpu = proc_cpu_seconds(pid)
            if cpu is None:
                continue
            with self.lock:
                if pid not in self.kind:
                    self.kind[pid] = root_kind or classify(proc_cmdline(pid))
                if self.measuring:
                    self.first.setdefault(pid, 0.0 if pid not in self.last else cpu)
                self.last[pid] = cpu

    def begin(self):
        self.sample()
        with self.lock:
            self.first = dict(self.last)
            self.measuring = True

    def end(self):
        self.sample()
        with self.lock:
            self.measuring = False
            totals, counts = {}, {}
            for pid, start in self.first.items():
                kind = self.kind[pid]
                totals[kind] = totals.get(kind, 0.0) + self.last[pid] - start
                counts[kind] = counts.get(kind, 0) + 1
            return totals, counts

    def run(self):
        while not self.stopping.wait(0.5):
            self.sample()


# --- Set-up shared by every N: the clip, the agency's certificates, key and signed hotlist. ----

def clip_windows():
    out = subprocess.run(["bash", str(ROOT / "deploy/demo/make-demo-video.sh"), "--list"],
                         check=True, capture_output=True, text=True).stdout.splitlines()
    rows = [line.split("\t") for line in out[1:] if line.strip()]
    return {r[0]: (float(r[1]), float(r[2])) for r in rows}  # plate -> (enters_s, leaves_s)


BUILD = ROOT / ".build" / "edgeingest"  # --build replaces it


def edgeingest_command(*args):
    # The built service, not ./edgeingest: that script rebuilds when a source changes, which
    # would swap the program under test (and load the machine) in the middle of a series.
    return ["dotnet", str(BUILD / "edgeingest.dll"), *args]


def service_env():
    return dict(os.environ, EDGEINGEST_HOME=str(ROOT), DOTNET_CLI_TELEMETRY_OPTOUT="1", DOTNET_NOLOGO="1")


def edgeingest(*args, check=True):
    return subprocess.run(edgeingest_command(*args), cwd=ROOT, check=check, env=service_env(),
                          stdin=subprocess.DEVNULL, capture_output=True, text=True)


def prepare(work):
    work.mkdir(parents=True, exist_ok=True)
    video = demo_video()
    pki, public_key = prepare_agency(work, DEVICE)
    return video, pki, public_key


def demo_video():
    """The demo clip (1280x720, 40 s), rendered once into .demo/."""
    video = ROOT / ".demo" / "demo.mp4"
    if not video.exists():
        log("rendering the demo clip (once)")
        video.parent.mkdir(exist_ok=True)
        subprocess.run(["bash", str(ROOT / "deploy/demo/make-demo-video.sh"), str(video)], check=True)
    return video


def prepare_agency(work, device):
    """The agency's side of a loopback run in work/: broker, receiver and device certificates
    (pki/), the signing key (agency-keys/, kept between runs) and the signed demo hotlist.
    Returns the pki folder and the agency's public key."""
    pki = work / "pki"
    subprocess.run(["bash", str(ROOT / "deploy/agency-broker/make-certs.sh"), "--out", str(pki),
                    "--broker-name", "127.0.0.1", device], check=True, capture_output=True)
    keys = work / "agency-keys"
    if not (keys / "agency-signing-key.pem").exists():
        edgeingest("hotlist", "keygen", "--out", str(keys))
    (work / "hotlist.csv").write_text(HOTLIST_CSV)
    edgeingest("hotlist", "sign", "--key", str(keys / "agency-signing-key.pem"), "--in", str(work / "hotlist.csv"),
               "--version", "1", "--out", str(work / "hotlist.signed.json"))
    return pki, keys / "agency-public-key.pem"


def broker_config(run_dir, pki, port):
    """deploy/agency-broker/mosquitto.conf with the same substitutions the demo makes
    (AgencyBrokerConfig.cs): a loopback listener and the run's own paths."""
    deploy = ROOT / "deploy/agency-broker"
    installed = "/etc/mosquitto/agency/"
    persistence = run_dir / "broker"
    persistence.mkdir(exist_ok=True)
    text = (deploy / "mosquitto.conf").read_text()
    for old, new in [
        ("\nlistener 8883\n", f"\nlistener {port} 127.0.0.1\n"),
        (f"acl_file {installed}acl", f"acl_file {deploy / 'acl'}"),
        (f"cafile {installed}ca.crt", f"cafile {pki / 'ca.crt'}"),
        (f"certfile {installed}broker.crt", f"certfile {pki / 'broker.crt'}"),
        (f"keyfile {installed}broker.key", f"keyfile {pki / 'broker.key'}"),
        ("persistence_location /var/lib/mosquitto/", f"persistence_location {persistence}/"),
        ("log_dest syslog", f"log_dest file {run_dir / 'mosquitto.log'}"),
    ]:
        if old not in text:
            raise RuntimeError(f"deploy/agency-broker/mosquitto.conf no longer contains {old.strip()!r}")
        text = text.replace(old, new)
    if os.geteuid() == 0:
        text += "\nuser root\n"
    path = run_dir / "mosquitto.conf"
    path.write_text(text)
    return path


def receiver_config(run_dir, pki, port):
    path = run_dir / "receiver.yaml"
    path.write_text(f"""broker:
  host: 127.0.0.1
  port: {port}
  client_id: agency-receiver
  tls:
    ca_file: {pki / 'ca.crt'}
    cert_file: {pki / 'receiver.crt'}
    key_file: {pki / 'receiver.key'}
output_directory: {run_dir / 'agency'}
""")
    return path


def indent(text, spaces):
    pad = " " * spaces
    return "".join(pad + line + "\n" for line in text.splitlines() if line.strip())


def merge_sections(base, fragment):
    """Adds a YAML fragment's top-level sections to the config: the lines of a section the config
    already has go into it (a key given twice is the service's to refuse), new sections at the end."""
    sections, current = {}, None
    for line in fragment.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            current = line.split(":")[0].strip()
            sections.setdefault(current, [])
        elif current is None:
            raise ValueError(f"--service-options: indented line before any section: {line!r}")
        else:
            sections[current].append(line)
    out = base.splitlines()
    for name, body in sections.items():
        if f"{name}:" in out:
            at = out.index(f"{name}:") + 1
            out[at:at] = body
        else:
            out += [f"{name}:", *body]
    return "\n".join(out) + "\n"


def service_config(run_dir, pki, public_key, work, cameras, camera_port, broker_port, args):
    camera_extra = Path(args.camera_options).read_text() if args.camera_options else ""
    service_extra = Path(args.service_options).read_text() if args.service_options else ""
    lines = ["device:", f"  id: {DEVICE}", "cameras:"]
    for cam in cameras:
        lines += [f"  - id: {cam}", f"    url: rtsp://127.0.0.1:{camera_port}/{cam}",
                  f"    analysis_fps: {args.analysis_fps}"]
        if camera_extra.strip():
            lines.append(indent(camera_extra, 4).rstrip("\n"))
    lines += [
        "broker:", "  host: 127.0.0.1", f"  port: {broker_port}", "  heartbeat_seconds: 1",
        "  tls:", f"    ca_file: {pki / 'devices' / DEVICE / 'ca.crt'}",
        f"    cert_file: {pki / 'devices' / DEVICE / 'device.crt'}",
        f"    key_file: {pki / 'devices' / DEVICE / 'device.key'}",
        "hotlist:", f"  file: {work / 'hotlist.signed.json'}",
        "agency:", f"  public_key_file: {public_key}",
        "sharing:", "  policy: hits_only",
        "recognition:", f"  models_directory: {ROOT / 'models'}",
        "storage:", f"  directory: {run_dir / 'data'}",
        "clips:", f"  segment_root: {run_dir / 'segments'}",
        "console:", f"  listen: 127.0.0.1:{free_port()}",
    ]
    text = merge_sections("\n".join(lines) + "\n", service_extra)
    path = run_dir / "edgeingest.yaml"
    path.write_text(text)
    return path


# --- One N. -------------------------------------------------------------------------------------

@dataclass
class RunResult:
    n: int
    expected: int = 0
    delivered: int = 0
    missed: list = field(default_factory=list)
    unexpected: int = 0
    latencies: list = field(default_factory=list)
    latency_source: str = ""
    cpu: dict = field(default_factory=dict)
    counts: dict = field(default_factory=dict)
    window_s: float = 0.0
    machine_busy_pct: float = 0.0
    load_before: str = ""
    load_after: str = ""
    counters: dict = field(default_factory=dict)
    restarts: int = 0
    service_peak_rss_mb: float = 0.0

    def p(self, q):
        if not self.latencies:
            return float("nan")
        data = sorted(self.latencies)
        return data[min(len(data) - 1, max(0, round(q * len(data) + 0.5) - 1))]  # nearest rank

    def holds(self, limit):
        return self.expected > 0 and not self.missed and self.p(0.95) <= limit


class ServiceLog(threading.Thread):
    """Copies the service's output to its log file and notes when each camera starts streaming."""
    STREAMING = re.compile(r"Camera (\S+) streaming")

    def __init__(self, proc, path):
        super().__init__(daemon=True)
        self.proc, self.path = proc, path
        self.streaming = {}

    def run(self):
        with open(self.path, "wb") as out:
            for line in self.proc.stdout:
                out.write(line)
                out.flush()
                m = self.STREAMING.search(line.decode(errors="replace"))
                if m and m.group(1) not in self.streaming:
                    self.streaming[m.group(1)] = time.time()


def read_heartbeat(agency):
    path = agency / "devices" / DEVICE / "heartbeat.json"
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return None


def run_once(n, args, work, video, pki, public_key, windows):
    run_dir = work / args.series / f"n{n:02d}"
    shutil.rmtree(run_dir, ignore_errors=True)
    run_dir.mkdir(parents=True)
    cameras = [f"cam{i + 1:02d}" for i in range(n)]
    result = RunResult(n)
    children = Children()
    sampler = None
    try:
        broker_port, camera_port = free_port(), free_port()
        broker = children.start("broker", ["mosquitto", "-c", str(broker_config(run_dir, pki, broker_port))],
                                run_dir / "mosquitto.out")
        wait_for_port(broker_port, 20, "mosquitto", broker)
        sim_args = ["/usr/bin/python3", str(ROOT / "deploy/camera-simulator/rtsp_camera.py"), "--port", str(camera_port)]
        for cam in cameras:
            sim_args += ["--camera", f"/{cam}={video}"]
        if not args.same_phase:
            sim_args.append("--stagger")
        simulator = children.start("simulator", sim_args, run_dir / "simulator.log")
        wait_for_port(camera_port, 30, "the camera simulator", simulator)
        receiver = children.start("receiver", edgeingest_command("receive", "--config", str(receiver_config(run_dir, pki, broker_port))),
                                  run_dir / "receiver.log", env=service_env())
        config = service_config(run_dir, pki, public_key, work, cameras, camera_port, broker_port, args)
        service = children.start("service", edgeingest_command("run", "--config", str(config)),
                                 run_dir / "service.out", env=service_env(), stdout_pipe=True)
        service_log = ServiceLog(service, run_dir / "service.log")
        service_log.start()

        deadline = time.monotonic() + 60 + 5 * n
        while len(service_log.streaming) < n:
            if service.poll() is not None:
                raise RuntimeError(f"the service exited with {service.returncode}; see {run_dir / 'service.log'}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"only {len(service_log.streaming)} of {n} cameras streamed; see {run_dir / 'service.log'}")
            time.sleep(0.2)

        sampler = CpuSampler({"service": service.pid, "simulator": simulator.pid, "broker": broker.pid, "receiver": receiver.pid})
        sampler.start()
        result.load_before = open("/proc/loadavg").read().split()[:3]
        busy0, total0 = machine_busy()
        sampler.begin()
        start = time.time()
        heartbeat_start = read_heartbeat(run_dir / "agency")
        time.sleep(args.duration)
        end = time.time()
        cpu, counts = sampler.end()
        busy1, total1 = machine_busy()
        heartbeat_end = read_heartbeat(run_dir / "agency")
        result.service_peak_rss_mb = peak_rss_mb(service.pid)
        result.load_after = open("/proc/loadavg").read().split()[:3]
        result.window_s = end - start
        result.machine_busy_pct = 100.0 * (busy1 - busy0) / max(1, total1 - total0) * os.cpu_count()
        result.cpu, result.counts = cpu, counts
        result.counters = heartbeat_delta(heartbeat_start, heartbeat_end)

        # Hits of passes inside the window may still be on their way: wait, then stop in order.
        time.sleep(args.drain)
        children.stop(service, grace=30.0)
        time.sleep(1.0)  # what the service sent last is stored
        children.stop_all()

        score(result, run_dir / "agency" / "hits.jsonl", cameras, clip_anchors(run_dir / "simulator.log"), start, end, windows, args)
    finally:
        if sampler:
            sampler.stopping.set()
        children.stop_all()
        if not args.keep:
            shutil.rmtree(run_dir / "segments", ignore_errors=True)
    return result


def peak_rss_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def heartbeat_delta(start, end):
    if not end:
        return {}
    before = {c["camera_id"]: c for c in (start or {}).get("cameras", [])}
    keys = ("frames_in", "frames_analysed", "frames_skipped_still", "frames_dropped", "restarts")
    totals = dict.fromkeys(keys, 0)
    for cam in end.get("cameras", []):
        for k in keys:
            totals[k] += cam.get(k, 0) - before.get(cam.get("camera_id"), {}).get(k, 0)
    return totals


def clip_anchors(simulator_log):
    """Mount -> (media start, wall-clock time of clip time 0) for each start of its media, as
    rtsp_camera.py prints them (a staggered mount starts playing mid-clip)."""
    anchors = {}
    for line in simulator_log.read_text().splitlines():
        m = re.match(r"rtsp-camera: /(\S+) clip time 0 at ([0-9.]+) .*playing from clip time ([0-9.]+) s", line)
        if m:
            t0 = float(m.group(2))
            anchors.setdefault(m.group(1), []).append((t0 + float(m.group(3)), t0))
    return anchors


def score(result, hits_file, cameras, anchors, start, end, windows, args):
    hotlist = {line.split(",")[0] for line in HOTLIST_CSV.splitlines()[1:]}
    expected = []  # (camera, plate, enters_at, leaves_at)
    edge = []
    for cam in cameras:
        # The simulator says when each start of a mount's media put the clip's first frame on air;
        # a media restarted (every client gone) starts its clip again.
        starts = sorted(anchors.get(cam, [])) + [(float("inf"), 0.0)]
        for (began, t0), (t_next, _) in zip(starts, starts[1:]):
            for loop in range(max(0, int((start - t0) // CLIP_SECONDS) - 1), int((end - t0) // CLIP_SECONDS) + 1):
                for plate, (enters, leaves) in windows.items():
                    a, b = t0 + loop * CLIP_SECONDS + enters, t0 + loop * CLIP_SECONDS + leaves
                    if plate not in hotlist or b < began or a > t_next:
                        continue
                    if a >= max(start, began) and b <= min(end, t_next):
                        expected.append((cam, plate, a, b))
                    else:
                        edge.append((cam, plate, a, b))  # crosses the window's edge: neither expected nor extra
    hits = []
    if hits_file.exists():
        hits = [json.loads(line) for line in hits_file.read_text().splitlines() if line.strip()]
    used = set()
    sources = set()
    for cam, plate, a, b in expected:
        match = None
        for i, hit in enumerate(hits):
            if i in used or hit["camera_id"] != cam or hit["hotlist"]["plate"] != plate:
                continue
            at = parse_time(hit["occurred_at"])
            if a - MATCH_SLACK_S <= at <= b + MATCH_SLACK_S:
                match = i
                break
        if match is None:
            result.missed.append(f"{cam} {plate} crossing {time.strftime('%H:%M:%S', time.gmtime(a))}Z")
            continue
        used.add(match)
        hit = hits[match]
        captured = hit.get("first_read_at")
        sources.add("first_read_at" if captured else "occurred_at")
        result.latencies.append(parse_time(hit["received_at"]) - parse_time(captured or hit["occurred_at"]))
    result.expected = len(expected)
    result.delivered = len(expected) - len(result.missed)
    # Hits that match no pass at all, and second hits for one pass: duplicates or misfits. Hits
    # of passes across the window's edges, and of the vehicles in view at the stop, do not count.
    def near(hit, passes):
        at = parse_time(hit["occurred_at"])
        return any(c == hit["camera_id"] and p == hit["hotlist"]["plate"] and a - MATCH_SLACK_S <= at <= b + MATCH_SLACK_S
                   for c, p, a, b in passes)
    result.unexpected = sum(1 for i, h in enumerate(hits)
                            if i not in used and parse_time(h["occurred_at"]) <= end and not near(h, edge))
    result.latency_source = "+".join(sorted(sources)) or "-"


def parse_time(text):
    # 2026-12-06T18:40:01.1234567+00:00 or ...Z; Python's fromisoformat takes at most 6 digits.
    m = re.match(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)?$", text)
    from datetime import datetime, timezone
    base = datetime.strptime(m.group(1), "%Y-%m-%dT%H:%M:%S")
    offset = m.group(3) or "Z"
    seconds = base.replace(tzinfo=timezone.utc).timestamp() + float(m.group(2) or 0)
    if offset != "Z":
        sign = 1 if offset[0] == "+" else -1
        seconds -= sign * (int(offset[1:3]) * 3600 + int(offset[4:6]) * 60)
    return seconds


# --- Report. ------------------------------------------------------------------------------------

def table(results, args):
    rows = []
    header = ("N", "hits exp", "deliv", "missed", "extra", "lat p50", "p95", "max",
              "decode %/cam", "record %/cam", "service %/cam", "sim+broker+recv %",
              "machine busy %", "analysed/s/cam", "still/s/cam", "dropped/s/cam", "service peak MB", "load before→after", "holds")
    for r in results:
        w = r.window_s or 1
        pct = lambda kind: 100.0 * r.cpu.get(kind, 0.0) / w  # noqa: E731
        c = r.counters
        per = lambda k: f"{c[k] / w / r.n:.2f}" if k in c else "-"  # noqa: E731
        rows.append((
            str(r.n), str(r.expected), str(r.delivered), str(len(r.missed)), str(r.unexpected),
            f"{r.p(0.5):.2f}", f"{r.p(0.95):.2f}", f"{max(r.latencies):.2f}" if r.latencies else "nan",
            f"{pct('decode') / r.n:.1f}", f"{pct('record') / r.n:.1f}", f"{pct('service') / r.n:.1f}",
            f"{pct('simulator') + pct('broker') + pct('receiver'):.1f}",
            f"{r.machine_busy_pct:.0f}", per("frames_analysed"), per("frames_skipped_still"), per("frames_dropped"),
            f"{r.service_peak_rss_mb:.0f}",
            f"{' '.join(r.load_before)} → {' '.join(r.load_after)}",
            "yes" if r.holds(args.latency_limit) else "NO"))
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(header)]
    lines = ["| " + " | ".join(h.ljust(widths[i]) for i, h in enumerate(header)) + " |",
             "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    lines += ["| " + " | ".join(v.rjust(widths[i]) for i, v in enumerate(row)) + " |" for row in rows]
    return "\n".join(lines)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cameras", default="1,2,4,6,8", help="the values of N, in order (default 1,2,4,6,8)")
    parser.add_argument("--duration", type=float, default=80.0, help="measured seconds per N (default 80: two clip loops)")
    parser.add_argument("--drain", type=float, default=8.0, help="seconds after the window for the last hits to arrive")
    parser.add_argument("--analysis-fps", type=float, default=5.0, help="cameras[].analysis_fps (default 5, as the demo)")
    parser.add_argument("--camera-options", help="a YAML fragment added to every camera (e.g. a zone)")
    parser.add_argument("--service-options", help="a YAML fragment added to the service's config (top-level sections)")
    parser.add_argument("--same-phase", action="store_true",
                        help="every camera shows the same car at the same moment (default: phases spread over the clip)")
    parser.add_argument("--latency-limit", type=float, default=2.0, help="p95 hit latency that still holds (default 2 s)")
    parser.add_argument("--keep-going", action="store_true", help="run every N even after one fails to hold")
    parser.add_argument("--keep", action="store_true", help="keep each run's clip segments")
    parser.add_argument("--work", default=str(ROOT / "benchmarks/results/capacity"), help="working folder")
    parser.add_argument("--build", help="the built service to run (default .build/edgeingest, what ./edgeingest builds)")
    args = parser.parse_args(argv)
    global BUILD
    if args.build:
        BUILD = Path(args.build).resolve()
    if not (BUILD / "edgeingest.dll").exists():
        parser.error(f"{BUILD / 'edgeingest.dll'} does not exist; run ./edgeingest --help to build it")

    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))

    work = Path(args.work)
    video, pki, public_key = prepare(work)
    windows = clip_windows()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    args.series = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())  # this series' runs: work/SERIES/nNN
    results = []
    for n in [int(x) for x in args.cameras.split(",")]:
        log(f"N={n}: starting {n} camera(s), measuring {args.duration:.0f} s")
        r = run_once(n, args, work, video, pki, public_key, windows)
        results.append(r)
        log(f"N={n}: {r.delivered}/{r.expected} hits, p95 {r.p(0.95):.2f} s, missed {r.missed or 'none'}")
        print(table(results, args), file=sys.stderr, flush=True)
        if not r.holds(args.latency_limit) and not args.keep_going:
            break

    print()
    print(f"Capacity benchmark — {started}, commit {commit}{' (with uncommitted changes)' if dirty else ''}, "
          f"service {BUILD.relative_to(ROOT) if BUILD.is_relative_to(ROOT) else BUILD}, {os.cpu_count()} cores, analysis_fps {args.analysis_fps:g}, {args.duration:.0f} s per N, "
          f"{'cameras in phase' if args.same_phase else 'camera phases spread over the clip'}, "
          f"latency from {'/'.join(sorted({r.latency_source for r in results}))}")
    if args.camera_options:
        print(f"Per camera: {' '.join(Path(args.camera_options).read_text().split())}")
    if args.service_options:
        print(f"Service: {' '.join(Path(args.service_options).read_text().split())}")
    print(table(results, args))
    holding = [r.n for r in results if r.holds(args.latency_limit)]
    print(f"Largest N that holds (every expected hit delivered, p95 ≤ {args.latency_limit:g} s): {max(holding) if holding else 'none'}")
    for r in results:
        for m in r.missed:
            print(f"  N={r.n} missed: {m}")
    with open(work / args.series / "summary.md", "w") as f:
        f.write(f"{started} {commit} {' '.join(argv)}\n{table(results, args)}\n")
    with open(work / "summary.md", "a") as f:
        f.write(f"\n{started} {commit} {' '.join(argv)}; load {' '.join(results[0].load_before) if results else ''}\n{table(results, args)}\n")
    return 0 if holding else 1


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        log("interrupted; everything it started is stopped")
        sys.exit(130)

#!/usr/bin/python3
"""How fast an approved footage window reaches the agency: a 10-minute 720p window on loopback.

Run through benchmarks/footage/run.sh (it documents the options). On 127.0.0.1 and free ports
only, with the capacity benchmark's helpers (benchmarks/capacity/capacity.py: certificates, keys,
broker, receiver, processes, CPU from /proc):

1. ffmpeg makes the window's video once per bit rate (cached): 720p15 H.264 (libx264 ultrafast,
   a key frame every 2 s) cut into 2 s MPEG-TS segments, the recorder's own format, and copies
   them into the device's recording folder under the names the continuous recording gives them
   ({startUnixMs}-{endUnixMs}.ts), so the window ends a few minutes ago;
2. starts the agency broker, the receiver (`edgeingest receive`) and the real service
   (`edgeingest run`) with one camera whose RTSP address answers nothing (the footage comes from
   the folder, whose index the service rebuilds at start), a signed agreement in force and the
   console on a loopback port;
3. sets the console's first password through the setup link the service prints (which signs the
   owner in), and sends the request with `edgeingest request footage`;
4. approves it on the console's Requests page (cookies and antiforgery tokens from the forms),
   and times from the approval to the receiver's custody.json; checks the delivered file's sha256
   against the manifest's and against the segments' bytes concatenated.
"""

import argparse
import hashlib
import html
import http.cookiejar
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "capacity"))
import capacity as cap  # noqa: E402  (shared loopback helpers)

ROOT = cap.ROOT
DEVICE = "footage-box"
CAMERA = "gate"
CASE = "BENCH-0001"
SEGMENT_S = 2
FPS = 15
PASSWORD = "footage-bench-owner-password"
SETUP_LINK = re.compile(r"(http://127\.0\.0\.1:\d+/setup\?token=[A-Za-z0-9_\-%=]+)")


def log(message):
    print(f"footage: {message}", file=sys.stderr, flush=True)


def iso(unix_ms):
    return datetime.fromtimestamp(unix_ms / 1000, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


# --- The window's video. ------------------------------------------------------------------------

def make_segments(work, minutes, bitrate):
    """2 s MPEG-TS segments of 720p15 H.264 at the bit rate (kbit/s), made once and kept in
    work/video-{bitrate}k-{minutes}m/: list.csv says each segment's start and end in seconds."""
    folder = work / f"video-{bitrate}k-{minutes:g}m"
    listing = folder / "list.csv"
    if listing.exists():
        return folder, read_listing(listing)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    log(f"encoding {minutes:g} min of 720p{FPS} H.264 at {bitrate} kbit/s into {SEGMENT_S} s segments (once)")
    started = time.monotonic()
    subprocess.run([
        "ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin",
        "-f", "lavfi", "-i", f"testsrc2=size=1280x720:rate={FPS},noise=alls=12:allf=t",
        "-t", str(minutes * 60),
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
        "-b:v", f"{bitrate}k", "-maxrate", f"{bitrate}k", "-bufsize", f"{2 * bitrate}k",
        "-g", str(SEGMENT_S * FPS), "-keyint_min", str(SEGMENT_S * FPS), "-sc_threshold", "0",
        "-f", "segment", "-segment_time", str(SEGMENT_S), "-segment_format", "mpegts",
        "-segment_list", str(folder / "list.tmp"), "-segment_list_type", "csv",
        str(folder / "seg%04d.ts")], check=True)
    (folder / "list.tmp").rename(listing)
    log(f"encoded in {time.monotonic() - started:.0f} s")
    return folder, read_listing(listing)


def read_listing(listing):
    rows = []
    for line in listing.read_text().splitlines():
        name, start, end = line.split(",")
        rows.append((name, float(start), float(end)))
    return rows


def place_segments(source, rows, camera_dir, base_ms):
    """Copies the segments in as the recording names them, the first starting at base_ms.
    Returns (path, start_ms, end_ms) per segment, oldest first."""
    camera_dir.mkdir(parents=True, exist_ok=True)
    placed = []
    for name, start, end in rows:
        start_ms, end_ms = base_ms + round(start * 1000), base_ms + round(end * 1000)
        target = camera_dir / f"{start_ms}-{end_ms}.ts"
        shutil.copyfile(source / name, target)
        placed.append((target, start_ms, end_ms))
    return placed


# --- Configuration. -----------------------------------------------------------------------------

def sign_agreement(work, keys):
    text = f"""agreement_id: agr-footage-bench
version: 1
agency: Footage Bench County Sheriff
allowed_categories: [stolen_vehicle, wanted_person, bolo]
sharing_policy: hits_only
retention_days: {{ reads: 7, hits: 90, evidence: 30 }}
valid_from: "2026-01-01T00:00:00Z"
valid_until: "2099-01-01T00:00:00Z"
footage: {{ recording_hours: 72, max_window_hours: 12, answer_within_days: 7 }}
"""
    (work / "agreement.yaml").write_text(text)
    out = work / "agreement.signed.json"
    cap.edgeingest("agreement", "sign", "--key", str(keys / "agency-signing-key.pem"),
                   "--in", str(work / "agreement.yaml"), "--out", str(out))
    return out


def service_config(run_dir, work, pki, public_key, agreement, broker_port, console_port, storage):
    device_pki = pki / "devices" / DEVICE
    text = f"""device:
  id: {DEVICE}
cameras:
  - id: {CAMERA}
    url: rtsp://127.0.0.1:{cap.free_port()}/{CAMERA}
broker:
  host: 127.0.0.1
  port: {broker_port}
  heartbeat_seconds: 1
  tls:
    ca_file: {device_pki / 'ca.crt'}
    cert_file: {device_pki / 'device.crt'}
    key_file: {device_pki / 'device.key'}
hotlist:
  file: {work / 'hotlist.signed.json'}
agency:
  public_key_file: {public_key}
agreement:
  file: {agreement}
recognition:
  models_directory: {ROOT / 'models'}
storage:
  directory: {storage}
clips:
  segment_root: {run_dir / 'segments'}
recording:
  directory: {run_dir / 'recordings'}
console:
  listen: 127.0.0.1:{console_port}
"""
    path = run_dir / "edgeingest.yaml"
    path.write_text(text)
    return path


class ServiceOutput(threading.Thread):
    """Copies the service's output to its log and keeps the console's setup link."""

    def __init__(self, proc, path):
        super().__init__(daemon=True)
        self.proc, self.path = proc, path
        self.setup_link = None

    def run(self):
        with open(self.path, "wb") as out:
            for line in self.proc.stdout:
                out.write(line)
                out.flush()
                m = SETUP_LINK.search(line.decode(errors="replace"))
                if m and not self.setup_link:
                    self.setup_link = m.group(1)


# --- The owner's console over HTTP. -------------------------------------------------------------

class Console:
    def __init__(self, base):
        self.base = base.rstrip("/")
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path):
        with self.opener.open(self.base + path, timeout=60) as r:
            return r.status, r.read().decode()

    def post(self, path, fields):
        data = urllib.parse.urlencode(fields).encode()
        try:
            with self.opener.open(urllib.request.Request(self.base + path, data=data), timeout=60) as r:
                return r.status, r.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode(errors="replace")

    @staticmethod
    def forms(page):
        """(action, {hidden and named inputs with values}) for every form on the page."""
        found = []
        for m in re.finditer(r"<form\b([^>]*)>(.*?)</form>", page, re.S):
            action = re.search(r'action="([^"]*)"', m.group(1))
            fields = {}
            for inp in re.finditer(r"<input\b([^>]*)>", m.group(2)):
                name = re.search(r'name="([^"]*)"', inp.group(1))
                value = re.search(r'value="([^"]*)"', inp.group(1))
                if name:
                    fields[html.unescape(name.group(1))] = html.unescape(value.group(1)) if value else ""
            found.append((html.unescape(action.group(1)) if action else "", fields))
        return found


def set_first_password(console, link):
    path = link[len(console.base):]
    status, page = console.get(path)
    forms = [f for f in Console.forms(page) if "Token" in f[1]]
    if status != 200 or not forms:
        raise RuntimeError(f"the setup page answered {status} without its form")
    action, fields = forms[0]
    fields.update(Password=PASSWORD, Confirmation=PASSWORD)
    status, page = console.post(action or path, fields)
    if status != 200 or "Sign out" not in page and "/logout" not in page.lower():
        raise RuntimeError(f"setting the first password answered {status}; the page does not show a session")


def approve(console, request_id):
    """Approves the request on the Requests page as the owner does (Approve all). Returns the
    time just before the answer was posted and the POST's own seconds."""
    status, page = console.get("/requests")
    if status != 200:
        raise RuntimeError(f"/requests answered {status}")
    for action, fields in Console.forms(page):
        if "handler=Approve" in action and "handler=ApproveWindow" not in action and fields.get("Id") == request_id:
            before = time.time()
            status, page = console.post(action, fields)
            took = time.time() - before
            if status != 200 or "You approved" not in page:
                raise RuntimeError(f"the approval answered {status}: {re.sub(r'<[^>]+>', ' ', page)[:400]}")
            return before, took
    raise RuntimeError(f"the Requests page has no Approve form for {request_id}")


class PartArrivals(threading.Thread):
    """When each part's first chunk reached the receiver's disk: its folder under .partial/ appears
    then. Polled every 10 ms; with custody's verified_at it splits a part's time into the wait
    before its first chunk (the device storing it after the previous part's confirmation) and
    its chunks' transfer."""

    def __init__(self, folder):
        super().__init__(daemon=True)
        self.folder = folder
        self.first_seen = {}
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.wait(0.01):
            try:
                for entry in os.scandir(self.folder):
                    if entry.name.isdigit() and int(entry.name) not in self.first_seen:
                        self.first_seen[int(entry.name)] = time.time()
            except OSError:
                pass


# --- One run. -----------------------------------------------------------------------------------

def sha256_file(path, h=None):
    h = h or hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h


def wait_until(what, timeout, check, procs=()):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for name, proc in procs:
            if proc.poll() is not None:
                raise RuntimeError(f"{name} exited with {proc.returncode} while waiting for {what}")
        value = check()
        if value:
            return value
        time.sleep(0.1)
    raise RuntimeError(f"no {what} within {timeout:.0f} s")


def run_once(args, work, segments, pki, public_key, agreement, index):
    run_dir = work / f"{time.strftime('%Y%m%dT%H%M%SZ', time.gmtime())}-{index}"
    run_dir.mkdir(parents=True)
    children = cap.Children()
    try:
        source, rows = segments
        now_ms = int(time.time()) * 1000
        window_ms = round(rows[-1][2] * 1000)
        base_ms = now_ms - window_ms - 150_000  # the window ends 2.5 min ago: inside the last 15 min
        placed = place_segments(source, rows, run_dir / "recordings" / CAMERA, base_ms)
        window_from, window_to = base_ms, base_ms + window_ms
        expected = [p for p in placed if p[1] < window_to and p[2] > window_from]
        expected_sha = hashlib.sha256()
        for path, _, _ in expected:
            sha256_file(path, expected_sha)
        expected_bytes = sum(p[0].stat().st_size for p in expected)

        broker_port, console_port = cap.free_port(), cap.free_port()
        broker = children.start("broker", ["mosquitto", "-c", str(cap.broker_config(run_dir, pki, broker_port))],
                                run_dir / "mosquitto.out")
        cap.wait_for_port(broker_port, 20, "mosquitto", broker)
        receiver_yaml = cap.receiver_config(run_dir, pki, broker_port)
        receiver = children.start("receiver", cap.edgeingest_command("receive", "--config", str(receiver_yaml)),
                                  run_dir / "receiver.log", env=cap.service_env())
        storage = Path(args.storage) / run_dir.name if args.storage else run_dir / "data"
        config = service_config(run_dir, work, pki, public_key, agreement, broker_port, console_port, storage)
        service = children.start("service", cap.edgeingest_command("run", "--config", str(config)),
                                 run_dir / "service.out", env=cap.service_env(), stdout_pipe=True)
        output = ServiceOutput(service, run_dir / "service.log")
        output.start()
        procs = [("the service", service), ("the receiver", receiver), ("mosquitto", broker)]
        link = wait_until("setup link in the service's log", 120, lambda: output.setup_link, procs)
        heartbeat = run_dir / "agency" / "devices" / DEVICE / "heartbeat.json"
        wait_until("heartbeat from the device at the receiver", 120, heartbeat.exists, procs)

        console = Console(f"http://127.0.0.1:{console_port}")
        set_first_password(console, link)

        request_id = f"fr-bench-{time.strftime('%Y%m%d-%H%M%S', time.gmtime())}-{index}"
        request = cap.edgeingest(
            "request", "footage", "--config", str(receiver_yaml), "--device", DEVICE, "--camera", CAMERA,
            "--from", iso(window_from), "--to", iso(window_to), "--case", CASE, "--reason", "burglary",
            "--officer", "Det. Bench #0001", "--id", request_id, "--wait", "60", check=False)
        if request.returncode != 0 or "\npending: " not in "\n" + request.stdout:
            raise RuntimeError(f"request footage exited {request.returncode}: {request.stdout}{request.stderr}")

        load_before = open("/proc/loadavg").read().split()[:3]
        cpu0 = {name: cap.proc_cpu_seconds(p.pid) for name, p in
                [("service", service), ("receiver", receiver), ("broker", broker)]}
        arrivals = PartArrivals(run_dir / "agency" / ".partial" / "footage" / DEVICE / request_id / CAMERA)
        arrivals.start()
        approved_at, post_s = approve(console, request_id)
        folder = run_dir / "agency" / "footage" / CASE / request_id
        custody_path = folder / "custody.json"
        wait_until(f"custody.json for {request_id}", args.timeout, custody_path.exists, procs)
        done_at = time.time()
        arrivals.stopping.set()
        cpu1 = {name: cap.proc_cpu_seconds(p.pid) for name, p in
                [("service", service), ("receiver", receiver), ("broker", broker)]}
        load_after = open("/proc/loadavg").read().split()[:3]

        custody = json.loads(custody_path.read_text())
        manifest = json.loads((folder / "manifest.json").read_text())
        cam = next(c for c in manifest["cameras"] if c["camera_id"] == CAMERA)
        delivered = folder / f"{CAMERA}.ts"
        delivered_sha = sha256_file(delivered).hexdigest()
        problems = []
        if delivered_sha != cam["sha256"]:
            problems.append(f"{delivered.name} sha256 {delivered_sha} is not the manifest's {cam['sha256']}")
        if delivered_sha != expected_sha.hexdigest():
            problems.append(f"{delivered.name} sha256 {delivered_sha} is not the {len(expected)} segments' {expected_sha.hexdigest()}")
        if delivered.stat().st_size != expected_bytes:
            problems.append(f"{delivered.name} has {delivered.stat().st_size} bytes, the segments {expected_bytes}")
        parts = next(c for c in custody["files"] if c["camera_id"] == CAMERA)["parts"]
        verified = sorted(cap.parse_time(p["verified_at"]) for p in parts)
        by_index = {p["index"]: cap.parse_time(p["verified_at"]) for p in parts}
        # Per part after the first: previous part verified → this part's first chunk on disk (the
        # device's turn: confirmation, reading, storing), and first chunk → verified (transfer).
        gaps, transfers = [], []
        for i in range(1, len(parts)):
            if i in arrivals.first_seen and i - 1 in by_index:
                gaps.append(arrivals.first_seen[i] - by_index[i - 1])
                transfers.append(by_index[i] - arrivals.first_seen[i])
        manifest_at = custody.get("manifest_received_at")
        return dict(
            request_id=request_id, bytes=delivered.stat().st_size, segments=len(expected), parts=len(parts),
            chunk_bytes=manifest["chunk_bytes"], window_s=window_ms / 1000, seconds=done_at - approved_at,
            post_s=post_s, first_part_s=verified[0] - approved_at, last_part_s=verified[-1] - approved_at,
            manifest_s=(cap.parse_time(manifest_at) - approved_at) if manifest_at else None,
            gap_s=sum(gaps) / len(gaps) if gaps else None, transfer_s=sum(transfers) / len(transfers) if transfers else None,
            cpu={k: cpu1[k] - cpu0[k] for k in cpu0 if cpu0[k] is not None and cpu1[k] is not None},
            load_before=load_before, load_after=load_after, problems=problems, run_dir=run_dir)
    finally:
        children.stop_all()
        if args.storage:
            shutil.rmtree(Path(args.storage) / run_dir.name, ignore_errors=True)
        if not args.keep:
            shutil.rmtree(run_dir / "recordings", ignore_errors=True)
            for ts in (run_dir / "agency").glob("footage/*/*/*.ts"):
                ts.unlink()


def describe(r, bitrate):
    mb = r["bytes"] / 1e6
    rate = mb / r["seconds"]
    lines = [
        f"request {r['request_id']}: {r['bytes']:,} bytes ({r['segments']} segments of {SEGMENT_S} s, "
        f"{r['parts']} parts, chunks of {r['chunk_bytes']:,} B), {r['window_s']:.0f} s of video at {bitrate} kbit/s",
        f"approval → custody.json: {r['seconds']:.1f} s = {rate:.2f} MB/s = {rate * 8:.1f} Mbit/s; "
        f"a {r['window_s'] / 60:g}-minute window in {r['seconds']:.1f} s, {r['window_s'] / r['seconds']:.1f}× real time",
        f"  approve POST {r['post_s']:.2f} s"
        + (f"; manifest at +{r['manifest_s']:.1f} s" if r["manifest_s"] is not None else "")
        + f"; first part verified at +{r['first_part_s']:.1f} s, last at +{r['last_part_s']:.1f} s "
        f"({(r['last_part_s'] - r['first_part_s']) / max(1, r['parts'] - 1):.2f} s per part after the first)",
        (f"  per part after the first, on average: {r['gap_s']:.2f} s from the previous part verified to its first chunk "
         f"at the receiver, {r['transfer_s']:.2f} s from there to verified" if r["gap_s"] is not None else "  (no part timeline)"),
        "  CPU seconds during the delivery: " + ", ".join(f"{k} {v:.1f}" for k, v in r["cpu"].items()),
        f"  load {' '.join(r['load_before'])} → {' '.join(r['load_after'])}; files in {r['run_dir'].relative_to(ROOT)}",
        "  sha256: " + ("delivered = manifest = segments concatenated" if not r["problems"] else "; ".join(r["problems"])),
    ]
    return "\n".join(lines)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bitrate", type=int, default=2000, help="the video's bit rate in kbit/s (default 2000)")
    parser.add_argument("--minutes", type=float, default=10.0, help="the window's length (default 10)")
    parser.add_argument("--runs", type=int, default=1, help="how many deliveries, each with a fresh service (default 1)")
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds a delivery may take (default 1800)")
    parser.add_argument("--storage", help="a folder for the device's storage.directory (outbox, footage and audit"
                        " databases; e.g. /dev/shm to take the disk out), one subfolder per run; default the run's data/")
    parser.add_argument("--keep", action="store_true", help="keep each run's recording and delivered video")
    parser.add_argument("--work", default=str(ROOT / "benchmarks/results/footage"), help="working folder")
    args = parser.parse_args(argv)
    if not (cap.BUILD / "edgeingest.dll").exists():
        parser.error(f"{cap.BUILD / 'edgeingest.dll'} does not exist; run ./edgeingest --help to build it")
    for sig in (cap.signal.SIGTERM, cap.signal.SIGHUP):
        cap.signal.signal(sig, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))

    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    segments = make_segments(work, args.minutes, args.bitrate)
    pki, public_key = cap.prepare_agency(work, DEVICE)
    agreement = sign_agreement(work, public_key.parent)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    header = (f"Footage delivery — {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, commit {commit}, "
              f"{os.cpu_count()} cores, {args.minutes:g} min of 720p{FPS} H.264 at {args.bitrate} kbit/s")
    print(header, flush=True)
    failed = 0
    for i in range(1, args.runs + 1):
        log(f"run {i} of {args.runs}")
        r = run_once(args, work, segments, pki, public_key, agreement, i)
        text = describe(r, args.bitrate)
        print(text, flush=True)
        failed += bool(r["problems"])
        with open(work / "summary.md", "a") as f:
            f.write(f"\n{header}\n{text}\n")
    return 1 if failed else 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        log("interrupted; everything it started is stopped")
        sys.exit(130)

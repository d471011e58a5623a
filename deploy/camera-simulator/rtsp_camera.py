#!/usr/bin/python3
"""A stand-in for IP cameras: serves H.264 mp4 files over RTSP, each looping forever.

    /usr/bin/python3 rtsp_camera.py --port 8554 --camera /cam1=demo.mp4 [--camera /cam2=other.mp4]
                                    [--bind 127.0.0.1] [--user admin --password secret]  (digest auth)
                                    [--stagger]  (mount i of M starts at i/M of its clip)

Run it with Debian's /usr/bin/python3 (it has the GObject bindings `gi`; a pyenv python may not).
Needs python3-gi, gir1.2-gst-rtsp-server-1.0 and the GStreamer base/good/bad plugins.

How it works: each file is demuxed once into memory (access units with their timestamps). For
each mount, a shared media (one pipeline for every client: the decoder and a recorder see the
same stream) runs `appsrc ! h264parse ! rtph264pay`; a feeder thread pushes the access units at
real-time pace (paced by the pipeline's running time, read only while the appsrc is PLAYING, so
that no frame is stamped ahead of the clock), shifting timestamps by one clip length per loop. Nothing is re-encoded. The clip
length is frame count x frame duration from the caps framerate: with B-frames the first two
timestamps are out of order and would give a wrong step, and the stream would stall at the wrap.

Prints `rtsp-camera: ready rtsp://HOST:PORT/MOUNT` for each mount once it accepts connections,
and exits with status 0 on SIGTERM or SIGINT.
"""

import argparse
import signal
import sys
import threading
import time
from dataclasses import dataclass

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtsp", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtsp, GstRtspServer  # noqa: E402

# Buffers are pushed this far ahead of their timestamp, so downstream never waits on a late one.
PUSH_AHEAD_NS = 100 * Gst.MSECOND
DEMUX_TIMEOUT_S = 30


def log(message):
    print(f"rtsp-camera: {message}", flush=True)


@dataclass(frozen=True)
class AccessUnit:
    data: bytes
    pts: int  # nanoseconds from the start of the clip
    dts: int
    keyframe: bool


@dataclass(frozen=True)
class Clip:
    path: str
    caps: Gst.Caps
    units: list
    frame_ns: int

    @property
    def length_ns(self):
        return len(self.units) * self.frame_ns


def load_clip(path):
    """Demuxes an mp4 into byte-stream access units (SPS/PPS repeated before every keyframe,
    so a client that joins mid-loop can start decoding at the next keyframe)."""
    pipeline = Gst.parse_launch(
        "filesrc name=file ! qtdemux ! h264parse config-interval=-1 ! "
        "video/x-h264,stream-format=byte-stream,alignment=au ! appsink name=sink sync=false"
    )
    pipeline.get_by_name("file").set_property("location", path)
    sink = pipeline.get_by_name("sink")
    pipeline.set_state(Gst.State.PLAYING)
    raw, caps = [], None
    try:
        while True:
            sample = sink.emit("try-pull-sample", DEMUX_TIMEOUT_S * Gst.SECOND)
            if sample is None:
                break
            caps = caps or sample.get_caps()
            buf = sample.get_buffer()
            raw.append((buf.extract_dup(0, buf.get_size()), buf.pts, buf.dts,
                        not buf.has_flags(Gst.BufferFlags.DELTA_UNIT)))
        message = pipeline.get_bus().pop_filtered(Gst.MessageType.ERROR)
        if message is not None:
            error, _ = message.parse_error()
            raise SystemExit(f"rtsp-camera: cannot read {path}: {error.message}")
    finally:
        pipeline.set_state(Gst.State.NULL)
    if not raw:
        raise SystemExit(f"rtsp-camera: no H.264 video in {path}")

    structure = caps.get_structure(0)
    ok, num, den = structure.get_fraction("framerate")
    if not ok or num <= 0:
        raise SystemExit(f"rtsp-camera: {path} has no framerate in its caps")
    frame_ns = Gst.util_uint64_scale(Gst.SECOND, den, num)

    # Timestamps relative to the earliest one, so each loop starts at 0 (DTS may precede PTS).
    valid = [t for _, pts, dts, _ in raw for t in (pts, dts) if t != Gst.CLOCK_TIME_NONE]
    base = min(valid)
    units = []
    for data, pts, dts, keyframe in raw:
        pts = pts - base if pts != Gst.CLOCK_TIME_NONE else None
        dts = dts - base if dts != Gst.CLOCK_TIME_NONE else pts
        units.append(AccessUnit(data, pts if pts is not None else dts, dts, keyframe))
    return Clip(path, caps, units, frame_ns)


class LoopingFeeder(threading.Thread):
    """Pushes a clip's access units into one media's appsrc, at real-time pace, forever.

    Live buffers carry pipeline running time (clock time minus the element's base time), so the
    feeder paces itself by that running time, not by the wall clock, and reads it only while the
    appsrc is PLAYING. Two reasons:
    - The clock reaches the appsrc before its base time does (GstBin sets the clock on a state
      change, then the base time, then the child's state). Anchoring on "a clock exists" (as an
      earlier version did) read a base time of 0 now and then, stamped every buffer about an
      uptime into the future, and the sinks, which sync to the clock, held the first one for
      ever: the mount then served nothing to anyone until every client had left. Two clients
      connecting at once widened that window (the measured 2 to 6 of 40 starts); see the
      two-clients test in RtspCameraSimulatorTests.
    - A shared media pauses between its preparation and its first PLAY, and running time stands
      still while it is paused. Pacing by running time waits through a pause instead of queueing
      frames stamped ahead of the clock.
    """

    POLL_S = 0.005
    MAX_WAIT_S = 0.05  # re-read state and running time at least this often while waiting

    def __init__(self, appsrc, clip, mount, start_index=0):
        super().__init__(name=f"feeder{mount}", daemon=True)
        self.appsrc = appsrc
        self.clip = clip
        self.mount = mount
        self.start_index = start_index  # a keyframe: where the first loop starts (--stagger)
        self.stopping = threading.Event()

    def stop(self):
        self.stopping.set()

    def run(self):
        anchor_ns = None  # running time of the clip's time 0 on the first loop
        loop = 0
        while not self.stopping.is_set():
            offset = loop * self.clip.length_ns
            for unit in self.clip.units[self.start_index if loop == 0 else 0:]:
                if anchor_ns is None:
                    now_ns = self._wait_for_running_time()
                    if now_ns is None:
                        return
                    anchor_ns = now_ns + PUSH_AHEAD_NS - unit.dts
                    # Which frame is on screen when: benchmarks (benchmarks/capacity/) count the
                    # cars each camera shows from this wall-clock time of the clip's start.
                    log(f"{self.mount} clip time 0 at {time.time() + PUSH_AHEAD_NS / 1e9 - unit.dts / 1e9:.3f} "
                        f"(unix seconds; loops every {self.clip.length_ns / 1e9:g} s; "
                        f"playing from clip time {unit.dts / 1e9:.3f} s)")
                if not self._wait_until(anchor_ns + offset + unit.dts - PUSH_AHEAD_NS):
                    return
                buf = Gst.Buffer.new_wrapped(unit.data)
                buf.pts = anchor_ns + offset + unit.pts
                buf.dts = anchor_ns + offset + unit.dts
                buf.duration = self.clip.frame_ns
                if not unit.keyframe:
                    buf.set_flags(Gst.BufferFlags.DELTA_UNIT)
                if self.appsrc.emit("push-buffer", buf) != Gst.FlowReturn.OK:
                    return  # the media was shut down
            loop += 1

    def _running_time(self):
        """The appsrc's running time, or None while it is not PLAYING (no valid base time yet)."""
        _, state, _ = self.appsrc.get_state(0)
        if state != Gst.State.PLAYING:
            return None
        running_ns = self.appsrc.get_current_running_time()
        return None if running_ns == Gst.CLOCK_TIME_NONE else running_ns

    def _wait_for_running_time(self):
        while not self.stopping.is_set():
            running_ns = self._running_time()
            if running_ns is not None:
                return running_ns
            self.stopping.wait(self.POLL_S)
        return None

    def _wait_until(self, running_due_ns):
        """Waits until the running time reaches running_due_ns; False when stopping."""
        while not self.stopping.is_set():
            running_ns = self._running_time()
            if running_ns is None:
                self.stopping.wait(self.POLL_S)
                continue
            delay_s = (running_due_ns - running_ns) / 1e9
            if delay_s <= 0:
                return True
            self.stopping.wait(min(delay_s, self.MAX_WAIT_S))
        return False


class LoopingClipFactory(GstRtspServer.RTSPMediaFactory):
    """One shared media per mount; each new media (after all clients left) gets a new feeder."""

    def __init__(self, clip, mount, start_index=0):
        super().__init__()
        self.clip = clip
        self.mount = mount
        self.start_index = start_index
        self.set_launch(
            "( appsrc name=src is-live=true format=time do-timestamp=false "
            "max-bytes=4000000 ! h264parse config-interval=-1 "
            "! rtph264pay name=pay0 pt=96 config-interval=-1 )"
        )
        self.set_shared(True)
        self.connect("media-configure", self._on_media_configure)

    def _on_media_configure(self, _factory, media):
        appsrc = media.get_element().get_by_name("src")
        appsrc.set_property("caps", self.clip.caps)
        feeder = LoopingFeeder(appsrc, self.clip, self.mount, self.start_index)
        media.connect("unprepared", lambda _media: feeder.stop())
        feeder.start()


def stagger_start(clip, index, count):
    """The first keyframe at or after index/count of the clip (0 when there is none after it)."""
    due = clip.length_ns * index // count
    return next((i for i, unit in enumerate(clip.units) if unit.keyframe and unit.dts >= due), 0)


def parse_camera(text):
    mount, sep, path = text.partition("=")
    if not sep or not mount.startswith("/") or not path:
        raise argparse.ArgumentTypeError(f"expected MOUNT=FILE such as /cam1=demo.mp4, got {text!r}")
    return mount, path


def parse_args(argv):
    parser = argparse.ArgumentParser(description="Serve looping H.264 mp4 files over RTSP.")
    parser.add_argument("--port", type=int, default=8554)
    parser.add_argument("--bind", default="127.0.0.1")
    parser.add_argument("--camera", type=parse_camera, action="append", required=True,
                        metavar="MOUNT=FILE", help="repeat for several cameras")
    parser.add_argument("--user", help="require RTSP digest authentication as this user")
    parser.add_argument("--password", help="the user's password")
    parser.add_argument("--stagger", action="store_true",
                        help="start mount i of M at i/M of its clip (at the next keyframe), so cameras "
                             "serving one clip do not show the same car at the same moment")
    args = parser.parse_args(argv)
    if (args.user is None) != (args.password is None):
        parser.error("--user and --password go together")
    return args


def configure_auth(server, factories, user, password):
    auth = GstRtspServer.RTSPAuth()
    token = GstRtspServer.RTSPToken()
    token.set_string(GstRtspServer.RTSP_TOKEN_MEDIA_FACTORY_ROLE, "camera-user")
    # Digest, as most IP cameras offer (ffmpeg answers it). GI exposes the method set as an
    # enum, so BASIC | DIGEST cannot be passed from Python; one method is enough for a test.
    auth.add_digest(user, password, token)
    auth.set_supported_methods(GstRtsp.RTSPAuthMethod.DIGEST)
    server.set_auth(auth)
    for factory in factories:
        factory.add_role_from_structure(Gst.Structure.new_from_string(
            "camera-user, media.factory.access=(boolean)true, media.factory.construct=(boolean)true"))


def main(argv):
    args = parse_args(argv)
    Gst.init(None)

    server = GstRtspServer.RTSPServer()
    server.set_address(args.bind)
    server.set_service(str(args.port))
    mounts = server.get_mount_points()
    factories = []
    for i, (mount, path) in enumerate(args.camera):
        clip = load_clip(path)
        start = stagger_start(clip, i, len(args.camera)) if args.stagger else 0
        factory = LoopingClipFactory(clip, mount, start)
        mounts.add_factory(mount, factory)
        factories.append(factory)
    if args.user is not None:
        configure_auth(server, factories, args.user, args.password)

    if server.attach(None) == 0:
        log(f"error: cannot listen on {args.bind}:{args.port}")
        return 2

    loop = GLib.MainLoop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signum, loop.quit)
    host = f"[{args.bind}]" if ":" in args.bind else args.bind
    for mount, path in args.camera:
        log(f"ready rtsp://{host}:{server.get_bound_port()}{mount} ({path})")
    loop.run()
    log("stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

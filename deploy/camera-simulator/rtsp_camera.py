#!/usr/bin/python3
"""A stand-in for IP cameras: serves H.264 mp4 files over RTSP, each looping forever.

    /usr/bin/python3 rtsp_camera.py --port 8554 --camera /cam1=demo.mp4 [--camera /cam2=other.mp4]
                                    [--bind 127.0.0.1] [--user admin --password secret]  (digest auth)

Run it with Debian's /usr/bin/python3 (it has the GObject bindings `gi`; a pyenv python may not).
Needs python3-gi, gir1.2-gst-rtsp-server-1.0 and the GStreamer base/good/bad plugins.

How it works: each file is demuxed once into memory (access units with their timestamps). For
each mount, a shared media (one pipeline for every client: the decoder and a recorder see the
same stream) runs `appsrc ! h264parse ! rtph264pay`; a feeder thread pushes the access units at
real-time pace, shifting timestamps by one clip length per loop. Nothing is re-encoded. The clip
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
    """Pushes a clip's access units into one media's appsrc, at real-time pace, forever."""

    def __init__(self, appsrc, clip, mount):
        super().__init__(name=f"feeder{mount}", daemon=True)
        self.appsrc = appsrc
        self.clip = clip
        self.mount = mount
        self.stopping = threading.Event()

    def stop(self):
        self.stopping.set()

    def run(self):
        start_running_ns = self._wait_for_running_time()
        if start_running_ns is None:
            return
        start_wall_ns = time.monotonic_ns()
        loop = 0
        while not self.stopping.is_set():
            offset = loop * self.clip.length_ns
            for unit in self.clip.units:
                due_wall_ns = start_wall_ns + offset + unit.dts - PUSH_AHEAD_NS
                delay_s = (due_wall_ns - time.monotonic_ns()) / 1e9
                if delay_s > 0 and self.stopping.wait(delay_s):
                    return
                buf = Gst.Buffer.new_wrapped(unit.data)
                buf.pts = start_running_ns + offset + unit.pts
                buf.dts = start_running_ns + offset + unit.dts
                buf.duration = self.clip.frame_ns
                if not unit.keyframe:
                    buf.set_flags(Gst.BufferFlags.DELTA_UNIT)
                if self.appsrc.emit("push-buffer", buf) != Gst.FlowReturn.OK:
                    return  # the media was shut down
            loop += 1

    def _wait_for_running_time(self):
        """Live buffers carry pipeline running time; it exists once the pipeline has a clock."""
        while not self.stopping.is_set():
            clock = self.appsrc.get_clock()
            if clock is not None:
                return max(0, clock.get_time() - self.appsrc.get_base_time()) + PUSH_AHEAD_NS
            self.stopping.wait(0.005)
        return None


class LoopingClipFactory(GstRtspServer.RTSPMediaFactory):
    """One shared media per mount; each new media (after all clients left) gets a new feeder."""

    def __init__(self, clip, mount):
        super().__init__()
        self.clip = clip
        self.mount = mount
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
        feeder = LoopingFeeder(appsrc, self.clip, self.mount)
        media.connect("unprepared", lambda _media: feeder.stop())
        feeder.start()


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
    for mount, path in args.camera:
        factory = LoopingClipFactory(load_clip(path), mount)
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

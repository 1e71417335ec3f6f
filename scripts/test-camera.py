#!/usr/bin/python3
"""One RTSP test camera: a GStreamer RTSP server on its own port, mount /live, 640x360 25 fps moving pattern (H.264).

Run with the system python (/usr/bin/python3), which has gi + GstRtspServer:
  /usr/bin/python3 scripts/test-camera.py --port 8554 --name "Camera 1"
Prints "ready" once listening; exits cleanly on SIGTERM / SIGINT.
Needs: python3-gi gir1.2-gst-rtsp-server-1.0 gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-ugly
"""
import argparse
import signal
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402

# Varied, moving patterns so that every camera looks different and the encoder always has motion to code.
PATTERNS = [
    "pattern=ball motion=wavy",
    "pattern=smpte horizontal-speed=4",
    "pattern=ball motion=sweep",
    "pattern=smpte75 horizontal-speed=-3",
    "pattern=bar horizontal-speed=3",
    "pattern=circular horizontal-speed=2",
    "pattern=spokes horizontal-speed=2",
    "pattern=zone-plate kx2=20 ky2=20 kt=1",
]


def quote(text):
    return '"' + text.replace("\\", "").replace('"', "") + '"'


def build_launch(name, variant):
    pattern = PATTERNS[variant % len(PATTERNS)]
    overlay = ""
    if Gst.ElementFactory.find("timeoverlay") is not None:
        overlay += " ! timeoverlay valignment=bottom halignment=right font-desc=\"Sans 14\""
    if Gst.ElementFactory.find("textoverlay") is not None:
        overlay += f" ! textoverlay text={quote(name)} valignment=top halignment=left font-desc=\"Sans 16\""
    return (
        f"( videotestsrc is-live=true {pattern} ! video/x-raw,width=640,height=360,framerate=25/1"
        f"{overlay} ! videoconvert"
        " ! x264enc tune=zerolatency speed-preset=ultrafast key-int-max=25 bitrate=1500"
        " ! rtph264pay name=pay0 pt=96 config-interval=1 )"
    )


def die_with_parent():
    """Linux: SIGTERM when the process that started us dies, so no orphan keeps the port."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except Exception:  # noqa: BLE001 -- not Linux: the parent stops us itself
        pass


def main():
    die_with_parent()
    parser = argparse.ArgumentParser(description="RTSP test camera (GStreamer)")
    parser.add_argument("--port", type=int, default=8554)
    parser.add_argument("--name", default="Test camera")
    parser.add_argument("--variant", type=int, default=None, help="pattern index (default: port)")
    args = parser.parse_args()

    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(str(args.port))
    factory = GstRtspServer.RTSPMediaFactory()
    factory.set_launch(build_launch(args.name, args.variant if args.variant is not None else args.port))
    factory.set_shared(True)
    # A live camera cannot seek. Without this, every new client's PLAY (ffmpeg always sends a Range) seeks the shared
    # pipeline back to 0 and the clients already watching stop getting usable timestamps (ffmpeg then outputs
    # nothing until they catch up). This clock mode makes the media non-seekable (see gst-rtsp-server check_seekable).
    factory.set_publish_clock_mode(GstRtspServer.RTSPPublishClockMode.CLOCK_AND_OFFSET)
    server.get_mount_points().add_factory("/live", factory)
    if server.attach(None) == 0:
        print(f"cannot listen on 127.0.0.1:{args.port}", file=sys.stderr, flush=True)
        sys.exit(2)

    loop = GLib.MainLoop()

    def stop(*_):
        loop.quit()
        return False

    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGTERM, stop)
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGINT, stop)
    print("ready", flush=True)
    loop.run()
    sys.exit(0)


if __name__ == "__main__":
    main()

"""Loads the three permissively licensed plate-detection sets into one list of samples.

Every sample is (image path, plate boxes in pixels of that image, set name, split group). Boxes are
float32 arrays of shape [N, 4] holding (x1, y1, x2, y2) with x2 > x1 and y2 > y1, clamped to the
image. The sets and their quirks are described in ../shared/datasets/plate-detection/README.md; the
images are read from there at run time and never copied into the repository.

Formats and quirks handled here:
- romania-dashcam-robertlucian: VoTT Pascal VOC XML with float coordinates; the ".jpg" files are
  RGBA PNGs (decoded by content, alpha dropped, see load_image); file names contain '#' and '='.
  Its upstream train/valid split leaks between neighbouring frames, so it is ignored: frames are
  grouped by video and 120 s time block and the group decides the split.
- openimages-license-plates-roboflow: YOLO txt, normalised cx cy w h, class 0 = licence plate,
  class 1 = vehicle (dropped). Files have no trailing newline. The images were stretched to
  416x416 by Roboflow, so SET_ASPECT_HINT tells the augmenter to squash them back to a typical
  landscape photo aspect before training (see train.py).
- openimages-google-licence-plates: Pascal VOC XML with integer coordinates written in the order
  xmin, xmax, ymin, ymax (parsed by tag name); a couple of boxes end 1 px outside the image
  (clamped); images keep their original size.
Images without plates are kept (as negatives); none of the three sets has one today, but the loader
does not assume it.

The train/validation split is by split group (one Open Images ID, or one video time block), decided
by a salted MD5 of the group key: fixed for a given --split-seed, independent of file order, and
stable when images are added. Run this file to print the counts:

    /usr/bin/python3 training/plate-detector/dataset.py
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import os
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
# training/plate-detector -> repository root -> ../shared/datasets/plate-detection
DEFAULT_ROOT = os.path.normpath(
    os.path.join(HERE, "..", "..", "..", "shared", "datasets", "plate-detection"))

ROMANIA = "romania-dashcam-robertlucian"
ROBOFLOW = "openimages-license-plates-roboflow"
GOOGLE = "openimages-google-licence-plates"
SETS = (ROMANIA, ROBOFLOW, GOOGLE)

# Height/width factor to apply before augmentation, per set. Roboflow stretched set 2 to 416x416;
# most Open Images photos are 4:3 or 3:2 landscape (1024x768, 1024x683), so squash them to ~0.72.
# The augmenter still applies +-20 % aspect jitter on top, which covers the portrait minority.
SET_ASPECT_HINT = {ROMANIA: 1.0, ROBOFLOW: 0.72, GOOGLE: 1.0}

ROMANIA_BLOCK_S = 120  # frames of one video within the same 120 s go to the same split


@dataclass
class Sample:
    path: str
    boxes: np.ndarray          # [N, 4] float32, x1 y1 x2 y2, image pixels
    set_name: str
    group: str                 # split group key
    size: tuple = field(default=(0, 0))  # (width, height) as annotated


def natural_aspect(image: np.ndarray, boxes: np.ndarray, set_name: str):
    """The image and its boxes with the set's aspect distortion undone (SET_ASPECT_HINT: the Roboflow
    export was stretched to 416x416, so its plates look taller and narrower than they are), for
    uses that see the photo as a camera would, such as the recogniser's real plate crops."""
    import cv2
    factor = SET_ASPECT_HINT.get(set_name, 1.0)
    if factor == 1.0:
        return image, boxes
    height, width = image.shape[:2]
    squashed = cv2.resize(image, (width, max(1, round(height * factor))), interpolation=cv2.INTER_AREA)
    scaled = np.asarray(boxes, dtype=np.float32).reshape(-1, 4) * np.array([1, factor, 1, factor], np.float32)
    return squashed, scaled


def load_image(path: str) -> np.ndarray:
    """Decodes by content (the Romanian '.jpg' files are PNG), returns BGR uint8 HxWx3.

    cv2.IMREAD_COLOR drops the alpha channel. np.fromfile + imdecode copes with any file name.
    """
    import cv2
    data = np.fromfile(path, dtype=np.uint8)
    img = cv2.imdecode(data, cv2.IMREAD_COLOR)
    if img is None:
        raise IOError(f"cannot decode image {path!r}")
    return img


def _clamp_boxes(boxes, width, height):
    b = np.asarray(boxes, dtype=np.float32).reshape(-1, 4)
    b[:, [0, 2]] = np.clip(b[:, [0, 2]], 0, width)
    b[:, [1, 3]] = np.clip(b[:, [1, 3]], 0, height)
    keep = (b[:, 2] - b[:, 0] >= 1) & (b[:, 3] - b[:, 1] >= 1)
    return b[keep]


def _parse_voc(xml_path, plate_names):
    """Reads width, height and the plate boxes of one Pascal VOC file, by tag name (set 3 writes
    xmin, xmax, ymin, ymax in that order; set 1 writes floats)."""
    root = ET.parse(xml_path).getroot()
    size = root.find("size")
    width = int(float(size.findtext("width")))
    height = int(float(size.findtext("height")))
    boxes = []
    for obj in root.iter("object"):
        if obj.findtext("name", "").strip() not in plate_names:
            continue
        bb = obj.find("bndbox")
        boxes.append([float(bb.findtext(t)) for t in ("xmin", "ymin", "xmax", "ymax")])
    return width, height, _clamp_boxes(boxes, width, height)


def load_romania(root):
    out = []
    base = os.path.join(root, ROMANIA, "dataset")
    for xml_path in sorted(glob.glob(os.path.join(base, "*", "annots", "*.xml"))):
        split_dir = os.path.dirname(os.path.dirname(xml_path))
        name = os.path.splitext(os.path.basename(xml_path))[0]
        img_path = os.path.join(split_dir, "images", name + ".jpg")
        if not os.path.exists(img_path):
            continue
        w, h, boxes = _parse_voc(xml_path, {"license-plate"})
        m = re.match(r"(.+\.mp4)#t=(\d+)", name)
        group = f"{m.group(1)}@{int(m.group(2)) // ROMANIA_BLOCK_S}" if m else name
        out.append(Sample(img_path, boxes, ROMANIA, group, (w, h)))
    return out


def load_roboflow(root):
    out = []
    base = os.path.join(root, ROBOFLOW)
    for img_path in sorted(glob.glob(os.path.join(base, "*", "images", "*.jpg"))):
        split_dir = os.path.dirname(os.path.dirname(img_path))
        name = os.path.splitext(os.path.basename(img_path))[0]
        label_path = os.path.join(split_dir, "labels", name + ".txt")
        w = h = 416  # every image of this export is 416x416 (stretched)
        boxes = []
        if os.path.exists(label_path):
            with open(label_path) as f:
                for line in f.read().splitlines():   # no trailing newline in these files
                    parts = line.split()
                    if len(parts) != 5 or parts[0] != "0":   # 0 = licence plate, 1 = vehicle
                        continue
                    cx, cy, bw, bh = (float(p) for p in parts[1:])
                    boxes.append([(cx - bw / 2) * w, (cy - bh / 2) * h,
                                  (cx + bw / 2) * w, (cy + bh / 2) * h])
        out.append(Sample(img_path, _clamp_boxes(boxes, w, h), ROBOFLOW, name[:16], (w, h)))
    return out


def load_google(root):
    out = []
    base = os.path.join(root, GOOGLE)
    for split in ("train", "valid"):
        for xml_path in sorted(glob.glob(os.path.join(base, split + "labels", "*.xml"))):
            name = os.path.splitext(os.path.basename(xml_path))[0]
            img_path = os.path.join(base, split, name + ".jpg")
            if not os.path.exists(img_path):
                continue
            w, h, boxes = _parse_voc(xml_path, {"0"})
            out.append(Sample(img_path, boxes, GOOGLE, name[:16], (w, h)))
    return out


def load_all(root=DEFAULT_ROOT):
    if not os.path.isdir(root):
        raise FileNotFoundError(f"dataset folder not found: {root}")
    return load_romania(root) + load_roboflow(root) + load_google(root)


def is_validation(sample: Sample, seed: int = 0, val_percent: int = 15) -> bool:
    key = f"{seed}:{sample.set_name}:{sample.group}".encode()
    return int(hashlib.md5(key).hexdigest()[:8], 16) % 100 < val_percent


def split(samples, seed=0, val_percent=15):
    train, val = [], []
    for s in samples:
        (val if is_validation(s, seed, val_percent) else train).append(s)
    return train, val


def describe(train, val):
    lines = [f"{'set':38s} {'train img':>9s} {'plates':>7s} {'val img':>8s} {'plates':>7s} {'no-plate img':>12s}"]
    for name in SETS:
        t = [s for s in train if s.set_name == name]
        v = [s for s in val if s.set_name == name]
        empty = sum(1 for s in t + v if len(s.boxes) == 0)
        lines.append(f"{name:38s} {len(t):9d} {sum(len(s.boxes) for s in t):7d} "
                     f"{len(v):8d} {sum(len(s.boxes) for s in v):7d} {empty:12d}")
    lines.append(f"{'total':38s} {len(train):9d} {sum(len(s.boxes) for s in train):7d} "
                 f"{len(val):8d} {sum(len(s.boxes) for s in val):7d}")
    return "\n".join(lines)


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=DEFAULT_ROOT)
    ap.add_argument("--split-seed", type=int, default=0)
    ap.add_argument("--val-percent", type=int, default=15)
    ap.add_argument("--check-images", action="store_true",
                    help="decode every image and compare its size with the annotation")
    a = ap.parse_args()
    samples = load_all(a.data)
    tr, va = split(samples, a.split_seed, a.val_percent)
    print(describe(tr, va))
    if a.check_images:
        bad = 0
        for s in samples:
            img = load_image(s.path)
            if (img.shape[1], img.shape[0]) != tuple(s.size):
                bad += 1
                print(f"size mismatch: {s.path} annotated {s.size} actual {img.shape[1]}x{img.shape[0]}")
        print(f"checked {len(samples)} images, {bad} size mismatches")

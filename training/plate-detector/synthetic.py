"""Synthetic road scenes with licence plates and exact plate boxes, deterministic by seed.

The real sets hold ~950 photos, few of them from a traffic camera. Synthetic scenes add cheap
variety exactly where the product needs it: US-style plates (white/coloured plates, a state name
above and a slogan below the characters, all INSIDE the plate box, as the box we want is the whole
plate and not only its characters), EU-style plates with a blue band, small and blurred plates,
night and infrared-like frames, and, just as important, loose text that is NOT a plate (state
names, slogans, shop signs, banners written on the scene) so the detector learns the very thing the
generic text detector gets wrong.

    render(seed, width=960, height=544) -> (BGR uint8 image HxWx3, boxes float32 [N, 4] x1 y1 x2 y2)

The same seed always gives the same image (numpy Generator seeded with the seed; PIL draws only
what the generator decides). About 8 % of scenes contain no plate (negatives).
Preview a few:

    /usr/bin/python3 training/plate-detector/synthetic.py --out /tmp/synth --count 12
"""

from __future__ import annotations

import argparse
import os
import string
from functools import lru_cache

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
PLATE_FONTS = ["DejaVuSans-Bold.ttf", "DejaVuSansCondensed-Bold.ttf", "DejaVuSansMono-Bold.ttf",
               "DejaVuSans.ttf", "DejaVuSansCondensed.ttf", "DejaVuSerif-Bold.ttf",
               "DejaVuSerifCondensed-Bold.ttf", "DejaVuSansMono.ttf"]
SMALL_FONTS = ["DejaVuSerif-Italic.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSerif.ttf",
               "DejaVuSans.ttf", "DejaVuSansCondensed-BoldOblique.ttf", "DejaVuSerif-BoldItalic.ttf"]

STATES = ["CALIFORNIA", "Texas", "NEW YORK", "Florida", "ILLINOIS", "Ohio", "Georgia", "ARIZONA",
          "Nevada", "OREGON", "Washington", "COLORADO", "Michigan", "VIRGINIA", "New Jersey",
          "MASSACHUSETTS", "Utah", "Idaho", "MONTANA", "Maine", "Vermont", "IOWA", "Kansas"]
SLOGANS = ["Sunshine State", "THE EMPIRE STATE", "Land of Lincoln", "Grand Canyon State",
           "Live Free or Die", "Peach State", "dmv.ca.gov", "Garden State", "Famous Potatoes",
           "BIG SKY COUNTRY", "Vacationland", "Green Mountains", "Life Elevated", "Lone Star State"]
SIGN_WORDS = ["STOP", "ONE WAY", "PARKING", "EXIT 23", "SPEED LIMIT 45", "OPEN", "PIZZA", "HOTEL",
              "NO TURN ON RED", "BUS ONLY", "AUTO REPAIR", "SALE 50%", "CAFE", "PHARMACY",
              "Main St", "5th Ave", "DRIVE THRU", "TOYOTA", "FORD", "www.example.com", "TAXI",
              "SCHOOL ZONE", "YIELD", "LOADING ZONE", "GAS 3.49", "MOTEL", "ICE COLD BEER"]
CHARS = string.ascii_uppercase + string.digits


@lru_cache(maxsize=256)
def _font(name, size):
    return ImageFont.truetype(os.path.join(FONT_DIR, name), int(size))


def _text_size(draw, text, font):
    x0, y0, x1, y1 = draw.textbbox((0, 0), text, font=font)
    return x1 - x0, y1 - y0, x0, y0


def _rand_color(rng, lo=0, hi=255):
    return tuple(int(c) for c in rng.integers(lo, hi + 1, 3))


def _plate_text(rng):
    n = int(rng.integers(5, 8))
    s = "".join(rng.choice(list(CHARS), n))
    if rng.random() < 0.35:                       # separator like "7ABC 123" or "AB-123"
        k = int(rng.integers(1, n))
        s = s[:k] + rng.choice([" ", "-", " "]) + s[k:]
    return s


def _fit_font(draw, text, name, max_w, max_h):
    size = max(6, int(max_h * 1.3))
    while size > 6:
        f = _font(name, size)
        w, h, _, _ = _text_size(draw, text, f)
        if w <= max_w and h <= max_h:
            return f
        size = int(size * 0.9)
    return _font(name, 6)


def render_plate(rng):
    """Draws one plate, front-on, as an RGB PIL image. The whole image is the plate box."""
    style = rng.random()
    if style < 0.62:     # US style, 2:1 (12 x 6 in)
        W, H = 240, 120
    elif style < 0.85:   # EU style, 520 x 110 mm
        W, H = 360, 78
    else:                # square-ish (motorcycle/some countries) or 1.5:1
        W, H = (180, 120) if rng.random() < 0.5 else (150, 120)
    eu = style >= 0.62 and style < 0.85 and rng.random() < 0.7
    bgk = rng.random()
    if bgk < 0.55:
        bg = tuple(int(v) for v in rng.integers(215, 256, 3))                # white-ish
    elif bgk < 0.72:
        bg = (int(rng.integers(220, 256)), int(rng.integers(190, 235)), int(rng.integers(0, 80)))  # yellow
    else:
        bg = _rand_color(rng, 60, 255)                                         # any colour
    fg_dark = sum(bg) > 330
    fg = _rand_color(rng, 0, 70) if fg_dark else _rand_color(rng, 200, 255)
    img = Image.new("RGB", (W, H), bg)
    d = ImageDraw.Draw(img)
    if rng.random() < 0.4:   # gradient / picture background of some US plates
        top = np.array(bg, np.float32)
        other = np.array(_rand_color(rng, 120, 255), np.float32)
        t = np.linspace(0, 1, H, dtype=np.float32)[:, None, None]
        arr = (top * (1 - t) + other * t * 0.5 + top * t * 0.5).astype(np.uint8)
        img = Image.fromarray(np.broadcast_to(arr, (H, W, 3)).copy())
        d = ImageDraw.Draw(img)
    x0 = 6
    if eu:
        band = int(W * 0.08)
        d.rectangle([0, 0, band, H], fill=(0, 51, 153))
        d.text((band // 2 - 5, H - 26), rng.choice(list("DFIRONLBP")), font=_font("DejaVuSans-Bold.ttf", 16),
               fill=(255, 255, 255))
        x0 = band + 6
    main_top, main_bot = int(H * 0.12), int(H * 0.88)
    if not eu and H >= 100 and rng.random() < 0.75:       # state name on top
        state = str(rng.choice(STATES))
        f = _fit_font(d, state, str(rng.choice(SMALL_FONTS)), W * 0.8, H * 0.17)
        w, h, ox, oy = _text_size(d, state, f)
        d.text(((W - w) / 2 - ox, H * 0.04 - oy), state, font=f, fill=_rand_color(rng, 0, 160))
        main_top = int(H * 0.25)
    if not eu and H >= 100 and rng.random() < 0.6:        # slogan at the bottom
        slog = str(rng.choice(SLOGANS))
        f = _fit_font(d, slog, str(rng.choice(SMALL_FONTS)), W * 0.75, H * 0.13)
        w, h, ox, oy = _text_size(d, slog, f)
        d.text(((W - w) / 2 - ox, H * 0.84 - oy), slog, font=f, fill=_rand_color(rng, 0, 160))
        main_bot = int(H * 0.80)
    text = _plate_text(rng)
    f = _fit_font(d, text, str(rng.choice(PLATE_FONTS)), (W - x0 - 6) * 0.95, (main_bot - main_top) * 0.95)
    w, h, ox, oy = _text_size(d, text, f)
    d.text((x0 + (W - x0 - 6 - w) / 2 - ox, main_top + (main_bot - main_top - h) / 2 - oy), text,
           font=f, fill=fg)
    if rng.random() < 0.8:
        d.rectangle([0, 0, W - 1, H - 1], outline=_rand_color(rng, 0, 90), width=int(rng.integers(1, 5)))
    if rng.random() < 0.4:   # screw holes / frame
        for cx in (W * 0.2, W * 0.8):
            d.ellipse([cx - 3, 4, cx + 3, 10], fill=(90, 90, 90))
    return np.asarray(img)[:, :, ::-1].copy()   # BGR


def _background(rng, width, height):
    kind = rng.random()
    if kind < 0.45:   # sky / buildings / road gradient
        top, bottom = np.array(_rand_color(rng, 60, 230), np.float32), np.array(_rand_color(rng, 20, 140), np.float32)
        t = np.linspace(0, 1, height, dtype=np.float32)[:, None, None]
        img = top * (1 - t) + bottom * t
        img = np.broadcast_to(img, (height, width, 3)).copy()
    else:            # multi-scale value noise (foliage, walls, clutter)
        img = np.zeros((height, width, 3), np.float32)
        for s, amp in ((4, 1.0), (16, 0.5), (64, 0.25)):
            small = rng.random((max(2, s * height // width), s, 3)).astype(np.float32)
            img += cv2.resize(small, (width, height), interpolation=cv2.INTER_CUBIC) * amp
        img = img / 1.75 * float(rng.uniform(120, 255))
    img = np.clip(img, 0, 255).astype(np.uint8)
    # clutter: boxes (buildings, windows), lines (lanes, poles), ellipses (wheels, lights)
    for _ in range(int(rng.integers(5, 30))):
        c = _rand_color(rng)
        x, y = int(rng.integers(0, width)), int(rng.integers(0, height))
        k = rng.random()
        if k < 0.45:
            cv2.rectangle(img, (x, y), (x + int(rng.integers(10, width // 3)), y + int(rng.integers(10, height // 3))),
                          c, -1 if rng.random() < 0.7 else int(rng.integers(1, 4)))
        elif k < 0.75:
            cv2.line(img, (x, y), (int(rng.integers(0, width)), int(rng.integers(0, height))), c, int(rng.integers(1, 8)))
        else:
            cv2.ellipse(img, (x, y), (int(rng.integers(4, 60)), int(rng.integers(4, 60))), 0, 0, 360, c, -1)
    return img


def _draw_car(img, rng, cx, cy, car_w):
    """A crude vehicle body behind the plate; returns nothing, paints in place."""
    h, w = img.shape[:2]
    car_h = int(car_w * rng.uniform(0.55, 0.9))
    x1, y1 = int(cx - car_w / 2), int(cy - car_h * rng.uniform(0.6, 0.8))
    body = _rand_color(rng)
    cv2.rectangle(img, (x1, y1), (x1 + car_w, y1 + car_h), body, -1)
    cv2.rectangle(img, (x1 + car_w // 8, y1 - car_h // 3), (x1 + car_w * 7 // 8, y1 + car_h // 6),
                  _rand_color(rng, 0, 90), -1)                                         # window
    for lx in (x1 + car_w // 10, x1 + car_w * 9 // 10):                               # lights
        cv2.ellipse(img, (lx, y1 + car_h // 3), (max(2, car_w // 14), max(2, car_h // 12)), 0, 0, 360,
                    (0, 0, int(rng.integers(120, 256))) if rng.random() < 0.6 else (230, 230, 230), -1)
    cv2.rectangle(img, (x1, y1 + car_h * 4 // 5), (x1 + car_w, y1 + car_h), _rand_color(rng, 0, 80), -1)  # bumper


def _distractor_text(img, rng):
    """Text that is not a plate: on the scene, on wide banners or square signs, or on a car body."""
    h, w = img.shape[:2]
    pil = Image.fromarray(img[:, :, ::-1])
    d = ImageDraw.Draw(pil)
    for _ in range(int(rng.integers(1, 6))):
        word = str(rng.choice(SIGN_WORDS + STATES + SLOGANS))
        f = _font(str(rng.choice(PLATE_FONTS + SMALL_FONTS)), int(rng.integers(10, 60)))
        tw, th, ox, oy = _text_size(d, word, f)
        x, y = int(rng.integers(0, max(1, w - tw))), int(rng.integers(0, max(1, h - th)))
        if rng.random() < 0.4:   # on a sign whose shape is not plate-like (banner or tall)
            pad = int(th * rng.uniform(0.2, 0.6))
            if len(word) >= 9 and rng.random() < 0.5:   # wide banner: aspect well above a plate's
                d.rectangle([x - pad * 3, y - pad, x + tw + pad * 3, y + th + pad], fill=_rand_color(rng))
            else:
                d.rectangle([x - pad, y - th * 2, x + tw + pad, y + th * 3], fill=_rand_color(rng))
        d.text((x - ox, y - oy), word, font=f, fill=_rand_color(rng))
    img[:] = np.asarray(pil)[:, :, ::-1]


def _paste_plate(img, plate, rng, cx, cy, pw, max_tilt_deg=8.0, persp=0.08):
    """Warps the plate into img around (cx, cy) with width pw; returns its axis-aligned box."""
    ph, pw0 = plate.shape[:2]
    scale = pw / pw0
    w, h = pw, ph * scale * rng.uniform(0.85, 1.15)
    ang = np.deg2rad(rng.uniform(-max_tilt_deg, max_tilt_deg))
    corners = np.array([[-w / 2, -h / 2], [w / 2, -h / 2], [w / 2, h / 2], [-w / 2, h / 2]], np.float32)
    # perspective: jitter corners by up to persp of the size, plus a horizontal "yaw" squeeze
    corners += rng.uniform(-persp, persp, (4, 2)).astype(np.float32) * np.array([w, h], np.float32)
    yaw = rng.uniform(-0.25, 0.25)
    corners[[0, 3], 1] *= 1 + yaw
    corners[[1, 2], 1] *= 1 - yaw
    rot = np.array([[np.cos(ang), -np.sin(ang)], [np.sin(ang), np.cos(ang)]], np.float32)
    dst = corners @ rot.T + np.array([cx, cy], np.float32)
    src = np.array([[0, 0], [pw0, 0], [pw0, ph], [0, ph]], np.float32)
    M = cv2.getPerspectiveTransform(src, dst)
    H, W = img.shape[:2]
    # pre-blur big plate images when shrinking a lot, to avoid aliasing
    if scale < 0.5:
        k = int(1 / scale) | 1
        plate = cv2.GaussianBlur(plate, (k, k), 0)
    warped = cv2.warpPerspective(plate, M, (W, H), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT)
    mask = cv2.warpPerspective(np.full((ph, pw0), 255, np.uint8), M, (W, H), flags=cv2.INTER_LINEAR)
    m = (mask.astype(np.float32) / 255)[:, :, None]
    img[:] = (img * (1 - m) + warped * m).astype(np.uint8)
    x1, y1 = dst.min(0)
    x2, y2 = dst.max(0)
    return np.array([max(0, x1), max(0, y1), min(W, x2), min(H, y2)], np.float32)


def _iou(a, b):
    ix = max(0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter + 1e-6)


def _look(img, rng):
    """Global photometric look: day, dusk, night with glare, infrared-like, blur, noise, JPEG."""
    f = img.astype(np.float32)
    look = rng.random()
    if look < 0.2:                               # night: dark, warm or cold cast, glare blobs
        f *= rng.uniform(0.15, 0.45)
        f *= np.array(rng.uniform(0.7, 1.3, 3), np.float32)
        for _ in range(int(rng.integers(0, 4))):
            glare = np.zeros(f.shape[:2], np.float32)
            cv2.circle(glare, (int(rng.integers(0, f.shape[1])), int(rng.integers(0, f.shape[0]))),
                       int(rng.integers(10, 80)), 1.0, -1)
            glare = cv2.GaussianBlur(glare, (0, 0), 25)
            f += glare[:, :, None] * rng.uniform(100, 255)
    elif look < 0.32:                            # infrared-like: grey, plates/retroreflectors bright
        g = cv2.cvtColor(np.clip(f, 0, 255).astype(np.uint8), cv2.COLOR_BGR2GRAY).astype(np.float32)
        g = (g - g.mean()) * rng.uniform(1.0, 1.8) + rng.uniform(60, 130)
        f = np.repeat(g[:, :, None], 3, axis=2)
    elif look < 0.42:                            # magenta / colour cast (like the Romanian dashcam)
        f *= np.array(rng.uniform(0.75, 1.25, 3), np.float32)
    f = f * rng.uniform(0.7, 1.3) + rng.uniform(-30, 30)     # contrast / brightness
    img = np.clip(f, 0, 255).astype(np.uint8)
    r = rng.random()
    if r < 0.3:
        s = rng.uniform(0.5, 1.8)
        img = cv2.GaussianBlur(img, (0, 0), s)
    elif r < 0.45:                               # horizontal motion blur
        k = int(rng.integers(3, 9))
        kern = np.zeros((k, k), np.float32)
        kern[k // 2, :] = 1.0 / k
        img = cv2.filter2D(img, -1, kern)
    if rng.random() < 0.5:
        noise = rng.normal(0, rng.uniform(2, 14), img.shape).astype(np.float32)
        img = np.clip(img.astype(np.float32) + noise, 0, 255).astype(np.uint8)
    if rng.random() < 0.4:
        ok, enc = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, int(rng.integers(25, 90))])
        img = cv2.imdecode(enc, cv2.IMREAD_COLOR)
    return img


def render(seed: int, width: int = 960, height: int = 544):
    rng = np.random.default_rng(seed)
    img = _background(rng, width, height)
    if rng.random() < 0.7:
        _distractor_text(img, rng)
    boxes = []
    n = 0 if rng.random() < 0.08 else int(rng.integers(1, 5))
    # plate widths: log-uniform 20..300 px in a 960-wide frame, i.e. ~13..200 px at 640 input
    for _ in range(n):
        for _try in range(10):
            pw = float(np.exp(rng.uniform(np.log(20), np.log(300))))
            cx = rng.uniform(pw * 0.6, width - pw * 0.6)
            cy = rng.uniform(height * 0.25, height - pw * 0.4)
            cand = np.array([cx - pw / 2, cy - pw / 2, cx + pw / 2, cy + pw / 2])
            if all(_iou(cand, b) < 0.01 for b in boxes):
                break
        else:
            continue
        if rng.random() < 0.75:
            _draw_car(img, rng, int(cx), int(cy), int(pw * rng.uniform(3.0, 5.0)))
        box = _paste_plate(img, render_plate(rng), rng, cx, cy, pw)
        if box[2] - box[0] >= 4 and box[3] - box[1] >= 3:
            boxes.append(box)
    if rng.random() < 0.3:      # text over cars too (bumper stickers, dealer names)
        _distractor_text(img, rng)
        # a distractor may have covered a plate partly; that's realistic occlusion, keep the box
    img = _look(img, rng)
    return img, np.array(boxes, np.float32).reshape(-1, 4)


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True, help="folder for preview JPEGs (outside the repository)")
    ap.add_argument("--count", type=int, default=12)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--boxes", action="store_true", help="draw the boxes on the previews")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    import time
    t0 = time.time()
    for i in range(a.count):
        im, bx = render(a.seed + i)
        if a.boxes:
            for b in bx:
                cv2.rectangle(im, (int(b[0]), int(b[1])), (int(b[2]), int(b[3])), (0, 255, 0), 1)
        cv2.imwrite(os.path.join(a.out, f"synth_{a.seed + i:06d}.jpg"), im)
    print(f"{a.count} scenes in {time.time() - t0:.2f} s -> {a.out}")

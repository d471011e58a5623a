"""Renders synthetic US-style licence plates and cuts their character band the way EdgeIngest's
refiner does, for training the plate recogniser.

Each sample is (BGR uint8 crop, text). The plate gets a background (white, tinted, graded or
dark), characters in one of the machine's plate-like fonts (condensed sans, gothic, mono),
squeezed or stretched as plate fonts are, sometimes with a gap, dash or emblem between groups
(not part of the text), a state name above, a slogan below, bolts, stickers and a border. The
crop around the characters is as loose or tight as real bands are, then tilted, sheared, shrunk
to a distant plate's size, blurred, noised, JPEG-compressed and recoloured (dusk, glare, IR).
Fonts come from Debian's fonts-dejavu-core and fonts-urw-base35 packages.
"""
import os
import random

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
DIGITS = "0123456789"

FONT_FILES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerifCondensed-Bold.ttf",
    "/usr/share/fonts/opentype/urw-base35/NimbusSansNarrow-Bold.otf",
    "/usr/share/fonts/opentype/urw-base35/NimbusSansNarrow-Regular.otf",
    "/usr/share/fonts/opentype/urw-base35/NimbusSans-Bold.otf",
    "/usr/share/fonts/opentype/urw-base35/NimbusSans-Regular.otf",
    "/usr/share/fonts/opentype/urw-base35/NimbusMonoPS-Bold.otf",
    "/usr/share/fonts/opentype/urw-base35/URWGothic-Demi.otf",
    "/usr/share/fonts/opentype/urw-base35/URWGothic-Book.otf",
    "/usr/share/fonts/truetype/noto/NotoSansMono-Bold.ttf",
]
SMALL_FONT_FILES = [
    "/usr/share/fonts/opentype/urw-base35/C059-Bold.otf",
    "/usr/share/fonts/opentype/urw-base35/URWBookman-Demi.otf",
    "/usr/share/fonts/opentype/urw-base35/NimbusRoman-Bold.otf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/opentype/urw-base35/Z003-MediumItalic.otf",
]
STATES = ["CALIFORNIA", "TEXAS", "Washington", "NEW YORK", "Florida", "OREGON", "ARIZONA", "Nevada",
          "COLORADO", "Illinois", "OHIO", "Michigan", "GEORGIA", "VIRGINIA", "New Jersey", "UTAH",
          "IDAHO", "Montana", "Kansas", "MARYLAND", "Pennsylvania", "ALASKA", "Hawaii", "Maine"]
SLOGANS = ["dmv.ca.gov", "Evergreen State", "THE LONE STAR STATE", "Sunshine State", "Grand Canyon State",
           "EMPIRE STATE", "Land of Lincoln", "Pure Michigan", "PEACH STATE", "Garden State",
           "Famous Potatoes", "Big Sky Country", "visitPA.com", "Aloha State", "Vacationland"]
PATTERNS = ["LLLDDDD", "DLLLDDD", "LLDLDL", "LLLDDD", "DDDLLL", "LDDDDDD", "DLLDDDD", "LLDDDDD",
            "DDDDLL", "LLLLDDD", "DDLLLDD", "LDLDLD", "DDDDDDD", "LLDDLL"]

_font_cache = {}


def _font(path, size):
    key = (path, size)
    if key not in _font_cache:
        _font_cache[key] = ImageFont.truetype(path, size)
    return _font_cache[key]


def available_fonts(paths):
    return [p for p in paths if os.path.exists(p)]


def random_text(rng):
    roll = rng.random()
    if roll < 0.7:
        pattern = rng.choice(PATTERNS)
    elif roll < 0.9:
        pattern = "".join(rng.choice("LD") for _ in range(rng.randint(5, 8)))
    else:
        pattern = "L" * rng.randint(3, 7)  # vanity plates
    return "".join(rng.choice(LETTERS) if p == "L" else rng.choice(DIGITS) for p in pattern)


def _colours(rng):
    roll = rng.random()
    if roll < 0.7:
        base = rng.randint(200, 255)
        bg = tuple(min(255, base + rng.randint(-25, 10)) for _ in range(3))
        fg = rng.choice([(rng.randint(0, 50), rng.randint(0, 60), rng.randint(70, 170)),
                         (rng.randint(0, 50),) * 3,
                         (rng.randint(110, 180), rng.randint(0, 40), rng.randint(0, 40)),
                         (rng.randint(0, 40), rng.randint(60, 110), rng.randint(0, 50))])
    elif roll < 0.85:
        bg = rng.choice([(240, 210, 60), (190, 215, 240), (200, 235, 200), (245, 220, 225), (235, 235, 205)])
        bg = tuple(max(0, min(255, c + rng.randint(-20, 20))) for c in bg)
        fg = (rng.randint(0, 60), rng.randint(0, 60), rng.randint(0, 90))
    else:
        bg = rng.choice([(20, 20, 25), (20, 40, 120), (20, 90, 40), (110, 20, 20)])
        fg = rng.choice([(240, 240, 240), (250, 210, 40)])
    return bg, fg


def _background(rng, size, bg):
    w, h = size
    image = Image.new("RGB", size, bg)
    if rng.random() < 0.35:
        # A graphic: a smooth colour wash across the plate, as many state designs have.
        across = rng.random() < 0.5
        ramp = np.linspace(0, 1, w if across else h, dtype=np.float32)[:, None]
        other = np.array([rng.randint(120, 255) for _ in range(3)], np.float32)
        strength = rng.uniform(0.15, 0.5)
        line = np.array(bg, np.float32)[None, :] * (1 - strength * ramp) + other[None, :] * strength * ramp
        array = np.repeat(line[None, :, :], h, axis=0) if across else np.repeat(line[:, None, :], w, axis=1)
        image = Image.fromarray(np.clip(array, 0, 255).astype(np.uint8))
    return image


def render_plate(rng, fonts, small_fonts):
    """A plate image and the box (x0, y0, x1, y1) of its characters."""
    text = random_text(rng)
    w, h = 360, 180
    bg, fg = _colours(rng)
    plate = _background(rng, (w, h), bg)
    draw = ImageDraw.Draw(plate)

    # Characters: glyphs drawn one by one so spacing, squeeze and a group gap can vary.
    font_path = rng.choice(fonts)
    char_h = int(h * rng.uniform(0.42, 0.6))
    font = _font(font_path, char_h)
    squeeze = rng.uniform(0.55, 1.05)
    spacing = rng.uniform(0.02, 0.18) * char_h
    gap_at = rng.randint(2, len(text) - 2) if rng.random() < 0.35 and len(text) >= 5 else -1
    gap_kind = rng.choice(["space", "dash", "dot", "emblem"])
    glyphs = []
    for c in text:
        box = font.getbbox(c)
        gw, gh = box[2] - box[0], box[3] - box[1]
        glyph = Image.new("L", (gw + 4, gh + 4), 0)
        ImageDraw.Draw(glyph).text((2 - box[0], 2 - box[1]), c, font=font, fill=255)
        glyph = glyph.resize((max(1, int((gw + 4) * squeeze)), gh + 4), Image.BILINEAR)
        glyphs.append(glyph)
    gap = rng.uniform(0.35, 0.8) * char_h if gap_at > 0 else 0
    total = sum(g.width for g in glyphs) + spacing * (len(glyphs) - 1) + gap
    scale = min(1.0, (w * 0.92) / total)
    if scale < 1.0:
        glyphs = [g.resize((max(1, int(g.width * scale)), max(1, int(g.height * scale))), Image.BILINEAR) for g in glyphs]
        spacing *= scale
        gap *= scale
        total = sum(g.width for g in glyphs) + spacing * (len(glyphs) - 1) + gap
    glyph_h = max(g.height for g in glyphs)
    x = (w - total) / 2 + rng.uniform(-0.03, 0.03) * w
    y = h * rng.uniform(0.44, 0.56) - glyph_h / 2
    x0, y0 = x, y
    for i, g in enumerate(glyphs):
        if i == gap_at:
            gx = int(x + gap / 2)
            cy = int(y + glyph_h / 2)
            if gap_kind == "dash":
                draw.rectangle([gx - int(gap * 0.25), cy - 2, gx + int(gap * 0.25), cy + 2], fill=fg)
            elif gap_kind == "dot":
                draw.ellipse([gx - 3, cy - 3, gx + 3, cy + 3], fill=fg)
            elif gap_kind == "emblem":
                r = int(min(gap * 0.45, glyph_h * 0.35))
                colour = tuple(rng.randint(0, 255) for _ in range(3))
                draw.ellipse([gx - r, cy - r, gx + r, cy + r], outline=colour, width=max(1, r // 4))
            x += gap
        gx0, gy0 = int(x), int(y + (glyph_h - g.height))
        plate.paste(fg, (gx0, gy0, gx0 + g.width, gy0 + g.height), g)
        x += g.width + spacing
    x1, y1 = x - spacing, y + glyph_h

    # State name above, slogan below, in smaller type and often another colour.
    small = rng.choice(small_fonts)
    if rng.random() < 0.85:
        state = rng.choice(STATES)
        f = _font(small, int(h * rng.uniform(0.12, 0.2)))
        colour = fg if rng.random() < 0.5 else tuple(rng.randint(0, 200) for _ in range(3))
        sb = f.getbbox(state)
        draw.text(((w - (sb[2] - sb[0])) / 2, max(2, y0 - (sb[3] - sb[1]) - h * rng.uniform(0.03, 0.1))), state, font=f, fill=colour)
    if rng.random() < 0.7:
        slogan = rng.choice(SLOGANS)
        f = _font(small, int(h * rng.uniform(0.08, 0.13)))
        sb = f.getbbox(slogan)
        draw.text(((w - (sb[2] - sb[0])) / 2, min(h - (sb[3] - sb[1]) - 2, y1 + h * rng.uniform(0.03, 0.1))), slogan, font=f, fill=fg)
    if rng.random() < 0.5:
        for bx in (w * 0.2, w * 0.8):
            by = rng.uniform(0.08, 0.16) * h
            draw.ellipse([bx - 6, by - 6, bx + 6, by + 6], fill=(rng.randint(60, 160),) * 3)
    if rng.random() < 0.4:
        sx = rng.choice([6, w - 46])
        draw.rectangle([sx, 6, sx + 40, 30], fill=tuple(rng.randint(0, 255) for _ in range(3)))
    if rng.random() < 0.5:
        draw.rounded_rectangle([2, 2, w - 3, h - 3], radius=12, outline=fg, width=rng.randint(2, 5))
    return plate, text, (x0, y0, x1, y1)


def _warp(rng, image, box):
    """Tilts and shears the plate a little; returns the warped image and the box's new bounds."""
    w, h = image.size
    angle = np.deg2rad(rng.uniform(-5, 5))
    shear = rng.uniform(-0.2, 0.2)
    matrix = np.array([[np.cos(angle), -np.sin(angle) + shear, 0], [np.sin(angle), np.cos(angle), 0]], np.float32)
    centre = np.array([w / 2, h / 2], np.float32)
    matrix[:, 2] = centre - matrix[:, :2] @ centre
    out = cv2.warpAffine(np.asarray(image), matrix, (w, h), borderMode=cv2.BORDER_REPLICATE)
    x0, y0, x1, y1 = box
    corners = np.array([[x0, y0, 1], [x1, y0, 1], [x0, y1, 1], [x1, y1, 1]], np.float32) @ matrix.T
    return out, (corners[:, 0].min(), corners[:, 1].min(), corners[:, 0].max(), corners[:, 1].max())


def sample(rng, fonts, small_fonts):
    """One training crop (BGR uint8, height as rendered) and its text."""
    plate, text, box = render_plate(rng, fonts, small_fonts)
    array, (x0, y0, x1, y1) = _warp(rng, plate, box)
    ch = y1 - y0
    loose = rng.random() < 0.12
    top = rng.uniform(-0.06, 0.12 if not loose else 0.45) * ch
    bottom = rng.uniform(-0.06, 0.12 if not loose else 0.35) * ch
    left = rng.uniform(-0.03, 0.25 if not loose else 0.6) * ch
    right = rng.uniform(-0.03, 0.25 if not loose else 0.6) * ch
    h, w = array.shape[:2]
    cx0, cy0 = int(max(0, x0 - left)), int(max(0, y0 - top))
    cx1, cy1 = int(min(w, x1 + right)), int(min(h, y1 + bottom))
    return degrade(rng, cv2.cvtColor(array[cy0:cy1, cx0:cx1], cv2.COLOR_RGB2BGR)), text


def degrade(rng, crop, strength=1.0):
    """What distance, optics, light and compression do to a BGR crop; `strength` < 1 for crops
    that are real photographs already."""
    # A distant plate: the band is only 8-40 px tall in the frame.
    target_h = rng.choice([rng.uniform(9, 18), rng.uniform(14, 40)]) if rng.random() < strength else crop.shape[0]
    factor = target_h / crop.shape[0]
    if factor < 1:
        small = cv2.resize(crop, (max(4, int(crop.shape[1] * factor)), max(4, int(target_h))), interpolation=cv2.INTER_AREA)
    else:
        small = crop
    if rng.random() < 0.4 * strength:
        small = cv2.GaussianBlur(small, (3, 3), rng.uniform(0.3, 1.0))
    if rng.random() < 0.15 * strength:
        k = rng.choice([3, 5])
        kernel = np.zeros((k, k), np.float32)
        kernel[k // 2, :] = 1 / k
        small = cv2.filter2D(small, -1, kernel)
    small = small.astype(np.float32)
    # Light: exposure, contrast, a colour cast; sometimes night IR (grey, hard contrast).
    if rng.random() < 0.15 * strength:
        grey = small.mean(axis=2, keepdims=True)
        small = np.repeat(np.clip((grey - 128) * rng.uniform(1.2, 2.0) + 128 + rng.uniform(-20, 40), 0, 255), 3, axis=2)
    else:
        small = small * rng.uniform(0.5, 1.25) + rng.uniform(-40, 30)
        small = small * np.array([rng.uniform(0.8, 1.2) for _ in range(3)], np.float32)
    small += np.random.default_rng(rng.randint(0, 2**31)).normal(0, rng.uniform(0, 10), small.shape).astype(np.float32)
    small = np.clip(small, 0, 255).astype(np.uint8)
    if rng.random() < 0.6:
        ok, encoded = cv2.imencode(".jpg", small, [cv2.IMWRITE_JPEG_QUALITY, rng.randint(25, 90)])
        small = cv2.imdecode(encoded, cv2.IMREAD_COLOR)
    return small


if __name__ == "__main__":
    import sys
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/synth"
    os.makedirs(out, exist_ok=True)
    fonts, small_fonts = available_fonts(FONT_FILES), available_fonts(SMALL_FONT_FILES)
    for i in range(40):
        bgr, text = sample(rng, fonts, small_fonts)
        scale = 48 / bgr.shape[0]
        cv2.imwrite(f"{out}/{i:02d}_{text}.png", cv2.resize(bgr, (max(1, int(bgr.shape[1] * scale)), 48)))

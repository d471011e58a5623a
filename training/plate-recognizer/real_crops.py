"""Real plate crops from the permissively licensed detection sets, labelled by the upstream model.

The detection sets have plate boxes but no plate text. The upstream PP-OCRv4 recogniser (cut to
plate characters, not fine-tuned) reads each plate's character band; only confident reads are kept
as labels. Training on these alongside the synthetic plates keeps the fine-tuned model reading real
glyphs (a Californian W or 4, a worn EU plate) as the upstream model did, while the synthetic
plates teach it what is and is not a plate character. No image is written to the repository:
crops are cached under --cache as a NumPy archive outside it.
"""
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "plate-detector"))
from dataset import load_all, load_image  # noqa: E402

from plate_classes import greedy_decode  # noqa: E402

MIN_MEAN_CONFIDENCE = 0.9
MIN_CHAR_PROBABILITY = 0.6


def band_of(box):
    """The part of a plate box that holds its characters: a tall (US-style, about 2:1) plate's
    middle, between state name and slogan; a long (EU-style) plate is one line already."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    if w / max(h, 1) >= 3:
        return x0, y0, x1, y1
    return x0 + 0.03 * w, y0 + 0.22 * h, x1 - 0.03 * w, y1 - 0.2 * h


def read(model, tensor):
    with torch.no_grad():
        return greedy_decode(model(tensor[None]).softmax(-1)[0])


def build(model, to_tensor, cache):
    """Crops (BGR, with 25 % context around the band so training can jitter it) and their labels."""
    if os.path.exists(cache):
        data = np.load(cache, allow_pickle=True)
        return list(data["crops"]), list(data["bands"]), list(data["texts"])
    crops, bands, texts = [], [], []
    for sample in load_all():
        image = load_image(sample.path)
        height, width = image.shape[:2]
        for box in sample.boxes:
            bx0, by0, bx1, by1 = band_of(box)
            if by1 - by0 < 8:
                continue
            band = image[int(by0):int(by1), int(bx0):int(bx1)]
            text, conf = read(model, to_tensor(band))
            if not (4 <= len(text) <= 8) or np.mean(conf) < MIN_MEAN_CONFIDENCE or min(conf) < MIN_CHAR_PROBABILITY:
                continue
            mx, my = 0.25 * (bx1 - bx0), 0.25 * (by1 - by0)
            cx0, cy0 = int(max(0, bx0 - mx)), int(max(0, by0 - my))
            cx1, cy1 = int(min(width, bx1 + mx)), int(min(height, by1 + my))
            crops.append(image[cy0:cy1, cx0:cx1].copy())
            bands.append((bx0 - cx0, by0 - cy0, bx1 - cx0, by1 - cy0))
            texts.append(text)
    np.savez(cache, crops=np.array(crops, dtype=object), bands=np.array(bands), texts=np.array(texts))
    return crops, bands, texts

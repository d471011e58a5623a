"""Real plate crops from the permissively licensed detection sets, found by a teacher model, labelled by eye.

The detection sets have plate boxes but no plate text. The upstream PP-OCRv4 recogniser (cut to
plate characters, not fine-tuned) reads each plate's character band; only confident reads are kept
as labels. Training on these alongside the synthetic plates keeps the fine-tuned model reading real
glyphs (a Californian W or 4, a worn EU plate) as the upstream model did, while the synthetic
plates teach it what is and is not a plate character. No image is written to the repository:
crops are cached under --cache as a NumPy archive outside it.

A confident teacher is still wrong sometimes, and always in its own way (a W read as M, a UK 1 as
I, a cut or blurred plate read in full). Every crop a teacher has labelled so far was checked by
eye: real-crop-labels.tsv lists each (image and box index, the plate as read by eye, or "-" for a
crop no one can read with certainty, which is left out). The hand labels replace any teacher's,
and a hand-labelled crop the teacher did not read confidently is added; they are applied after
the cache, so the cache stays what the teacher read.
"""
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "plate-detector"))
from dataset import DEFAULT_ROOT, load_all, load_image, natural_aspect  # noqa: E402

from plate_classes import greedy_decode  # noqa: E402

MIN_MEAN_CONFIDENCE = 0.9
MIN_CHAR_PROBABILITY = 0.6
HAND_LABELS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "real-crop-labels.tsv")
VALIDATION = os.path.join(os.path.dirname(os.path.abspath(__file__)), "validation-labels.tsv")


def validation_images(path=VALIDATION):
    """The images of the hand-labelled validation set (validation_set.py): never trained on."""
    with open(path) as f:
        return {line.split("\t")[0] for line in f if line.strip() and not line.startswith("#")}


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


def hand_labels_in(path=HAND_LABELS):
    """{"image#box index": plate or "-"} from the hand-checked labels file."""
    table = {}
    with open(path) as f:
        for number, line in enumerate(f, start=1):
            if line.startswith("#") or not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 3:
                raise SystemExit(f"{path}: line {number}: expected image, box index and plate, tab-separated")
            table[f"{fields[0]}#{int(fields[1])}"] = fields[2]
    return table


def correct(crops, bands, texts, sources, table):
    """The teacher's crops with the hand-checked label in place of the teacher's ("-" leaves a crop
    out), plus every hand-labelled crop the teacher did not read confidently: a checked label does
    not need the teacher to be sure. A crop no one has checked is left out (a teacher reading the
    squashed-back crops may be sure of one it was not sure of before)."""
    kept = [(c, b, table[s]) for c, b, s in zip(crops, bands, sources) if s in table]
    missing = {s for s, t in table.items() if t != "-"} - set(sources)
    by_image = {}
    for source in missing:
        path, index = source.rsplit("#", 1)
        by_image.setdefault(path, []).append(int(index))
    held_out = validation_images()
    for sample in load_all():
        path = os.path.relpath(sample.path, DEFAULT_ROOT)
        if path not in by_image or path in held_out:
            continue
        image, boxes = natural_aspect(load_image(sample.path), sample.boxes, sample.set_name)
        for index in by_image[path]:
            crop, band = crop_of(image, boxes[index])
            kept.append((crop, band, table[f"{path}#{index}"]))
    kept = [(c, b, t) for c, b, t in kept if t != "-"]
    return [k[0] for k in kept], [k[1] for k in kept], [k[2] for k in kept]


def build(model, to_tensor, cache, hand_labels=HAND_LABELS):
    """Crops (BGR, with 25 % context around the band so training can jitter it) and their labels:
    the teacher's, corrected and completed by hand_labels (None: the teacher's as they are)."""
    data = np.load(cache, allow_pickle=True) if os.path.exists(cache) else None
    if data is not None and "sources" in data:
        crops, bands, texts, sources = list(data["crops"]), list(data["bands"]), list(data["texts"]), list(data["sources"])
    else:
        crops, bands, texts, sources = label(model, to_tensor)
        np.savez(cache, crops=np.array(crops, dtype=object), bands=np.array(bands), texts=np.array(texts),
                 sources=np.array(sources))
    if hand_labels is None:
        return crops, bands, texts
    return correct(crops, bands, texts, sources, hand_labels_in(hand_labels))


def crop_of(image, box):
    """The plate's character band with 25 % context around it, and the band within that crop."""
    height, width = image.shape[:2]
    bx0, by0, bx1, by1 = band_of(box)
    mx, my = 0.25 * (bx1 - bx0), 0.25 * (by1 - by0)
    cx0, cy0 = int(max(0, bx0 - mx)), int(max(0, by0 - my))
    cx1, cy1 = int(min(width, bx1 + mx)), int(min(height, by1 + my))
    return image[cy0:cy1, cx0:cx1].copy(), (bx0 - cx0, by0 - cy0, bx1 - cx0, by1 - cy0)


def label(model, to_tensor):
    """Every plate's band the teacher reads confidently: crops, bands, texts and sources ("image#box index")."""
    crops, bands, texts, sources = [], [], [], []
    held_out = validation_images()
    for sample in load_all():
        if os.path.relpath(sample.path, DEFAULT_ROOT) in held_out:
            continue
        image, boxes = natural_aspect(load_image(sample.path), sample.boxes, sample.set_name)
        for index, box in enumerate(boxes):
            bx0, by0, bx1, by1 = band_of(box)
            if by1 - by0 < 8:
                continue
            text, conf = read(model, to_tensor(image[int(by0):int(by1), int(bx0):int(bx1)]))
            if not (4 <= len(text) <= 8) or np.mean(conf) < MIN_MEAN_CONFIDENCE or min(conf) < MIN_CHAR_PROBABILITY:
                continue
            crop, band = crop_of(image, box)
            crops.append(crop)
            bands.append(band)
            texts.append(text)
            sources.append(f"{os.path.relpath(sample.path, DEFAULT_ROOT)}#{index}")
    return crops, bands, texts, sources

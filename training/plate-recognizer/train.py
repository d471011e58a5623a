"""Fine-tunes PP-OCRv4 recognition into a plate reader on synthetic plates, then exports it.

The upstream model reads text in general: 6,625 classes, and habits learnt from documents and
signs (6 read as G, a separator read as a character). Here its output is cut to the 36 plate
characters (plus CTC's blank and the space class, so the keys-file convention holds) and the
whole network is trained on synthetic character bands (synth_plates.py) with CTC loss, at a low
rate so that what it knows about real photographs is kept. The result is the upstream graph with
new weights, stored as float16 (about 3.9 MB).

    /usr/bin/python3 training/plate-recognizer/train.py --steps 1500 --out /tmp/plate-rec
"""
import argparse
import math
import os
import random
import time

import cv2
import numpy as np
import torch
from torch.utils.data import DataLoader, IterableDataset

from onnx_module import OnnxRecognizer
from plate_classes import PLATE_KEYS, greedy_decode, upstream_classes, write_keys
import real_crops
from synth_plates import FONT_FILES, SMALL_FONT_FILES, available_fonts, degrade, sample

HEIGHT = 48
MAX_WIDTH = 320


def to_tensor(bgr):
    """As EdgeIngest's TextLineReader: height 48 keeping aspect, (x/255 - 0.5) / 0.5, BGR planes."""
    width = int(min(MAX_WIDTH, max(16, math.ceil(HEIGHT * bgr.shape[1] / bgr.shape[0]))))
    resized = cv2.resize(bgr, (width, HEIGHT), interpolation=cv2.INTER_LINEAR)
    return torch.from_numpy((resized.astype(np.float32) / 255 - 0.5) / 0.5).permute(2, 0, 1)


class SyntheticBands(IterableDataset):
    """Synthetic bands, mixed with real pseudo-labelled ones (`real`: crops, bands, texts) at `real_fraction`."""

    def __init__(self, seed, real=None, real_fraction=0.0):
        self.seed = seed
        self.real = real
        self.real_fraction = real_fraction if real else 0.0

    def __iter__(self):
        info = torch.utils.data.get_worker_info()
        rng = random.Random(self.seed + (info.id if info else 0) * 7919)
        fonts, small = available_fonts(FONT_FILES), available_fonts(SMALL_FONT_FILES)
        while True:
            bgr, text = self._real(rng) if rng.random() < self.real_fraction else sample(rng, fonts, small)
            yield to_tensor(bgr), text

    def _real(self, rng):
        crops, bands, texts = self.real
        i = rng.randrange(len(crops))
        crop, (x0, y0, x1, y1) = crops[i], bands[i]
        h = y1 - y0
        # The refiner's band is sometimes tighter, sometimes looser than this one.
        x0, x1 = x0 - rng.uniform(-0.03, 0.15) * h, x1 + rng.uniform(-0.03, 0.15) * h
        y0, y1 = y0 - rng.uniform(-0.06, 0.1) * h, y1 + rng.uniform(-0.06, 0.1) * h
        ch, cw = crop.shape[:2]
        x0, y0, x1, y1 = int(max(0, x0)), int(max(0, y0)), int(min(cw, x1)), int(min(ch, y1))
        return degrade(rng, crop[y0:y1, x0:x1], strength=0.5), texts[i]


def collate(batch):
    # Widths rounded up to 32 keep the number of distinct tensor shapes (and allocator churn) small.
    width = min(MAX_WIDTH, -(-max(t.shape[2] for t, _ in batch) // 32) * 32)
    images = torch.zeros(len(batch), 3, HEIGHT, width)  # zero is mid-grey after normalisation, as PaddleOCR pads
    for i, (t, _) in enumerate(batch):
        images[i, :, :, : t.shape[2]] = t
    texts = [text for _, text in batch]
    targets = torch.tensor([PLATE_KEYS.index(c) + 1 for text in texts for c in text], dtype=torch.long)
    lengths = torch.tensor([len(text) for text in texts], dtype=torch.long)
    return images, targets, lengths, texts


def evaluate(model, batches):
    model.eval()
    right = total = 0
    with torch.no_grad():
        for images, _, _, texts in batches:
            for row, truth in zip(model(images), texts):
                read = greedy_decode(row)[0]
                right += read.replace("O", "0") == truth.replace("O", "0")
                total += 1
    model.train()
    return right / max(1, total)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    here = os.path.dirname(os.path.abspath(__file__))
    models = os.path.join(here, "..", "..", "models")
    parser.add_argument("--base", default=os.path.join(models, "ch_PP-OCRv4_rec_infer.onnx"))
    parser.add_argument("--keys", default=os.path.join(models, "ppocr_keys_v1.txt"))
    parser.add_argument("--out", default="/tmp/plate-rec")
    parser.add_argument("--steps", type=int, default=1500)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--export-every", type=int, default=250)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--real-fraction", type=float, default=0.5,
                        help="share of each batch from real plates labelled by the upstream model (real_crops.py)")
    parser.add_argument("--real-cache", help="where the labelled real crops are cached (outside the repository); "
                        "default /tmp/plate-rec-real-crops-<teacher>-natural.npz, one file per teacher")
    parser.add_argument("--teacher", help="an exported plate recogniser to label the real crops with "
                        "(a second round: the first round's model reads more of them confidently than the upstream one)")
    parser.add_argument("--teacher-labels-only", action="store_true",
                        help="train on the teacher's labels as they are, without the hand corrections in real-crop-labels.tsv")
    args = parser.parse_args()

    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    os.makedirs(args.out, exist_ok=True)
    write_keys(os.path.join(args.out, "plate_keys.txt"))
    model = OnnxRecognizer(args.base, upstream_classes(args.keys))
    real = None
    if args.real_fraction > 0:
        # "-natural": crops cut after dataset.natural_aspect; caches from before it hold stretched crops.
        cache = args.real_cache or "/tmp/plate-rec-real-crops-{}-natural.npz".format(
            os.path.splitext(os.path.basename(args.teacher))[0] if args.teacher else "upstream")
        teacher = OnnxRecognizer(args.teacher) if args.teacher else model
        teacher.eval()
        real = real_crops.build(teacher, to_tensor, cache, None if args.teacher_labels_only else real_crops.HAND_LABELS)
        labels = "teacher's labels" if args.teacher_labels_only else "labels checked by hand (real-crop-labels.tsv)"
        print(f"real crops: {len(real[0])} (teacher {args.teacher or 'the upstream model'}, {labels})", flush=True)
        del teacher
    model.train()

    held_out = iter(SyntheticBands(args.seed + 1_000_000))
    validation = [collate([next(held_out) for _ in range(50)]) for _ in range(8)]
    print(f"start: synthetic validation exact {evaluate(model, validation):.3f}", flush=True)

    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    warmup = max(1, min(100, args.steps // 10))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min(1.0, (s + 1) / warmup) * 0.5 * (1 + math.cos(math.pi * min(1.0, s / args.steps))))
    ctc = torch.nn.CTCLoss(blank=0, zero_infinity=True)
    loader = DataLoader(SyntheticBands(args.seed, real, args.real_fraction), batch_size=args.batch, collate_fn=collate, num_workers=1, prefetch_factor=4)
    started = time.time()
    running = 0.0
    for step, (images, targets, lengths, _) in enumerate(loader, start=1):
        logits = model(images)
        log_probs = logits.log_softmax(-1).permute(1, 0, 2)
        steps = torch.full((images.shape[0],), log_probs.shape[0], dtype=torch.long)
        loss = ctc(log_probs, targets, steps, lengths)
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        optimizer.step()
        schedule.step()
        running = 0.98 * running + 0.02 * loss.item() if step > 1 else loss.item()
        if step % 25 == 0:
            print(f"step {step} loss {running:.3f} lr {schedule.get_last_lr()[0]:.2e} {time.time() - started:.0f}s", flush=True)
        if step % args.export_every == 0 or step == args.steps:
            print(f"step {step}: synthetic validation exact {evaluate(model, validation):.3f}", flush=True)
            model.export(os.path.join(args.out, f"plate-recognizer-{step}.onnx"), half=True)
        if step == args.steps:
            break


if __name__ == "__main__":
    main()

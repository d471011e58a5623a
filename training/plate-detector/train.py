"""Trains the single-class plate detector (model.py) on the three real sets plus synthetic scenes.

    # proof that everything runs (tiny subset, 2 epochs, 1 thread, a few minutes of CPU):
    /usr/bin/python3 training/plate-detector/train.py --out /tmp/plate-smoke --smoke
    # the real run (background it; it checkpoints every epoch and resumes with --resume):
    /usr/bin/python3 training/plate-detector/train.py --out ~/plate-run --epochs 120 --threads 2
    /usr/bin/python3 training/plate-detector/train.py --out ~/plate-run --epochs 120 --threads 2 --resume

Writes to --out (keep it outside the repository; .gitignore also covers *.pt):
  last.pt   after every epoch: model, optimiser, epoch, step, args, history (resumable)
  best.pt   the epoch with the best validation AP50
  log.jsonl one JSON line per epoch: losses, validation precision/recall/AP50, images/s

Augmentation (train only; validation is a plain letterbox, as in the product):
- per-set aspect hint (the Roboflow set was stretched to 416x416) and +-20 % aspect jitter;
- scale: half the time the image is scaled so that one random plate gets a log-uniform width of
  12-200 px at the 640 input (the appliance sees ~20-150 px), otherwise letterbox-fit x 0.5-1.6;
- crop / placement: a random 640x384 window that keeps the chosen plate whole, or a random offset
  of a smaller image on grey; plates cut to under half their area are dropped;
- horizontal flip, p = 0.5. Flipping mirrors the characters, which would be wrong for a READER,
  but this is a boxes-only detector: it must find "a rectangle with a row of characters", and a
  mirrored plate has the same outline, size, contrast and layout statistics, while the extra
  left/right variety (EU band side, camera angle, lighting direction) is valuable with ~800 real
  photos. Vertical flips are not used: plates sit below windscreens and are lit from above.
- colour: HSV jitter (hue +-6 deg, saturation and value x0.6-1.4), 10 % greyscale (IR look),
  blur, Gaussian noise, JPEG re-compression.
Synthetic scenes (synthetic.py, --synthetic per epoch, new seeds every epoch) go through the same
augmentation.

Targets and loss (CenterNet): each plate puts an elliptical Gaussian (sigma = 0.54 * size / 6 per
axis, as in TTFNet) on the stride-4 heatmap; penalty-reduced focal loss (alpha 2, beta 4) on it;
size as L1 on log(size / 4) at every cell where the Gaussian is >= 0.5 (more supervised cells,
faster convergence); sub-cell offset as L1 at the centre cell only. Loss = focal + size + offset.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
import time

import cv2
import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import dataset as ds  # noqa: E402
import decode as dec  # noqa: E402
import synthetic  # noqa: E402
from model import STRIDE, PlateNet, PlateNetExport, count_params, regression_to_box_maps  # noqa: E402

cv2.setNumThreads(0)  # the DataLoader/worker owns its thread; keep OpenCV from spawning more


# ----------------------------------------------------------------------------------------------
# augmentation

def augment(img, boxes, aspect_hint, rng, in_w, in_h):
    h0, w0 = img.shape[:2]
    a = math.exp(rng.uniform(-0.2, 0.2))
    sx, sy = math.sqrt(a), aspect_hint / math.sqrt(a)
    fit = min(in_w / (w0 * sx), in_h / (h0 * sy))
    chosen = None
    if len(boxes) and rng.random() < 0.5:
        chosen = boxes[rng.integers(len(boxes))]
        target_w = math.exp(rng.uniform(math.log(12), math.log(200)))
        s = target_w / max(1.0, (chosen[2] - chosen[0]) * sx)
        s = float(np.clip(s, fit * 0.3, fit * 6))
    else:
        s = fit * math.exp(rng.uniform(math.log(0.5), math.log(1.6)))
    fx, fy = s * sx, s * sy
    sw, sh = w0 * fx, h0 * fy
    b = boxes.copy() * np.array([fx, fy, fx, fy], np.float32) if len(boxes) else boxes.reshape(0, 4)
    if chosen is not None:
        cb = chosen * np.array([fx, fy, fx, fy], np.float32)

    def offset(size, canvas, lo_hi):
        if size <= canvas:   # whole image fits: random placement on grey
            return rng.uniform(0, canvas - size) if rng.random() < 0.7 else 0.0
        lo, hi = 0.0, size - canvas
        if lo_hi is not None:   # keep the chosen plate inside when possible
            lo2, hi2 = max(lo, lo_hi[1] - canvas), min(hi, lo_hi[0])
            if lo2 <= hi2:
                lo, hi = lo2, hi2
        return -rng.uniform(lo, hi)

    tx = offset(sw, in_w, (cb[0], cb[2]) if chosen is not None else None)
    ty = offset(sh, in_h, (cb[1], cb[3]) if chosen is not None else None)
    pad = int(rng.integers(90, 140)) if rng.random() < 0.3 else dec.PAD_VALUE
    if max(fx, fy) < 1:   # shrink with area averaging first (no aliasing), then translate
        small = cv2.resize(img, (max(1, round(sw)), max(1, round(sh))), interpolation=cv2.INTER_AREA)
        M = np.array([[1, 0, tx], [0, 1, ty]], np.float32)
        out = cv2.warpAffine(small, M, (in_w, in_h), flags=cv2.INTER_LINEAR,
                             borderMode=cv2.BORDER_CONSTANT, borderValue=(pad, pad, pad))
    else:
        M = np.array([[fx, 0, tx], [0, fy, ty]], np.float32)
        out = cv2.warpAffine(img, M, (in_w, in_h), flags=cv2.INTER_LINEAR,
                             borderMode=cv2.BORDER_CONSTANT, borderValue=(pad, pad, pad))
    if len(b):
        b[:, [0, 2]] += tx
        b[:, [1, 3]] += ty
        area = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
        b[:, [0, 2]] = np.clip(b[:, [0, 2]], 0, in_w)
        b[:, [1, 3]] = np.clip(b[:, [1, 3]], 0, in_h)
        area2 = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
        keep = (area2 >= 0.5 * np.maximum(area, 1e-6)) & (b[:, 2] - b[:, 0] >= 2) & (b[:, 3] - b[:, 1] >= 2)
        b = b[keep]
    if rng.random() < 0.5:
        out = out[:, ::-1].copy()
        if len(b):
            b = np.stack([in_w - b[:, 2], b[:, 1], in_w - b[:, 0], b[:, 3]], 1)
    out = photometric(out, rng)
    return out, b.astype(np.float32)


def photometric(img, rng):
    hsv = cv2.cvtColor(img, cv2.COLOR_BGR2HSV).astype(np.float32)
    hsv[..., 0] = (hsv[..., 0] + rng.uniform(-3, 3)) % 180          # OpenCV hue is 0..180
    hsv[..., 1] *= rng.uniform(0.6, 1.4)
    hsv[..., 2] *= rng.uniform(0.6, 1.4)
    img = cv2.cvtColor(np.clip(hsv, 0, 255).astype(np.uint8), cv2.COLOR_HSV2BGR)
    if rng.random() < 0.1:
        g = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
        img = cv2.cvtColor(g, cv2.COLOR_GRAY2BGR)
    if rng.random() < 0.15:
        img = cv2.GaussianBlur(img, (0, 0), rng.uniform(0.4, 1.2))
    if rng.random() < 0.2:
        img = np.clip(img + rng.normal(0, rng.uniform(2, 10), img.shape), 0, 255).astype(np.uint8)
    if rng.random() < 0.15:
        _, enc = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, int(rng.integers(30, 85))])
        img = cv2.imdecode(enc, cv2.IMREAD_COLOR)
    return img


def crop_window(img, boxes, cw, ch, rng):
    """A cw x ch window of the augmented canvas that holds one random plate whole when possible.
    The network is fully convolutional, so training on windows and running on the whole 640x384
    input is sound; plate scale is unchanged (the window is cut, not resized)."""
    h, w = img.shape[:2]
    x0, y0 = int(rng.integers(0, w - cw + 1)), int(rng.integers(0, h - ch + 1))
    if len(boxes):
        bx = boxes[rng.integers(len(boxes))]
        lo_x, hi_x = max(0, int(math.ceil(bx[2])) - cw), min(w - cw, int(bx[0]))
        lo_y, hi_y = max(0, int(math.ceil(bx[3])) - ch), min(h - ch, int(bx[1]))
        if lo_x <= hi_x:
            x0 = int(rng.integers(lo_x, hi_x + 1))
        if lo_y <= hi_y:
            y0 = int(rng.integers(lo_y, hi_y + 1))
    out = np.ascontiguousarray(img[y0:y0 + ch, x0:x0 + cw])
    if len(boxes):
        b = boxes - np.array([x0, y0, x0, y0], np.float32)
        area = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
        b[:, [0, 2]] = np.clip(b[:, [0, 2]], 0, cw)
        b[:, [1, 3]] = np.clip(b[:, [1, 3]], 0, ch)
        area2 = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
        boxes = b[(area2 >= 0.5 * np.maximum(area, 1e-6)) & (b[:, 2] - b[:, 0] >= 2) & (b[:, 3] - b[:, 1] >= 2)]
    return out, boxes


# ----------------------------------------------------------------------------------------------
# targets

def make_targets(boxes, in_w, in_h):
    """heatmap [1,h,w], reg target [4,h,w] (offset x, y; log(w/4), log(h/4)), size weight [1,h,w],
    centre mask [1,h,w]."""
    gw, gh = in_w // STRIDE, in_h // STRIDE
    hm = np.zeros((gh, gw), np.float32)
    reg = np.zeros((4, gh, gw), np.float32)
    wsize = np.zeros((gh, gw), np.float32)
    cmask = np.zeros((gh, gw), np.float32)
    ys, xs = np.mgrid[0:gh, 0:gw].astype(np.float32)
    # big boxes first, so small plates overwrite the size targets where they overlap
    order = np.argsort(-(boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])) if len(boxes) else []
    for i in order:
        x1, y1, x2, y2 = boxes[i]
        bw, bh = x2 - x1, y2 - y1
        cx, cy = (x1 + x2) / 2 / STRIDE, (y1 + y2) / 2 / STRIDE
        ix, iy = min(int(cx), gw - 1), min(int(cy), gh - 1)
        sgx = max(0.54 * bw / STRIDE / 6, 0.5)
        sgy = max(0.54 * bh / STRIDE / 6, 0.5)
        g = np.exp(-((xs - ix) ** 2 / (2 * sgx ** 2) + (ys - iy) ** 2 / (2 * sgy ** 2)))
        hm = np.maximum(hm, g)
        region = g >= 0.5
        reg[2][region] = math.log(max(bw, 1.0) / STRIDE)
        reg[3][region] = math.log(max(bh, 1.0) / STRIDE)
        wsize[region] = 1.0
        hm[iy, ix] = 1.0
        reg[0, iy, ix], reg[1, iy, ix] = cx - ix, cy - iy
        cmask[iy, ix] = 1.0
    return hm[None], reg, wsize[None], cmask[None]


def focal_loss(logits, target):
    """CenterNet penalty-reduced focal loss, on logits for numerical stability."""
    pos = target.eq(1).float()
    neg = 1 - pos
    logp = F.logsigmoid(logits)
    log1mp = F.logsigmoid(-logits)
    p = torch.sigmoid(logits)
    pos_loss = -(log1mp.exp() ** 2) * logp * pos
    neg_loss = -((1 - target) ** 4) * (p ** 2) * log1mp * neg
    n = pos.sum().clamp(min=1)
    return (pos_loss.sum() + neg_loss.sum()) / n


def compute_loss(hm_logits, reg_raw, hm_t, reg_t, wsize, cmask):
    l_hm = focal_loss(hm_logits, hm_t)
    off = torch.sigmoid(reg_raw[:, 0:2])
    l_off = (F.l1_loss(off, reg_t[:, 0:2], reduction="none") * cmask).sum() / cmask.sum().clamp(min=1)
    l_size = (F.l1_loss(reg_raw[:, 2:4], reg_t[:, 2:4], reduction="none") * wsize).sum() / \
        (2 * wsize.sum()).clamp(min=1)
    return l_hm + l_size + l_off, (l_hm.item(), l_size.item(), l_off.item())


# ----------------------------------------------------------------------------------------------
# data

class TrainSet(torch.utils.data.Dataset):
    """Real samples followed by `n_synth` synthetic scenes. Item i of epoch e is deterministic:
    its augmentation RNG is seeded with (seed, e, i), and synthetic item j renders scene
    seed * 1_000_003 + e * n_synth + j, so every epoch sees new synthetic scenes."""

    def __init__(self, samples, n_synth, in_w, in_h, seed):
        self.samples, self.n_synth, self.in_w, self.in_h, self.seed = samples, n_synth, in_w, in_h, seed
        self.epoch = 0
        self.crop = None   # (w, h): train on a window of the augmented canvas (see --crop)

    def __len__(self):
        return len(self.samples) + self.n_synth

    def __getitem__(self, i):
        rng = np.random.default_rng([self.seed, self.epoch, i])
        if i < len(self.samples):
            s = self.samples[i]
            img, boxes, hint = ds.load_image(s.path), s.boxes, ds.SET_ASPECT_HINT[s.set_name]
        else:
            j = i - len(self.samples)
            img, boxes = synthetic.render(self.seed * 1_000_003 + self.epoch * self.n_synth + j)
            hint = 1.0
        out, b = augment(img, boxes, hint, rng, self.in_w, self.in_h)
        if self.crop:
            out, b = crop_window(out, b, self.crop[0], self.crop[1], rng)
        hm, reg, wsize, cmask = make_targets(b, out.shape[1], out.shape[0])
        x = torch.from_numpy(np.ascontiguousarray(out.transpose(2, 0, 1))).float().div_(255)
        return x, torch.from_numpy(hm), torch.from_numpy(reg), torch.from_numpy(wsize), torch.from_numpy(cmask)


# ----------------------------------------------------------------------------------------------
# validation

def evaluate(net, samples, in_w, in_h, threshold=0.3, iou=0.5):
    """Precision/recall at `threshold`, AP50 over all scores >= 0.05, per set recall."""
    exp = PlateNetExport(net).eval()
    all_scores, all_tp, n_gt = [], [], 0
    tp = fp = fn = 0
    per_set = {}
    with torch.no_grad():
        for s in samples:
            img = ds.load_image(s.path)
            tensor, fx, fy = dec.letterbox(img, in_w, in_h, 1.0, ds.SET_ASPECT_HINT[s.set_name])
            hm, bx = exp(torch.from_numpy(tensor))
            boxes, scores = dec.decode(hm.numpy(), bx.numpy(), fx, fy, img.shape[1], img.shape[0],
                                       threshold=0.05)
            gt = s.boxes
            n_gt += len(gt)
            ious = dec.iou_matrix(boxes, gt)
            matched = np.zeros(len(gt), bool)
            for k in range(len(boxes)):     # greedy, best score first
                j = int(np.argmax(ious[k])) if len(gt) else -1
                ok = j >= 0 and ious[k, j] >= iou and not matched[j]
                if ok:
                    matched[j] = True
                all_scores.append(scores[k])
                all_tp.append(ok)
            # operating point
            sel = scores >= threshold
            ious_t = ious[sel]
            m2 = np.zeros(len(gt), bool)
            for k in range(len(ious_t)):
                j = int(np.argmax(ious_t[k])) if len(gt) else -1
                if j >= 0 and ious_t[k, j] >= iou and not m2[j]:
                    m2[j] = True
                    tp += 1
                else:
                    fp += 1
            fn += int((~m2).sum())
            st = per_set.setdefault(s.set_name, [0, 0])
            st[0] += int(m2.sum())
            st[1] += len(gt)
    order = np.argsort(-np.array(all_scores)) if all_scores else np.zeros(0, int)
    tps = np.array(all_tp, float)[order]
    ctp, cfp = np.cumsum(tps), np.cumsum(1 - tps)
    rec = ctp / max(n_gt, 1)
    prec = ctp / np.maximum(ctp + cfp, 1e-9)
    ap = 0.0
    for t in np.linspace(0, 1, 101):      # COCO-style 101-point interpolated AP
        p = prec[rec >= t]
        ap += (p.max() if len(p) else 0.0) / 101
    return {
        "precision": tp / max(tp + fp, 1), "recall": tp / max(tp + fn, 1), "ap50": ap,
        "tp": tp, "fp": fp, "fn": fn,
        "recall_per_set": {k: round(v[0] / max(v[1], 1), 3) for k, v in per_set.items()},
    }


# ----------------------------------------------------------------------------------------------

def lr_at(step, total_steps, warmup, base_lr):
    if step < warmup:
        return base_lr * (step + 1) / warmup
    t = (step - warmup) / max(1, total_steps - warmup)
    return base_lr * (0.05 + 0.95 * 0.5 * (1 + math.cos(math.pi * min(1.0, t))))


def subset(samples, per_set, seed):
    rnd = random.Random(seed)
    out = []
    for name in ds.SETS:
        group = [s for s in samples if s.set_name == name]
        out += rnd.sample(group, min(per_set, len(group)))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True, help="checkpoint folder (outside the repository)")
    ap.add_argument("--data", default=ds.DEFAULT_ROOT)
    ap.add_argument("--epochs", type=int, default=120)
    ap.add_argument("--batch", type=int, default=8)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--weight-decay", type=float, default=5e-4)
    ap.add_argument("--synthetic", type=int, default=400, help="synthetic scenes per epoch")
    ap.add_argument("--width", type=float, default=1.0, help="channel multiplier of the model")
    ap.add_argument("--input-w", type=int, default=dec.INPUT_W)
    ap.add_argument("--input-h", type=int, default=dec.INPUT_H)
    ap.add_argument("--crop", default="", help="train on WxH windows (multiples of 32) of the 640x384 "
                    "augmented canvas, e.g. 384x224: ~3x faster per image; validation stays full size")
    ap.add_argument("--threads", type=int, default=1,
                    help="torch intra-op threads (1 on a shared 2-core box: 2 threads ran 2.5x SLOWER "
                         "there while other jobs held the cores; use 2 on an idle box)")
    ap.add_argument("--workers", type=int, default=1, help="DataLoader worker processes (0 = inline)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--split-seed", type=int, default=0)
    ap.add_argument("--val-percent", type=int, default=15)
    ap.add_argument("--val-every", type=int, default=1)
    ap.add_argument("--train-per-set", type=int, default=0, help="limit real train images per set (0 = all)")
    ap.add_argument("--val-per-set", type=int, default=0, help="limit validation images per set (0 = all)")
    ap.add_argument("--resume", action="store_true", help="continue from OUT/last.pt")
    ap.add_argument("--smoke", action="store_true",
                    help="tiny end-to-end proof: 8 real images per set + 8 synthetic, 4 val per set, "
                         "2 epochs, batch 4, 1 thread, no workers")
    a = ap.parse_args()
    if a.smoke:
        a.epochs, a.batch, a.threads, a.workers = min(a.epochs, 2), 4, 1, 0
        a.train_per_set, a.val_per_set, a.synthetic = 8, 4, 8
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    os.makedirs(a.out, exist_ok=True)

    samples = ds.load_all(a.data)
    train_s, val_s = ds.split(samples, a.split_seed, a.val_percent)
    print(ds.describe(train_s, val_s))
    if a.train_per_set:
        train_s = subset(train_s, a.train_per_set, a.seed)
    if a.val_per_set:
        val_s = subset(val_s, a.val_per_set, a.seed)
    print(f"training on {len(train_s)} real + {a.synthetic} synthetic images/epoch, validating on {len(val_s)}")

    net = PlateNet(a.width)
    print(f"model: {count_params(net) / 1e6:.3f} M parameters")
    opt = torch.optim.AdamW(net.parameters(), lr=a.lr, weight_decay=a.weight_decay)
    tset = TrainSet(train_s, a.synthetic, a.input_w, a.input_h, a.seed)
    if a.crop:
        cw, ch = (int(v) for v in a.crop.lower().split("x"))
        if cw % 32 or ch % 32 or cw > a.input_w or ch > a.input_h:
            sys.exit("--crop must be WxH, multiples of 32, within the input size")
        tset.crop = (cw, ch)
    steps_per_epoch = math.ceil(len(tset) / a.batch)
    total_steps = steps_per_epoch * a.epochs
    warmup = min(300, max(1, total_steps // 10))
    start_epoch, step, best_ap, history = 0, 0, -1.0, []
    last_path = os.path.join(a.out, "last.pt")
    if a.resume:
        ck = torch.load(last_path, map_location="cpu")
        net.load_state_dict(ck["model"])
        opt.load_state_dict(ck["optimizer"])
        start_epoch, step, best_ap, history = ck["epoch"] + 1, ck["step"], ck["best_ap"], ck["history"]
        print(f"resumed from {last_path}: epoch {start_epoch}, step {step}, best AP50 {best_ap:.3f}")

    for epoch in range(start_epoch, a.epochs):
        tset.epoch = epoch
        loader = torch.utils.data.DataLoader(
            tset, batch_size=a.batch, shuffle=True, num_workers=a.workers, drop_last=False,
            generator=torch.Generator().manual_seed(a.seed * 1000 + epoch))
        net.train()
        t0, n_img, sums = time.time(), 0, np.zeros(4)
        for it, (x, hm_t, reg_t, wsize, cmask) in enumerate(loader):
            for g in opt.param_groups:
                g["lr"] = lr_at(step, total_steps, warmup, a.lr)
            hm_l, reg_r = net(x)
            loss, parts = compute_loss(hm_l, reg_r, hm_t, reg_t, wsize, cmask)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 10.0)
            opt.step()
            step += 1
            n_img += x.shape[0]
            sums += np.array([loss.item(), *parts]) * x.shape[0]
            if it % 20 == 0 or a.smoke:
                el = time.time() - t0
                print(f"epoch {epoch + 1}/{a.epochs} it {it + 1}/{steps_per_epoch} loss {loss.item():.3f} "
                      f"(hm {parts[0]:.3f} size {parts[1]:.3f} off {parts[2]:.3f}) "
                      f"lr {opt.param_groups[0]['lr']:.2e} {n_img / max(el, 1e-9):.1f} img/s", flush=True)
        train_time = time.time() - t0
        rec = {"epoch": epoch + 1, "step": step, "images": n_img, "train_s": round(train_time, 1),
               "images_per_s": round(n_img / train_time, 2),
               "loss": round(sums[0] / n_img, 4), "loss_hm": round(sums[1] / n_img, 4),
               "loss_size": round(sums[2] / n_img, 4), "loss_off": round(sums[3] / n_img, 4)}
        if (epoch + 1) % a.val_every == 0 or epoch + 1 == a.epochs:
            t1 = time.time()
            rec.update(evaluate(net, val_s, a.input_w, a.input_h))
            rec["val_s"] = round(time.time() - t1, 1)
        history.append(rec)
        print(json.dumps(rec), flush=True)
        with open(os.path.join(a.out, "log.jsonl"), "a") as f:
            f.write(json.dumps(rec) + "\n")
        ck = {"model": net.state_dict(), "optimizer": opt.state_dict(), "epoch": epoch, "step": step,
              "best_ap": best_ap, "history": history, "args": vars(a)}
        if rec.get("ap50", -1) > best_ap:
            best_ap = ck["best_ap"] = rec["ap50"]
            torch.save(ck, os.path.join(a.out, "best.pt.tmp"))
            os.replace(os.path.join(a.out, "best.pt.tmp"), os.path.join(a.out, "best.pt"))
        torch.save(ck, last_path + ".tmp")
        os.replace(last_path + ".tmp", last_path)   # atomic: a kill mid-save never corrupts last.pt
    print(f"done: best validation AP50 {best_ap:.3f}; checkpoints in {a.out}")


if __name__ == "__main__":
    main()

"""Reference post-processing for the plate detector: model outputs -> plate boxes in frame pixels.

This file is the specification the C# port follows; train.py validates with these same functions,
so validation numbers are the numbers of exactly this decoding.

1. Preprocessing (letterbox, top-left; see `letterbox`):
   - frame: BGR24, W0 x H0 (the appliance's frames are BGR; keep B, G, R order)
   - s = min(640 / W0, 384 / H0); resize the frame to (round(W0 * s), round(H0 * s)) with
     bilinear interpolation (area averaging when shrinking is also fine), place it at the TOP-LEFT
     of a 640x384 canvas filled with grey 114 (all three channels); 1280x720 -> s = 0.5,
     640x360, rows 360..383 grey.
   - tensor: float32 [1, 3, 384, 640] NCHW, channel 0 = B, 1 = G, 2 = R, value = byte / 255.
     No mean/std: the network normalises internally.
2. Run the model. Outputs (grid h = 96, w = 160, stride 4):
   - "heatmap" float32 [1, 1, 96, 160]: probability 0..1 that a plate centre falls in cell (y, x)
   - "box"     float32 [1, 4, 96, 160]: dx, dy (0..1, centre offset inside the cell), bw, bh
     (plate width and height in 640x384 input pixels)
3. Peaks: a cell (y, x) is a detection when heatmap[y, x] >= threshold (0.3 by default) AND it is
   the maximum of its 3x3 neighbourhood (cells outside the grid do not count; ties: a cell equal to
   its neighbour's maximum is a peak, as with max-pool equality in CenterNet). Keep the top_k (100)
   highest scores.
4. Box of a peak, in input pixels: cx = (x + dx) * 4, cy = (y + dy) * 4,
   x1 = cx - bw / 2, y1 = cy - bh / 2, x2 = cx + bw / 2, y2 = cy + bh / 2.
5. Back to the frame: divide all four by s, clamp x to [0, W0] and y to [0, H0]; drop boxes whose
   centre falls in the grey padding (cy / s > H0 or cx / s > W0).
6. Greedy IoU non-maximum suppression at 0.5 over the (few) survivors, highest score first. The
   heatmap peaks rarely overlap; this only removes the odd double peak on a large plate.
Score = the heatmap value at the peak.

    /usr/bin/python3 training/plate-detector/decode.py --checkpoint CKPT --image IMG [--onnx ONNX]
runs one image through the checkpoint (torch) and, if given, through the ONNX file with OpenCV's
DNN module (onnxruntime is not installable here), and prints both box lists.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import numpy as np

INPUT_W, INPUT_H, STRIDE, PAD_VALUE = 640, 384, 4, 114


def letterbox(img_bgr, in_w=INPUT_W, in_h=INPUT_H, sx=1.0, sy=1.0):
    """Step 1. Returns (float32 [1, 3, in_h, in_w] tensor, scale_x, scale_y). sx, sy are extra
    per-axis factors used only by training (the stretched set); the product uses 1, 1."""
    import cv2
    h0, w0 = img_bgr.shape[:2]
    s = min(in_w / (w0 * sx), in_h / (h0 * sy))
    fx, fy = s * sx, s * sy
    nw, nh = min(in_w, round(w0 * fx)), min(in_h, round(h0 * fy))
    interp = cv2.INTER_AREA if max(fx, fy) < 1 else cv2.INTER_LINEAR
    resized = cv2.resize(img_bgr, (nw, nh), interpolation=interp)
    canvas = np.full((in_h, in_w, 3), PAD_VALUE, np.uint8)
    canvas[:nh, :nw] = resized
    tensor = canvas.astype(np.float32).transpose(2, 0, 1)[None] / 255.0
    return np.ascontiguousarray(tensor), fx, fy


def peaks(heatmap, threshold=0.3, top_k=100):
    """Step 3. heatmap: [h, w]. Returns (ys, xs, scores), best first."""
    h, w = heatmap.shape
    padded = np.full((h + 2, w + 2), -np.inf, np.float32)
    padded[1:-1, 1:-1] = heatmap
    neigh = np.max(np.stack([padded[dy:dy + h, dx:dx + w] for dy in range(3) for dx in range(3)]), axis=0)
    ys, xs = np.nonzero((heatmap >= threshold) & (heatmap >= neigh))
    scores = heatmap[ys, xs]
    order = np.argsort(-scores, kind="stable")[:top_k]
    return ys[order], xs[order], scores[order]


def iou_matrix(a, b):
    if len(a) == 0 or len(b) == 0:
        return np.zeros((len(a), len(b)), np.float32)
    ix1 = np.maximum(a[:, None, 0], b[None, :, 0])
    iy1 = np.maximum(a[:, None, 1], b[None, :, 1])
    ix2 = np.minimum(a[:, None, 2], b[None, :, 2])
    iy2 = np.minimum(a[:, None, 3], b[None, :, 3])
    inter = np.clip(ix2 - ix1, 0, None) * np.clip(iy2 - iy1, 0, None)
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    return inter / np.maximum(area_a[:, None] + area_b[None, :] - inter, 1e-9)


def nms(boxes, scores, iou_threshold=0.5):
    """Step 6. Inputs sorted best first; returns kept indices."""
    keep = []
    suppressed = np.zeros(len(boxes), bool)
    ious = iou_matrix(boxes, boxes)
    for i in range(len(boxes)):
        if suppressed[i]:
            continue
        keep.append(i)
        suppressed |= ious[i] > iou_threshold
    return np.array(keep, int)


def decode(heatmap, box, fx=1.0, fy=1.0, frame_w=None, frame_h=None,
           threshold=0.3, top_k=100, nms_iou=0.5):
    """Steps 3-6. heatmap [1,1,h,w] or [h,w]; box [1,4,h,w] or [4,h,w]; fx, fy: letterbox scale
    (s, s in the product). Returns (boxes float32 [N, 4] x1 y1 x2 y2 in frame pixels, scores [N])."""
    hm = np.asarray(heatmap, np.float32).reshape(heatmap.shape[-2:])
    bx = np.asarray(box, np.float32).reshape(4, *hm.shape)
    ys, xs, scores = peaks(hm, threshold, top_k)
    dx, dy, bw, bh = bx[0, ys, xs], bx[1, ys, xs], bx[2, ys, xs], bx[3, ys, xs]
    cx, cy = (xs + dx) * STRIDE, (ys + dy) * STRIDE
    boxes = np.stack([cx - bw / 2, cy - bh / 2, cx + bw / 2, cy + bh / 2], axis=1).astype(np.float32)
    boxes[:, [0, 2]] /= fx
    boxes[:, [1, 3]] /= fy
    if frame_w is not None and frame_h is not None:
        inside = (cx / fx <= frame_w) & (cy / fy <= frame_h)
        boxes, scores = boxes[inside], scores[inside]
        boxes[:, [0, 2]] = np.clip(boxes[:, [0, 2]], 0, frame_w)
        boxes[:, [1, 3]] = np.clip(boxes[:, [1, 3]], 0, frame_h)
    keep = nms(boxes, scores, nms_iou) if len(boxes) else np.zeros(0, int)
    return boxes[keep].reshape(-1, 4), scores[keep]


def _main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--checkpoint", help="a train.py checkpoint (.pt)")
    ap.add_argument("--onnx", help="an export.py ONNX file (run with OpenCV DNN)")
    ap.add_argument("--image", required=True)
    ap.add_argument("--threshold", type=float, default=0.3)
    ap.add_argument("--draw", help="write the image with boxes here (outside the repository)")
    a = ap.parse_args()
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from dataset import load_image
    img = load_image(a.image)
    tensor, fx, fy = letterbox(img)
    h0, w0 = img.shape[:2]
    results = {}
    if a.checkpoint:
        import torch
        from model import PlateNet, PlateNetExport
        ck = torch.load(a.checkpoint, map_location="cpu")
        net = PlateNet(ck["args"].get("width", 1.0))
        net.load_state_dict(ck["model"])
        exp = PlateNetExport(net).eval()
        with torch.no_grad():
            hm, bx = exp(torch.from_numpy(tensor))
        results["torch"] = decode(hm.numpy(), bx.numpy(), fx, fy, w0, h0, a.threshold)
        ys, xs, sc = peaks(hm.numpy()[0, 0], 0.0, 3)
        print("torch: top heatmap peaks " + ", ".join(
            f"{v:.4f} at cell ({y},{x})" for y, x, v in zip(ys, xs, sc)))
    if a.onnx:
        import cv2
        net = cv2.dnn.readNetFromONNX(a.onnx)
        net.setInput(tensor)
        out_names = ["heatmap", "box"]
        hm, bx = net.forward(out_names)
        t = time.perf_counter()
        for _ in range(5):
            net.setInput(tensor)
            net.forward(out_names)
        ms = (time.perf_counter() - t) / 5 * 1000
        print(f"onnx via OpenCV DNN {cv2.__version__}: {ms:.1f} ms / image ({cv2.getNumThreads()} threads)")
        results["onnx"] = decode(hm, bx, fx, fy, w0, h0, a.threshold)
    for name, (boxes, scores) in results.items():
        print(f"{name}: {len(boxes)} plate(s) in {w0}x{h0}")
        for b, s in zip(boxes, scores):
            print(f"  score {s:.3f}  box x1={b[0]:.1f} y1={b[1]:.1f} x2={b[2]:.1f} y2={b[3]:.1f}")
    if "torch" in results and "onnx" in results:
        (b1, s1), (b2, s2) = results["torch"], results["onnx"]
        same = len(b1) == len(b2) and (len(b1) == 0 or np.allclose(b1, b2, atol=0.5))
        print(f"torch and onnx agree: {same}")
    if a.draw:
        import cv2
        boxes, scores = next(iter(results.values()))
        for b, s in zip(boxes, scores):
            cv2.rectangle(img, (int(b[0]), int(b[1])), (int(b[2]), int(b[3])), (0, 255, 0), 2)
            cv2.putText(img, f"{s:.2f}", (int(b[0]), int(b[1]) - 3), cv2.FONT_HERSHEY_SIMPLEX, 0.5, (0, 255, 0), 1)
        cv2.imwrite(a.draw, img)


if __name__ == "__main__":
    _main()
